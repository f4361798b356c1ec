package org.targetedmoney.node.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.targetedmoney.node.run.LedgerNode;
import org.targetedmoney.node.ordering.RaftSettings;
import org.targetedmoney.node.run.NetworkMembership;
import org.targetedmoney.node.run.NodeConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The node's command line: {@code run} a node from a genesis file and a data directory. */
@Command(name = "ledger-node", mixinStandardHelpOptions = true, version = "ledger-node 0.1.0",
        description = "A node of the targeted-money ledger: Ethereum-compatible JSON-RPC, ordering on Apache "
                + "Ratis, storage on RocksDB.",
        subcommands = {NodeCli.Run.class})
public final class NodeCli implements Callable<Integer> {

    @Override
    public Integer call() {
        CommandLine.usage(this, System.out);
        return 0;
    }

    @Command(name = "run", mixinStandardHelpOptions = true,
            description = {"Runs a node until stopped (Ctrl-C or SIGTERM): either one validator of a network "
                    + "(--config node.json, see docs/NETWORK.md) or a one-validator node (--genesis and --data-dir).",
                    "On first start it creates the chain from the genesis file; later starts must use the same "
                            + "genesis and resume exactly where the data directory stopped."})
    static final class Run implements Callable<Integer> {
        @Option(names = "--config", paramLabel = "FILE",
                description = "node.json of a network validator (written by `ledger config network`): peers, "
                        + "mutual TLS, ports, data directory and write allowlist all come from it.")
        Path nodeJson;

        @Option(names = "--snapshot-every", paramLabel = "ENTRIES",
                defaultValue = "" + RaftSettings.DEFAULT_SNAPSHOT_AUTO_TRIGGER_ENTRIES,
                description = "With --config: Raft entries between snapshots (default: ${DEFAULT-VALUE}).")
        long snapshotEvery;

        @Option(names = "--genesis", paramLabel = "FILE",
                description = "Genesis file (JSON, see network-config/GENESIS.md).")
        Path genesis;

        @Option(names = "--data-dir", paramLabel = "DIR",
                description = "Where the node keeps its chain (RocksDB) and its Raft log; created if missing.")
        Path dataDir;

        @Option(names = "--host", defaultValue = NodeConfig.DEFAULT_HOST, paramLabel = "ADDRESS",
                description = "Address to listen on (default: ${DEFAULT-VALUE}).")
        String host;

        @Option(names = "--rpc-port", defaultValue = "" + NodeConfig.DEFAULT_RPC_PORT, paramLabel = "PORT",
                description = "JSON-RPC port, HTTP and WebSocket, also /health and /metrics (default: ${DEFAULT-VALUE}).")
        int rpcPort;

        @Option(names = "--raft-port", defaultValue = "" + NodeConfig.DEFAULT_RAFT_PORT, paramLabel = "PORT",
                description = "Raft (gRPC) port of this validator (default: ${DEFAULT-VALUE}).")
        int raftPort;

        @Override
        public Integer call() throws Exception {
            NodeConfig config;
            if (nodeJson != null) {
                if (genesis != null || dataDir != null) {
                    System.err.println("error: --config takes the genesis and the data directory from node.json; "
                            + "drop --genesis and --data-dir");
                    return 2;
                }
                try {
                    config = NodeConfig.of(NetworkMembership.load(nodeJson, snapshotEvery), Clock.systemUTC());
                } catch (IllegalArgumentException e) {
                    System.err.println("error: " + e.getMessage());
                    return 1;
                }
            } else {
                if (genesis == null || dataDir == null) {
                    System.err.println("error: give --config FILE, or both --genesis FILE and --data-dir DIR");
                    return 2;
                }
                if (!Files.isRegularFile(genesis)) {
                    System.err.println("error: --genesis " + genesis + " is not a readable file");
                    return 2;
                }
                try {
                    config = new NodeConfig(genesis, dataDir, host, rpcPort, raftPort, Clock.systemUTC());
                } catch (IllegalArgumentException e) {
                    System.err.println("error: " + e.getMessage());
                    return 2;
                }
            }
            LedgerNode node;
            try {
                node = LedgerNode.start(config);
            } catch (LedgerNode.StartException e) {
                System.err.println("error: " + e.getMessage());
                return 1;
            }
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                node.close();
                stopped.countDown();
            }, "shutdown"));
            System.out.println("node up: JSON-RPC http://" + config.host() + ":" + node.rpcPort() + "  chain id "
                    + node.chainId() + "  head block " + node.headBlock());
            stopped.await();
            return 0;
        }
    }

    public static void main(String[] args) {
        // `ledger node --config FILE` is short for `ledger node run --config FILE`.
        if (args.length > 0 && (args[0].equals("--config") || args[0].startsWith("--config="))) {
            String[] run = new String[args.length + 1];
            run[0] = "run";
            System.arraycopy(args, 0, run, 1, args.length);
            args = run;
        }
        CommandLine cli = new CommandLine(new NodeCli());
        cli.setParameterExceptionHandler((ex, a) -> {
            System.err.println("error: " + ex.getMessage());
            System.err.println("try: ledger-node " + (a.length > 0 ? a[0] + " " : "") + "--help");
            return 2;
        });
        System.exit(cli.execute(args));
    }
}
