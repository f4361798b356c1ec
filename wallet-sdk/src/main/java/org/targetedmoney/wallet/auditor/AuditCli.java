package org.targetedmoney.wallet.auditor;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.targetedmoney.netconfig.genesis.GenesisException;
import org.targetedmoney.netconfig.genesis.GenesisReader;
import org.targetedmoney.policy.genesis.Genesis;
import org.web3j.protocol.http.HttpService;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bin/ledger audit}: an independent replay of a node's whole public chain, with a report. */
@Command(name = "audit", mixinStandardHelpOptions = true, version = "audit 0.1.0",
        description = {"Replays a node's chain from the genesis (or from a checkpoint) with issuance-policy, the "
                + "node's own rules, and checks every hash, root, receipt, sender and the conservation of units; "
                + "stops at the first divergence, naming the block, the transaction and the field.",
                "Validator seals are not checked yet (nodes do not publish them)."},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:the chain replays exactly as the node published it",
                "1:a divergence (see the report), or the node could not be read",
                "2:usage error (bad URL, unreadable genesis or checkpoint file)"})
public final class AuditCli implements Callable<Integer> {
    static final int PASSED = 0;
    static final int DIVERGED = 1;
    static final int USAGE = 2;
    /** A progress line at most this often. */
    static final long PROGRESS_EVERY_NANOS = 2_000_000_000L;

    @Option(names = "--rpc", required = true, paramLabel = "URL", description = "The node's JSON-RPC URL.")
    String rpc;

    @Option(names = "--genesis", required = true, paramLabel = "FILE",
            description = "The genesis file the network was made from (checked against block 0).")
    Path genesisFile;

    @Option(names = "--from-checkpoint", paramLabel = "FILE",
            description = "Resume from a checkpoint written by an earlier audit: only the newer blocks are read.")
    Path fromCheckpoint;

    @Option(names = "--checkpoint-out", paramLabel = "FILE",
            description = "When the audit passes, write the replayed state at the head here.")
    Path checkpointOut;

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        System.exit(new CommandLine(new AuditCli()).execute(args));
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Genesis genesis;
        ReplayCheckpoint checkpoint = null;
        try {
            checkUrl(rpc);
            genesis = GenesisReader.read(genesisFile);
            if (fromCheckpoint != null) {
                checkpoint = ReplayCheckpoint.read(fromCheckpoint);
                out.printf(Locale.ROOT, "resuming from checkpoint %s (block %d)%n", fromCheckpoint,
                        checkpoint.blockNumber());
            }
        } catch (GenesisException | IOException | IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return USAGE;
        }
        HttpService service = new HttpService(rpc);
        ChainAudit audit = new ChainAudit(new RpcChainSource(service), new ConsoleProgress(out));
        AuditReport report;
        try {
            report = checkpoint == null ? audit.fromGenesis(genesis) : audit.fromCheckpoint(genesis, checkpoint);
        } catch (IOException e) {
            err.println("error: cannot read the chain from " + rpc + ": " + e.getMessage());
            return DIVERGED;
        }
        out.print(report.render());
        if (report.passed() && checkpointOut != null) {
            try {
                report.checkpoint().write(checkpointOut);
                out.printf(Locale.ROOT, "checkpoint at block %d written to %s%n", report.toBlock(), checkpointOut);
            } catch (IOException e) {
                err.println("error: cannot write the checkpoint " + checkpointOut + ": " + e.getMessage());
                return USAGE;
            }
        }
        out.flush();
        return report.passed() ? PASSED : DIVERGED;
    }

    static void checkUrl(String rpc) {
        URI uri;
        try {
            uri = new URI(rpc);
        } catch (URISyntaxException e) {
            uri = null;
        }
        if (uri == null || uri.getHost() == null
                || !("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))) {
            throw new IllegalArgumentException("--rpc '" + rpc + "' is not an http(s) URL like http://127.0.0.1:8545");
        }
    }

    /** A progress line every two seconds at most: blocks done, blocks per second, time left. */
    static final class ConsoleProgress implements ChainAudit.Progress {
        private final PrintWriter out;
        private final long started = System.nanoTime();
        private long lastPrinted = started;

        ConsoleProgress(PrintWriter out) {
            this.out = out;
        }

        @Override
        public void update(long blocksDone, long blocksTotal, long transactionsDone) {
            long now = System.nanoTime();
            if (now - lastPrinted < PROGRESS_EVERY_NANOS && blocksDone < blocksTotal) {
                return;
            }
            lastPrinted = now;
            double seconds = Math.max(1e-3, (now - started) / 1e9);
            double rate = blocksDone / seconds;
            long etaSeconds = rate > 0 ? (long) ((blocksTotal - blocksDone) / rate) : 0;
            out.printf(Locale.ROOT, "  %,d / %,d blocks (%,d transactions), %.0f blocks/s, ETA %d min %02d s%n",
                    blocksDone, blocksTotal, transactionsDone, rate, etaSeconds / 60, etaSeconds % 60);
            out.flush();
        }
    }
}
