package dev.strom.it.support;

import java.util.concurrent.atomic.AtomicInteger;

/** Topic, group and transactional ids unique within one shared broker. */
public final class Names {
    private static final AtomicInteger NEXT = new AtomicInteger();
    private static final String RUN = Long.toString(System.nanoTime() % 100000, 36);

    private Names() {}

    public static String unique(String prefix) {
        return prefix + "-" + RUN + "-" + NEXT.incrementAndGet();
    }
}
