package dev.strom.it.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One real `strom server` process on 127.0.0.1, started the way tests/conftest.py starts it:
 * `--listen 127.0.0.1:0`, then the address is read from the "strom listening on H:P" line.
 *
 * <p>The binary is {@code $STROM_BIN}, or {@code target/debug/strom} under the repository root
 * (the system property {@code strom.root}, set by the pom). {@link #shared()} is one broker for
 * every test class in the JVM that only needs a broker; a test that restarts, kills or
 * reconfigures a broker starts its own with {@link #start(Map)}.
 */
public final class StromBroker implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("strom listening on ([\\d.]+):(\\d+)");
    private static final long STARTUP_SECONDS = 30;
    private static StromBroker shared;

    private final Path dataDir;
    private final Path logFile;
    private final Map<String, String> properties;
    private Process process;
    private int port;

    private StromBroker(Path dataDir, Map<String, String> properties) {
        this.dataDir = dataDir;
        this.logFile = dataDir.resolveSibling(dataDir.getFileName() + ".log");
        this.properties = properties;
    }

    /** The broker shared by every test class that does not need its own; stopped at JVM exit. */
    public static synchronized StromBroker shared() {
        if (shared == null) {
            shared = start(Map.of());
            StromBroker b = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(b::close));
        }
        return shared;
    }

    /**
     * Starts a broker with its own temporary data directory. {@code properties} are Kafka
     * broker property names, passed as STROM_* environment variables.
     */
    public static StromBroker start(Map<String, String> properties) {
        try {
            Path dir = Files.createTempDirectory("strom-java-");
            StromBroker b = new StromBroker(dir.resolve("data"), properties);
            b.launch(0);
            return b;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path repositoryRoot() {
        return Paths.get(System.getProperty("strom.root", "../..")).toAbsolutePath().normalize();
    }

    public static Path binary() {
        String env = System.getenv("STROM_BIN");
        return env != null && !env.isEmpty()
                ? Paths.get(env)
                : repositoryRoot().resolve("target/debug/strom");
    }

    private void launch(int listenPort) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(binary().toString(), "server",
                "--data-dir", dataDir.toString(), "--listen", "127.0.0.1:" + listenPort));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().putIfAbsent("STROM_LOG", "info");
        // Kafka's 3 s default only slows tests that form groups; a test that compares
        // defaults with Kafka's starts its own broker.
        pb.environment().put("STROM_GROUP_INITIAL_REBALANCE_DELAY_MS", "0");
        properties.forEach((k, v) ->
                pb.environment().put("STROM_" + k.toUpperCase().replace('.', '_'), v));
        pb.redirectError(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        process = pb.start();
        BufferedReader out = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<Integer> found = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try {
                String line;
                while ((line = out.readLine()) != null) {
                    Matcher m = LISTENING.matcher(line);
                    if (m.find()) {
                        found.complete(Integer.parseInt(m.group(2)));
                    }
                }
            } catch (IOException e) {
                // The process ended; the wait below reports it.
            }
            found.complete(-1);
        }, "strom-stdout");
        reader.setDaemon(true);
        reader.start();
        try {
            int p = found.get(STARTUP_SECONDS, TimeUnit.SECONDS);
            if (p < 0) {
                throw new IllegalStateException("strom exited before listening; see " + logFile);
            }
            port = p;
        } catch (Exception e) {
            process.destroyForcibly();
            throw new IllegalStateException("strom did not start; see " + logFile, e);
        }
    }

    public String bootstrap() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public Path dataDir() {
        return dataDir;
    }

    public Path logFile() {
        return logFile;
    }

    public boolean alive() {
        return process != null && process.isAlive();
    }

    /** Stops the process (SIGTERM, then SIGKILL after 30 s); the data directory stays. */
    public void stop() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** SIGKILL: the crash a durability test recovers from. */
    public void kill() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly().waitFor();
        }
    }

    /** Starts the process again on the same port and data directory. */
    public void restart() throws IOException {
        stop();
        launch(port);
    }

    @Override
    public void close() {
        stop();
        try (Stream<Path> files = Files.walk(dataDir.getParent())) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A temp directory left behind is not worth failing a test for.
        }
    }
}
