package org.targetedmoney.netconfig.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Iterator;
import java.util.concurrent.Callable;
import org.targetedmoney.netconfig.demo.DemoKeys;
import org.targetedmoney.netconfig.demo.DemoNetwork;
import org.targetedmoney.netconfig.demo.Programme;
import org.targetedmoney.netconfig.demo.Programmes;
import org.targetedmoney.netconfig.genesis.GenesisLimits;
import org.targetedmoney.policy.genesis.Genesis;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** {@code network-config demo}: writes a demo genesis and the keys of its accounts. */
@Command(name = "demo", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Writes DIR/genesis.json and DIR/demo-keys.json (mode 0600, DIR 0700) for a demo network;",
                "by default (--programme all):",
                "authority, registrar, a food committee for Hérault (FR-OCC-34), an auditor, one validator,",
                "members alice, bob, chloe and providers biocoop-montpellier, pharmacie-lodeve, medecin-sete,",
                "supermarket-paris; a national body (members national-1..3) and the SSA committee of Hérault",
                "(herault-1..3), two votes of three deciding; health tariffs for acts G, MD, AMI, IFD.",
                "With --programme NAME, the demo of one programme of the source documents instead (GENESIS.md).",
                "Private keys are never printed; the keys file is for demos only."})
final class DemoCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "Directory to write into (created with mode 0700 if absent).")
    private Path out;

    @Option(names = "--programme", paramLabel = "NAME", defaultValue = Programmes.DEFAULT_NAME,
            converter = ProgrammeName.class, completionCandidates = ProgrammeName.class,
            description = {"One of ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).",
                    "all is the demo bin/demo plays; the others make a genesis of one programme each."})
    private Programme programme;

    @Option(names = "--chain-id", paramLabel = "ID", defaultValue = "" + DemoNetwork.DEFAULT_CHAIN_ID,
            description = "EIP-155 chain id, 1 to 2^53-1 (default: ${DEFAULT-VALUE}).")
    private long chainId;

    @Option(names = "--seed", paramLabel = "TEXT",
            description = {"Derive each private key as SHA-256(TEXT + label) so the demo is reproducible.",
                    "Anyone who knows TEXT has the keys. Default: random keys."})
    private String seed;

    @Option(names = "--epoch-seconds", paramLabel = "N",
            description = "Use FIXED epochs of N seconds (1 to " + GenesisLimits.MAX_FIXED_EPOCH_SECONDS
                    + ") instead of calendar months, to see expiry in a short demo.")
    private Long epochSeconds;

    @Option(names = "--timestamp", paramLabel = "TIME", converter = UtcSeconds.class,
            description = "Genesis time, ISO-8601 UTC in whole seconds, e.g. 2026-11-01T00:00:00Z"
                    + " (default: the start of the current month, UTC).")
    private Instant timestamp;

    @Option(names = "--force", description = "Replace genesis.json and demo-keys.json if they exist.")
    private boolean force;

    @Override
    public Integer call() throws IOException {
        checkRanges();
        Instant time = timestamp != null ? timestamp : DemoNetwork.startOfMonthUtc(Clock.systemUTC());
        DemoNetwork.Demo demo = DemoNetwork.generate(programme,
                new DemoNetwork.Options(chainId, time, epochSeconds, seed));
        PrintWriter console = spec.commandLine().getOut();
        boolean privateDir;
        try {
            privateDir = DemoNetwork.write(demo, out, force);
        } catch (FileAlreadyExistsException e) {
            spec.commandLine().getErr().println("demo: " + e.getFile() + " already exists; use --force to replace it");
            return NetworkConfigCli.EXIT_REFUSED;
        }
        if (!privateDir) {
            spec.commandLine().getErr().println("warning: " + out + " is readable by other users");
        }
        report(console, demo);
        return 0;
    }

    private void checkRanges() {
        if (chainId < GenesisLimits.MIN_CHAIN_ID || chainId > GenesisLimits.MAX_CHAIN_ID) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '--chain-id': " + chainId
                    + " is out of range (expected " + GenesisLimits.MIN_CHAIN_ID + " to " + GenesisLimits.MAX_CHAIN_ID + ")");
        }
        if (epochSeconds != null && (epochSeconds < 1 || epochSeconds > GenesisLimits.MAX_FIXED_EPOCH_SECONDS)) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '--epoch-seconds': "
                    + epochSeconds + " is out of range (expected 1 to " + GenesisLimits.MAX_FIXED_EPOCH_SECONDS + ")");
        }
    }

    private void report(PrintWriter console, DemoNetwork.Demo demo) {
        Genesis genesis = demo.genesis();
        if (!programme.name().equals(Programmes.DEFAULT_NAME)) {
            console.println("programme " + programme.name() + " — " + programme.summary());
        }
        console.println("wrote " + out.resolve(DemoNetwork.GENESIS_FILE) + ": " + ValidateCommand.summary(genesis));
        console.println("wrote " + out.resolve(DemoNetwork.KEYS_FILE) + ": " + demo.keys().accounts().size()
                + " private keys (demo only: keep this file private)"
                + (seed == null ? "" : "; derived from --seed, so anyone who knows the seed has them"));
        int width = Math.max(24, demo.keys().accounts().stream().mapToInt(a -> a.label().length() + 1).max().orElse(0));
        for (DemoKeys.Account account : demo.keys().accounts()) {
            console.printf("  %-" + width + "s %-11s %s%n", account.label(), account.kind().json(), account.address());
        }
    }

    /** A programme by name; the names are also the completion candidates that {@code --help} lists. */
    static final class ProgrammeName implements ITypeConverter<Programme>, Iterable<String> {
        @Override
        public Programme convert(String value) {
            return Programmes.byName(value).orElseThrow(() -> new TypeConversionException("unknown programme '"
                    + value + "' (expected one of " + String.join(", ", Programmes.names()) + ")"));
        }

        @Override
        public Iterator<String> iterator() {
            return Programmes.names().iterator();
        }
    }

    /** Parses an ISO-8601 UTC time in whole seconds, as the genesis format requires. */
    static final class UtcSeconds implements ITypeConverter<Instant> {
        @Override
        public Instant convert(String value) {
            try {
                if (GenesisLimits.TIMESTAMP.matcher(value).matches()) {
                    Instant instant = Instant.parse(value);
                    if (instant.getEpochSecond() >= 0) {
                        return instant;
                    }
                }
            } catch (java.time.format.DateTimeParseException e) {
                // falls through to the explanation below
            }
            throw new TypeConversionException("'" + value + "' is not an ISO-8601 UTC time in whole seconds"
                    + " from 1970, e.g. 2026-11-01T00:00:00Z");
        }
    }
}
