package org.targetedmoney.wallet.registrar;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.targetedmoney.policy.model.Role;
import org.targetedmoney.wallet.authority.AuthorityClient;
import org.targetedmoney.wallet.core.LedgerConnection;
import org.targetedmoney.wallet.core.LedgerRequestException;
import org.targetedmoney.wallet.core.KeyFiles;
import org.web3j.crypto.Credentials;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bin/ledger enrol}: a registrar enrols the members of a CSV file, with progress and a report. */
@Command(name = "enrol", mixinStandardHelpOptions = true, version = "enrol 0.1.0",
        description = {"Enrols a registrar's list of members from a CSV file, in enrolMembers calls of up to 500 "
                + "addresses of one territory and household size.",
                "File: one '" + EnrolmentCsv.HEADER + "' per line (that header line optional; '#' comments "
                        + "and blank lines allowed), e.g. 0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed,FR-OCC-34-172,2",
                "Members already enrolled are skipped, so the file can be sent again after a failure."},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:every member line is enrolled or was already enrolled",
                "1:some lines were not enrolled (see the report), or the node could not be reached",
                "2:usage error (missing or unreadable file, bad key file, bad URL, key without the registrar role)"})
public final class EnrolCli implements Callable<Integer> {
    static final int ALL_ENROLLED = 0;
    static final int NOT_ALL_ENROLLED = 1;
    static final int USAGE = 2;
    /** A key file holds 64 hex digits; a much larger file is not one (and is not read into memory). */

    @Option(names = "--rpc", paramLabel = "URL", description = "The node's JSON-RPC URL, e.g. http://127.0.0.1:8545.")
    String rpc;

    @Option(names = "--key-file", paramLabel = "FILE",
            description = "File holding the registrar's private key: one line of 64 hex digits (never give a key "
                    + "on the command line, where other users and the shell history see it).")
    Path keyFile;

    @Option(names = "--csv", required = true, paramLabel = "FILE", description = "The members to enrol.")
    Path csv;

    @Option(names = "--report", paramLabel = "FILE",
            description = "Where to write the rejected lines (lineNumber,reason,originalLine); default: the CSV "
                    + "file's name with -rejected.csv, beside it.")
    Path report;

    @Option(names = "--dry-run", description = "Check the file and write the report; send nothing.")
    boolean dryRun;

    @Spec
    CommandSpec spec;

    /** An argument that cannot be used; the message says which and why. */
    static final class UsageError extends Exception {
        UsageError(String message) {
            super(message);
        }
    }

    /** The command with its error handling: a failure while running prints one line and exits 1. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new EnrolCli());
        cli.setExecutionExceptionHandler((ex, line, parsed) -> {
            line.getErr().println("error: the enrolment stopped: " + ex.getMessage());
            return NOT_ALL_ENROLLED;
        });
        return cli;
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path reportFile = report != null ? report : defaultReport(csv);
        BulkEnrolment bulk;
        long lines;
        try {
            checkFiles(csv, reportFile);
            lines = EnrolmentCsv.countLines(csv);
            if (dryRun) {
                out.printf(Locale.ROOT, "checking %s (%,d lines); nothing is sent (dry run)%n", csv, lines);
                bulk = BulkEnrolment.dryRun(ConsoleProgress.onStdout(out, lines));
            } else {
                ChunkSender sender = connect(err);
                out.printf(Locale.ROOT, "enrolling the members of %s (%,d lines)%n", csv, lines);
                bulk = new BulkEnrolment(sender, ConsoleProgress.onStdout(out, lines));
            }
        } catch (UsageError e) {
            err.println("error: " + e.getMessage());
            return USAGE;
        } catch (LedgerRequestException e) {
            err.println("error: cannot use the node at " + rpc + ": " + e.getMessage());
            return NOT_ALL_ENROLLED;
        }
        long started = System.nanoTime();
        BulkEnrolment.Summary summary;
        try (EnrolmentCsv in = EnrolmentCsv.open(csv); RejectionReport rejected = RejectionReport.create(reportFile)) {
            summary = bulk.run(in, rejected);
        }
        out.print(summary.describe());
        out.printf(Locale.ROOT, "report of rejected lines: %s%s%ndone in %.1f s%n", reportFile,
                summary.rejected() == 0 ? " (none)" : "", (System.nanoTime() - started) / 1e9);
        return summary.exitCode() == 0 ? ALL_ENROLLED : NOT_ALL_ENROLLED;
    }

    /** Checks the node options, reads the key, and makes sure it is a registrar's before anything is sent. */
    private ChunkSender connect(PrintWriter err) throws UsageError, LedgerRequestException {
        checkRpcUrl(rpc);
        if (keyFile == null) {
            throw new UsageError("--key-file FILE is needed (or --dry-run): the registrar's private key");
        }
        Credentials registrar = readKey(keyFile, err);
        LedgerConnection ledger = LedgerConnection.connect(rpc);
        AuthorityClient client = new AuthorityClient(ledger, registrar);
        if (!client.hasRole(registrar.getAddress(), Role.REGISTRAR)) {
            throw new UsageError("the key of --key-file " + keyFile + " (account " + registrar.getAddress()
                    + ") is not a registrar's on this ledger (chain " + ledger.chainId() + ")");
        }
        return ChunkSender.of(client);
    }

    static Path defaultReport(Path csv) {
        String name = csv.getFileName().toString();
        String stem = name.toLowerCase(Locale.ROOT).endsWith(".csv") ? name.substring(0, name.length() - 4) : name;
        return csv.resolveSibling(stem + "-rejected.csv");
    }

    static void checkFiles(Path csv, Path report) throws UsageError, IOException {
        if (!Files.exists(csv)) {
            throw new UsageError("--csv " + csv + " does not exist");
        }
        if (!Files.isRegularFile(csv) || !Files.isReadable(csv)) {
            throw new UsageError("--csv " + csv + " is not a readable file");
        }
        if (Files.exists(report) && Files.isSameFile(report, csv)) {
            throw new UsageError("--report " + report + " is the --csv file: it would be overwritten");
        }
        if (Files.isDirectory(report)) {
            throw new UsageError("--report " + report + " is a directory; name a file");
        }
        Path dir = report.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir) || !Files.isWritable(dir)) {
            throw new UsageError("--report " + report + ": cannot write in directory " + dir);
        }
    }

    static void checkRpcUrl(String rpc) throws UsageError {
        if (rpc == null) {
            throw new UsageError("--rpc URL is needed (or --dry-run): the node's JSON-RPC URL");
        }
        URI uri;
        try {
            uri = new URI(rpc);
        } catch (URISyntaxException e) {
            uri = null;
        }
        if (uri == null || uri.getHost() == null
                || !("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))) {
            throw new UsageError("--rpc '" + rpc + "' is not an http(s) URL like http://127.0.0.1:8545");
        }
    }

    /** Reads a private key file; the messages never show its content. */
    static Credentials readKey(Path file, PrintWriter err) throws UsageError {
        try {
            return KeyFiles.read(file, "--key-file", err);
        } catch (IllegalArgumentException e) {
            throw new UsageError(e.getMessage().replace("a private key", "the registrar's private key"));
        }
    }
}
