package org.targetedmoney.bench.bridge;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.targetedmoney.bridge.run.BridgeConfigReader;
import org.targetedmoney.bridge.run.BridgeServer;
import org.targetedmoney.netconfig.demo.DemoNetwork;
import org.targetedmoney.netconfig.demo.Programmes;
import org.targetedmoney.node.run.LedgerNode;
import org.targetedmoney.node.run.NodeConfig;

/**
 * A one-validator ledger node from the demo genesis and a settlement bridge following it, both in this JVM on
 * 127.0.0.1, their data under {@code dir} (as {@code run.BridgeEndToEndTest} starts them). The node's clock is
 * the system clock moved to {@value #DAYS_INTO_MONTH} days after the genesis (2026-11-01), so the bridge's current
 * month is 2026-11 whatever the day; the bridge stores on disk with synced writes, as in production.
 */
final class BridgeUnderLoad implements AutoCloseable {
    static final Instant GENESIS = Instant.parse("2026-11-01T00:00:00Z");
    static final int DAYS_INTO_MONTH = 10;
    static final String MEMBERS_ACCOUNT = "ssa-members";
    static final String PUBLIC_ACCOUNT = "state";

    private final LedgerNode node;
    private final BridgeServer bridge;

    private BridgeUnderLoad(LedgerNode node, BridgeServer bridge) {
        this.node = node;
        this.bridge = bridge;
    }

    static BridgeUnderLoad start(Path dir) throws Exception {
        DemoNetwork.Demo demo = DemoNetwork.generate(Programmes.ALL, new DemoNetwork.Options(
                DemoNetwork.DEFAULT_CHAIN_ID, GENESIS, null, "demo"));
        DemoNetwork.write(demo, dir.resolve("config"), false);
        Clock clock = Clock.offset(Clock.systemUTC(),
                Duration.between(Instant.now(), GENESIS.plus(Duration.ofDays(DAYS_INTO_MONTH))));
        LedgerNode node = LedgerNode.start(new NodeConfig(dir.resolve("config").resolve(DemoNetwork.GENESIS_FILE),
                dir.resolve("node"), "127.0.0.1", freePort(), freePort(), clock));
        try {
            Path key = dir.resolve("bridge.key");
            Files.writeString(key, demo.keys().byLabel(DemoNetwork.BRIDGE_LABEL).credentials().getEcKeyPair()
                    .getPrivateKey().toString(16));
            Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
            BridgeServer bridge = BridgeServer.start(BridgeConfigReader.parse(configJson(node.rpcPort()), dir),
                    new PrintWriter(System.err, true));
            return new BridgeUnderLoad(node, bridge);
        } catch (Exception | Error e) {
            node.close();
            throw e;
        }
    }

    private static String configJson(int rpcPort) {
        return """
                {
                  "dataDir": "bridge-data",
                  "ledger": {"rpcUrl": "http://127.0.0.1:%d", "keyFile": "bridge.key", "pollMillis": 100},
                  "http": {"host": "127.0.0.1", "port": 0},
                  "settlement": {"window": "daily", "mode": "net"},
                  "debtor": {"name": "Caisse commune", "iban": "FR7630006000011234567890189", "bic": "AGRIFRPP"},
                  "funding": {
                    "accounts": [
                      {"id": "%s", "kind": "contributions"},
                      {"id": "%s", "kind": "public-account"},
                      {"id": "creation", "kind": "monetary-creation"}
                    ],
                    "creationCeilingCentsPerMonth": 100000
                  },
                  "memberContributions": {"accountId": "%s"}
                }
                """.formatted(rpcPort, MEMBERS_ACCOUNT, PUBLIC_ACCOUNT, MEMBERS_ACCOUNT);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    int httpPort() {
        return bridge.httpPort();
    }

    @Override
    public void close() {
        bridge.close();
        node.close();
    }
}
