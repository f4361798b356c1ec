package org.targetedmoney.bridge.run;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.targetedmoney.bridge.journal.EngineSnapshots;

/**
 * The bridge as a child JVM ({@code BridgeCli run --config FILE}) on the test's class path, its output appended to
 * one log file across restarts. The crash test kills it with SIGKILL and starts it again on the same data directory.
 */
final class BridgeProcess implements AutoCloseable {
    /** Longest wait for a started child to answer {@code GET /health}. */
    static final long START_TIMEOUT_MILLIS = 60_000;
    /** Longest wait for a killed child to be gone. */
    static final long KILL_TIMEOUT_SECONDS = 10;
    /** The child snapshots its engine this often (the default, 10 000 entries, would never snapshot in a test). */
    static final int SNAPSHOT_EVERY_ENTRIES = 5;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500))
            .version(HttpClient.Version.HTTP_1_1).build();

    private final Path config;
    private final Path log;
    private final int port;
    private Process process;
    private int starts;

    BridgeProcess(Path config, Path log, int port) {
        this.config = config;
        this.log = log;
        this.port = port;
    }

    /** Starts a new child (the previous one must be dead). */
    void start() throws IOException {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("the previous bridge process " + process.pid() + " is still alive");
        }
        String javaCommand = ProcessHandle.current().info().command().orElseThrow();
        starts++;
        Files.writeString(log, "---- start " + starts + " at " + Instant.now() + " ----\n", StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        process = new ProcessBuilder(List.of(javaCommand, "--enable-native-access=ALL-UNNAMED", "-Xmx256m",
                // Start-up is most of a round's time: C1 only and the serial collector start fastest.
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                // Snapshots every few journal entries, so that kills fall before, during and after them.
                "-D" + EngineSnapshots.EVERY_ENTRIES_PROPERTY + "=" + SNAPSHOT_EVERY_ENTRIES,
                "-cp", System.getProperty("java.class.path"), BridgeCli.class.getName(),
                "run", "--config", config.toString()))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    }

    /** Waits until the child answers {@code GET /health} with 200; fails with the log's tail if it dies or hangs. */
    void awaitHealthy() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(START_TIMEOUT_MILLIS);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("the bridge exited with " + process.exitValue() + " while starting:\n"
                        + logTail(60));
            }
            if (healthy()) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the bridge did not answer /health in " + START_TIMEOUT_MILLIS + " ms:\n"
                + logTail(60));
    }

    private boolean healthy() throws InterruptedException {
        try {
            HttpResponse<Void> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
            return r.statusCode() == 200;
        } catch (IOException e) {
            return false; // not listening yet
        }
    }

    /** Whether the current child is running. */
    boolean alive() {
        return process != null && process.isAlive();
    }

    /** SIGKILL (no shutdown hook runs, RocksDB is not closed), then checks the process is gone. */
    void kill() throws InterruptedException {
        long pid = process.pid();
        process.destroyForcibly();
        if (!process.waitFor(KILL_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            throw new AssertionError("bridge process " + pid + " survived SIGKILL for " + KILL_TIMEOUT_SECONDS + " s");
        }
        if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            throw new AssertionError("bridge process " + pid + " is still alive after SIGKILL");
        }
    }

    /** How many children were started. */
    int starts() {
        return starts;
    }

    /** How many lines of the children's output contain {@code text}. */
    long logLinesContaining(String text) {
        try (var lines = Files.lines(log, StandardCharsets.UTF_8)) {
            return lines.filter(l -> l.contains(text)).count();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The last lines of the children's output. */
    String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(log " + log + " unreadable: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (alive()) {
            kill();
        }
    }
}
