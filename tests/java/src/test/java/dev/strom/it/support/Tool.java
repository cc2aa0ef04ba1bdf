package dev.strom.it.support;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs one of Kafka's command-line tools the way its `kafka-*.sh` script does: a fresh JVM,
 * `java -cp <classpath> <MainClass> args...`, with the test classpath (which holds kafka-tools
 * and kafka_2.13) and a quiet log4j2 configuration.
 */
public final class Tool {
    private static final long TIMEOUT_SECONDS = 120;

    public final int exitCode;
    public final String stdout;
    public final String stderr;

    private Tool(int exitCode, String stdout, String stderr) {
        this.exitCode = exitCode;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    public static Tool run(String mainClass, String... args) {
        return runWithInput(null, mainClass, args);
    }

    /** Runs the tool with {@code input} on its standard input (null: none). */
    public static Tool runWithInput(String input, String mainClass, String... args) {
        List<String> cmd = new ArrayList<>(javaCommand());
        cmd.add(mainClass);
        cmd.addAll(List.of(args));
        try {
            Path out = Files.createTempFile("tool-", ".out");
            Path err = Files.createTempFile("tool-", ".err");
            ProcessBuilder pb = new ProcessBuilder(cmd)
                    .redirectOutput(out.toFile()).redirectError(err.toFile());
            Process p = pb.start();
            try (OutputStream in = p.getOutputStream()) {
                if (input != null) {
                    in.write(input.getBytes(StandardCharsets.UTF_8));
                }
            }
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor();
                throw new AssertionError(mainClass + " did not finish in " + TIMEOUT_SECONDS
                        + " s; stdout: " + Files.readString(out) + " stderr: "
                        + Files.readString(err));
            }
            Tool t = new Tool(p.exitValue(), Files.readString(out), Files.readString(err));
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
            return t;
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** `java` with this JVM's classpath and the quiet logging config; for tools and workers. */
    public static List<String> javaCommand() {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String log4j = Tool.class.getResource("/log4j2-tools.properties").toString();
        return List.of(java, "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Dlog4j2.configurationFile=" + log4j,
                "-cp", System.getProperty("java.class.path"));
    }

    /** Fails with both outputs unless the tool exited 0. */
    public Tool ok() {
        if (exitCode != 0) {
            throw new AssertionError("exit " + exitCode + "\nstdout:\n" + stdout
                    + "\nstderr:\n" + stderr);
        }
        return this;
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\nstdout:\n" + stdout + "\nstderr:\n" + stderr;
    }
}
