package org.targetedmoney.bridge.run;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;
import org.targetedmoney.netconfig.demo.DemoNetwork;
import org.targetedmoney.netconfig.demo.Programmes;
import org.targetedmoney.node.run.LedgerNode;
import org.targetedmoney.node.run.NodeConfig;
import org.targetedmoney.wallet.core.LedgerConnection;
import org.web3j.crypto.Credentials;

/**
 * A one-validator ledger node from the demo genesis, whose clock a test moves, and a settlement bridge following
 * it: what the bridge's end-to-end tests share. The node's clock starts ten days into November 2026 (epoch 682).
 */
final class BridgeTestbed implements AutoCloseable {
    /** 2026-11-01T00:00:00Z, the start of epoch 682. */
    static final long GENESIS_TIME = 1_793_491_200L;
    static final int EPOCH = 682;
    static final int HEALTH = 1;
    static final int FOOD = 2;

    final Path dir;
    final DemoNetwork.Demo demo;
    /** Seconds added to the node's clock: a test moves the ledger's time forward with it. */
    final AtomicLong shiftSeconds = new AtomicLong(GENESIS_TIME + 10 * 86_400 - Instant.now().getEpochSecond());
    final NodeConfig nodeConfig;
    LedgerNode node;
    LedgerConnection ledger;
    BridgeConfig config;
    BridgeServer bridge;

    /** Writes the demo genesis in {@code dir} and starts a node on free loopback ports. */
    BridgeTestbed(Path dir) throws Exception {
        this.dir = dir;
        demo = DemoNetwork.generate(Programmes.ALL, new DemoNetwork.Options(DemoNetwork.DEFAULT_CHAIN_ID,
                Instant.ofEpochSecond(GENESIS_TIME), null, "demo"));
        DemoNetwork.write(demo, dir.resolve("config"), false);
        nodeConfig = new NodeConfig(dir.resolve("config").resolve(DemoNetwork.GENESIS_FILE), dir.resolve("node"),
                "127.0.0.1", freePort(), freePort(), new ShiftedClock(shiftSeconds));
        startNode();
        Files.writeString(dir.resolve("bridge.key"), key(DemoNetwork.BRIDGE_LABEL).getEcKeyPair().getPrivateKey()
                .toString(16));
    }

    /** (Re)starts the node on its data directory and ports. */
    void startNode() throws Exception {
        node = LedgerNode.start(nodeConfig);
        ledger = LedgerConnection.connect(rpcUrl());
    }

    String rpcUrl() {
        return "http://127.0.0.1:" + nodeConfig.rpcPort();
    }

    Credentials key(String label) {
        return demo.keys().byLabel(label).credentials();
    }

    /** Starts the bridge of a configuration text (relative paths are under the test bed's directory). */
    void startBridge(String configJson) throws Exception {
        config = BridgeConfigReader.parse(configJson, dir);
        startBridge();
    }

    /** (Re)starts the bridge of the last configuration, on its store. */
    void startBridge() throws Exception {
        bridge = BridgeServer.start(config, new PrintWriter(new StringWriter()));
    }

    BridgeClient client() {
        return new BridgeClient(URI.create("http://127.0.0.1:" + bridge.httpPort()));
    }

    @Override
    public void close() {
        if (bridge != null) {
            bridge.close();
        }
        if (node != null) {
            node.close();
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** The system clock shifted by a number of seconds the test moves. */
    static final class ShiftedClock extends Clock {
        private final AtomicLong shift;

        ShiftedClock(AtomicLong shift) {
            this.shift = shift;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.now().plusSeconds(shift.get());
        }
    }
}
