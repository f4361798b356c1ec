package org.targetedmoney.node.run;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.targetedmoney.node.cli.NodeCli;

/**
 * A node run by its own command line in a child JVM, so that a test can kill it with SIGKILL (no shutdown
 * hook, no flush: what a power cut or the OOM killer does) and start it again on the same data directory.
 */
final class NodeProcess implements AutoCloseable {
    private static final long START_TIMEOUT_MILLIS = 60_000;
    private static final long POLL_MILLIS = 100;

    private final Process process;
    final String url;

    private NodeProcess(Process process, String url) {
        this.process = process;
        this.url = url;
    }

    /** Starts {@code ledger-node run} and returns once {@code /health} answers UP. */
    static NodeProcess start(Path genesis, Path dataDir, int rpcPort, int raftPort, Path log) throws Exception {
        String java = ProcessHandle.current().info().command().orElseThrow();
        List<String> command = List.of(java, "--enable-native-access=ALL-UNNAMED", "-Xmx512m",
                "-cp", System.getProperty("java.class.path"), NodeCli.class.getName(), "run",
                "--genesis", genesis.toString(), "--data-dir", dataDir.toString(), "--host", "127.0.0.1",
                "--rpc-port", Integer.toString(rpcPort), "--raft-port", Integer.toString(raftPort));
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        NodeProcess node = new NodeProcess(p, "http://127.0.0.1:" + rpcPort);
        node.awaitHealthy(log);
        return node;
    }

    private void awaitHealthy(Path log) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest health = HttpRequest.newBuilder(URI.create(url + "/health")).timeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(START_TIMEOUT_MILLIS);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the node exited with " + process.exitValue() + "; see " + log);
            }
            try {
                if (http.send(health, HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // the port is not open yet
            }
            Thread.sleep(POLL_MILLIS);
        }
        process.destroyForcibly();
        throw new IllegalStateException("the node was not healthy within " + START_TIMEOUT_MILLIS + " ms; see " + log);
    }

    /** SIGKILL: the JVM gets no chance to close RocksDB, Ratis or the sockets. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the killed node did not exit");
        }
    }

    /** A clean stop (SIGTERM: the shutdown hook closes the node). */
    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                kill();
            }
        }
    }
}
