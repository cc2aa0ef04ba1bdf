package dev.strom.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Apache Kafka (a KRaft combined node on loopback) as the reference Strom is compared with,
 * started and stopped through scripts/kafka-peer.sh with this JVM's classpath, which holds
 * the broker's jars. {@link #shared()} is one node for every test class in the JVM.
 */
public final class KafkaPeer implements AutoCloseable {
    private static KafkaPeer shared;
    private final Path dir;
    private final String bootstrap;

    private KafkaPeer(Path dir, String bootstrap) {
        this.dir = dir;
        this.bootstrap = bootstrap;
    }

    public static synchronized KafkaPeer shared() {
        if (shared == null) {
            shared = start();
            KafkaPeer k = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(k::close));
        }
        return shared;
    }

    /** Starts a node with Kafka's defaults plus {@code properties} ("name=value"). */
    public static KafkaPeer start(String... properties) {
        try {
            Path dir = Files.createTempDirectory("kafka-peer-");
            List<String> cmd = new ArrayList<>(List.of(script().toString(), "start",
                    dir.toString()));
            cmd.addAll(List.of(properties));
            String out = script(cmd);
            String bootstrap = out.lines().reduce((a, b) -> b).orElse("").strip();
            if (!bootstrap.matches("127\\.0\\.0\\.1:\\d+")) {
                throw new IllegalStateException("kafka-peer.sh start printed: " + out);
            }
            return new KafkaPeer(dir, bootstrap);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path script() {
        return StromBroker.repositoryRoot().resolve("scripts/kafka-peer.sh");
    }

    private static String script(List<String> cmd) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("KAFKA_PEER_CLASSPATH", System.getProperty("java.class.path"));
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process p = pb.start();
        try {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", cmd) + " failed: " + out);
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public String bootstrap() {
        return bootstrap;
    }

    public Path dataDir() {
        return dir.resolve("data");
    }

    @Override
    public void close() {
        try {
            script(List.of(script().toString(), "stop", dir.toString()));
        } catch (IOException | IllegalStateException e) {
            // Best effort at exit; the directory is removed below either way.
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A temp directory left behind is not worth failing a test for.
        }
    }
}
