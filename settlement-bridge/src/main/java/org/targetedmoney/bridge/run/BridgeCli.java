package org.targetedmoney.bridge.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.targetedmoney.netconfig.json.ConfigException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code bin/ledger bridge ...}: runs the settlement bridge, or asks a running one (over its HTTP API) where its
 * batches, funding and payment orders stand.
 */
@Command(name = "bridge", mixinStandardHelpOptions = true, version = "bridge 0.1.0",
        description = "The settlement bridge: providers paid in euros (ISO 20022) against contributions and public "
                + "accounts, attested on the ledger.",
        subcommands = {BridgeCli.Run.class, BridgeCli.Show.class, BridgeCli.Cutoff.class, BridgeCli.Import.class})
public final class BridgeCli implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new BridgeCli());
        cli.setParameterExceptionHandler((ex, a) -> {
            ex.getCommandLine().getErr().println("error: " + ex.getMessage());
            ex.getCommandLine().getErr().println("try: bridge " + (a.length > 0 ? a[0] + " " : "") + "--help");
            return 2;
        });
        return cli;
    }

    @Command(name = "run", mixinStandardHelpOptions = true,
            description = "Runs the bridge of a configuration file until interrupted (Ctrl-C).")
    static final class Run implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--config", required = true, paramLabel = "FILE", description = "the bridge's JSON configuration")
        Path config;

        @Override
        public Integer call() throws Exception {
            PrintWriter err = spec.commandLine().getErr();
            BridgeConfig c;
            try {
                c = BridgeConfigReader.read(config);
            } catch (ConfigException e) {
                err.println("error: " + e.getMessage());
                return 2;
            }
            BridgeServer server;
            try {
                server = BridgeServer.start(c, err);
            } catch (IllegalArgumentException e) {
                err.println("error: " + e.getMessage());
                return 2;
            }
            spec.commandLine().getOut().println("bridge listening on http://" + c.http().host() + ":"
                    + server.httpPort() + " (API: /openapi.yaml), following " + c.ledger().rpcUrl());
            spec.commandLine().getOut().flush();
            CountDownLatch stop = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                server.close();
                stop.countDown();
            }));
            stop.await();
            return 0;
        }
    }

    /** Options shared by the commands that ask a running bridge. */
    static class Remote {
        @Option(names = "--url", defaultValue = "http://127.0.0.1:8645", paramLabel = "URL",
                description = "the running bridge (default: ${DEFAULT-VALUE})")
        URI url;

        static final ObjectMapper JSON = new ObjectMapper();

        BridgeClient client() {
            return new BridgeClient(url);
        }

        int print(CommandSpec spec, HttpResponse<String> r) throws Exception {
            JsonNode body = JSON.readTree(r.body());
            spec.commandLine().getOut().println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(body));
            return r.statusCode() / 100 == 2 ? 0 : 1;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Prints what a running bridge says: status, batches, funding, receipts, orders, rejected, or a"
                    + " month of the inter-enterprise fund (payouts, dues collected, escalations).")
    static final class Show extends Remote implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "WHAT",
                description = "status | batches | funding | receipts | orders | rejected | fund")
        String what;

        @Option(names = "--period", paramLabel = "YYYY-MM", description = "with fund: the fund's month to show")
        String period;

        @Option(names = "--state", paramLabel = "STATE",
                description = "with batches: only those in this state (waiting-funding, funded, instructed, "
                        + "partly-settled, settled, retrying, escalated)")
        String state;

        @Override
        public Integer call() throws Exception {
            if (!java.util.List.of("status", "batches", "funding", "receipts", "orders", "rejected", "fund")
                    .contains(what)) {
                spec.commandLine().getErr().println(
                        "error: WHAT must be status, batches, funding, receipts, orders, rejected or fund");
                return 2;
            }
            if (what.equals("fund") && (period == null || !period.matches("[0-9]{4}-[0-9]{2}"))) {
                spec.commandLine().getErr().println("error: fund needs --period YYYY-MM");
                return 2;
            }
            String path = what.equals("fund") ? "/v1/inter-enterprise/" + period
                    : "/v1/" + what + (state != null && what.equals("batches") ? "?state=" + state : "");
            try {
                return print(spec, client().getResponse(path));
            } catch (java.net.ConnectException e) {
                spec.commandLine().getErr().println("error: no bridge answers at " + url);
                return 1;
            }
        }
    }

    @Command(name = "cutoff", mixinStandardHelpOptions = true,
            description = "Closes every settlement window read so far now (an operator's ad-hoc settlement run).")
    static final class Cutoff extends Remote implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            return print(spec, client().post("/v1/cutoff", UUID.randomUUID().toString(), ""));
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Sends a CSV file of member contributions, public credits or firms' declarations to a running "
                    + "bridge, one request per line, idempotently (importing a file again sends nothing twice).")
    static final class Import extends Remote implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--kind", required = true, paramLabel = "KIND",
                description = "member-contributions | public-credits | declarations")
        String kind;

        @Option(names = "--csv", required = true, paramLabel = "FILE",
                description = "the file; its first line is the header of its kind (see docs/BRIDGE.md)")
        Path csv;

        @Override
        public Integer call() throws Exception {
            ContributionImport.Kind k;
            try {
                k = ContributionImport.Kind.parse(kind);
            } catch (IllegalArgumentException e) {
                spec.commandLine().getErr().println("error: --kind " + e.getMessage());
                return 2;
            }
            if (!java.nio.file.Files.isReadable(csv)) {
                spec.commandLine().getErr().println("error: --csv " + csv + " cannot be read");
                return 2;
            }
            try {
                ContributionImport.Result r = ContributionImport.run(client(), k, csv, spec.commandLine().getOut());
                spec.commandLine().getOut().println(ContributionImport.describe(r));
                return r.refused() == 0 ? 0 : 1;
            } catch (IllegalArgumentException e) {
                spec.commandLine().getErr().println("error: " + e.getMessage());
                return 2;
            } catch (java.net.ConnectException e) {
                spec.commandLine().getErr().println("error: no bridge answers at " + url
                        + " (lines already sent are kept; run the import again)");
                return 1;
            }
        }
    }
}
