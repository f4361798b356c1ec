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
import org.targetedmoney.bridge.http.ApiTokens;
import org.targetedmoney.bridge.http.Role;
import org.targetedmoney.netconfig.demo.PrivateFiles;
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
        subcommands = {BridgeCli.Run.class, BridgeCli.Show.class, BridgeCli.Cutoff.class, BridgeCli.Import.class,
                BridgeCli.Token.class, BridgeCli.SetPayee.class, BridgeCli.Reissue.class, BridgeCli.Abandon.class})
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
        cli.setExecutionExceptionHandler((ex, command, parsed) -> {
            if (ex instanceof UsageError) {
                command.getErr().println("error: " + ex.getMessage());
                return 2;
            }
            throw ex;
        });
        return cli;
    }

    /** A mistake of the command line found while running it (an unreadable token file...): exit code 2. */
    static final class UsageError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UsageError(String message) {
            super(message);
        }
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
            } catch (java.io.IOException e) {
                err.println("error: " + e.getMessage());
                return 1;
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

        @Option(names = "--token-file", paramLabel = "FILE",
                description = "a file holding the API token to send (its first line); none if the bridge runs "
                        + "without tokens")
        Path tokenFile;

        static final ObjectMapper JSON = new ObjectMapper();

        BridgeClient client() {
            if (tokenFile == null) {
                return new BridgeClient(url);
            }
            try {
                return new BridgeClient(url, java.util.Optional.of(BridgeClient.readToken(tokenFile)));
            } catch (java.io.IOException e) {
                throw new UsageError("--token-file " + tokenFile + " cannot be read: " + e.getMessage());
            }
        }

        /** Sends a change to the bridge and prints its answer; 1 if no bridge answers. */
        int send(CommandSpec spec, Request request) throws Exception {
            try {
                return print(spec, request.send(client()));
            } catch (java.net.ConnectException e) {
                spec.commandLine().getErr().println("error: no bridge answers at " + url);
                return 1;
            }
        }

        /** One request to the bridge. */
        interface Request {
            HttpResponse<String> send(BridgeClient client) throws Exception;
        }

        int print(CommandSpec spec, HttpResponse<String> r) throws Exception {
            JsonNode body = JSON.readTree(r.body());
            spec.commandLine().getOut().println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(body));
            return r.statusCode() / 100 == 2 ? 0 : 1;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Prints what a running bridge says: status, batches, funding, receipts, orders, rejected, payees,"
                    + " escalations, or a month of the inter-enterprise fund (payouts, dues collected, escalations).")
    static final class Show extends Remote implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "WHAT",
                description = "status | batches | funding | receipts | orders | rejected | fund | payees | escalations")
        String what;

        @Option(names = "--period", paramLabel = "YYYY-MM", description = "with fund: the fund's month to show")
        String period;

        @Option(names = "--state", paramLabel = "STATE",
                description = "with batches: only those in this state (waiting-funding, funded, instructed, "
                        + "partly-settled, settled, retrying, escalated, abandoned)")
        String state;

        @Override
        public Integer call() throws Exception {
            if (!java.util.List.of("status", "batches", "funding", "receipts", "orders", "rejected", "fund", "payees",
                    "escalations").contains(what)) {
                spec.commandLine().getErr().println("error: WHAT must be status, batches, funding, receipts, orders,"
                        + " rejected, fund, payees or escalations");
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
            return send(spec, c -> c.post("/v1/cutoff", UUID.randomUUID().toString(), ""));
        }
    }

    @Command(name = "token", mixinStandardHelpOptions = true,
            description = "Makes a new API token: appends its SHA-256 to a tokens file (created readable by you only) "
                    + "and prints the token, once. Give the file to the bridge as config.http.tokensFile.")
    static final class Token implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--role", required = true, paramLabel = "ROLE",
                description = "operator | collector | fund | bank | reader")
        String role;

        @Option(names = "--name", required = true, paramLabel = "NAME",
                description = "who holds it (logged with what it does; names an operator's journaled inputs)")
        String name;

        @Option(names = "--tokens", required = true, paramLabel = "FILE", description = "the tokens file")
        Path tokens;

        @Override
        public Integer call() throws Exception {
            PrintWriter err = spec.commandLine().getErr();
            String existing = "";
            try {
                Role r = Role.parse(role);
                if (java.nio.file.Files.exists(tokens)) {
                    ApiTokens.read(tokens); // refuses a file others may read, or one it could not read back
                    existing = java.nio.file.Files.readString(tokens);
                }
                String token = ApiTokens.newToken(new java.security.SecureRandom());
                String line = ApiTokens.line(r, name, token);
                String text = existing + (existing.isEmpty() || existing.endsWith("\n") ? "" : "\n") + line + "\n";
                ApiTokens.parse(text); // e.g. more than the tokens a file may hold
                PrivateFiles.writePrivate(tokens, text);
                spec.commandLine().getOut().println(token);
                err.println("token of " + name + " (" + r.code() + ") added to " + tokens + "; it is shown only now:"
                        + " keep it in a file only you can read and pass it with --token-file");
                return 0;
            } catch (IllegalArgumentException | java.io.IOException e) {
                err.println("error: " + e.getMessage());
                return 2;
            }
        }
    }

    @Command(name = "payee", mixinStandardHelpOptions = true,
            description = "Sets a provider's bank details (checked by SEPA rules); funded transfers waiting for them "
                    + "are paid by the next payment order. Operator role.")
    static final class SetPayee extends Remote implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "ADDRESS", description = "the provider's 0x address on the ledger")
        String address;

        @Option(names = "--name", required = true, paramLabel = "NAME", description = "the account holder's name")
        String name;

        @Option(names = "--iban", required = true, paramLabel = "IBAN")
        String iban;

        @Option(names = "--bic", paramLabel = "BIC", description = "optional (SEPA allows IBAN-only)")
        String bic;

        @Override
        public Integer call() throws Exception {
            com.fasterxml.jackson.databind.node.ObjectNode body = JSON.createObjectNode().put("name", name)
                    .put("iban", iban);
            if (bic != null) {
                body.put("bic", bic);
            }
            return send(spec, c -> c.put("/v1/payees/" + address, UUID.randomUUID().toString(), body.toString()));
        }
    }

    @Command(name = "reissue", mixinStandardHelpOptions = true,
            description = "Re-issues an escalated transfer (see 'show escalations'), typically after its payee's bank "
                    + "details were changed: funded again from the sources it was refunded to, paid by the next "
                    + "payment order under a new end-to-end id. Operator role.")
    static final class Reissue extends Remote implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "BATCH_ID")
        String batchId;

        @Parameters(index = "1", paramLabel = "TRANSFER_INDEX", description = "0 in NET mode")
        int transferIndex;

        @Override
        public Integer call() throws Exception {
            return send(spec, c -> c.post("/v1/escalations/" + batchId + "/" + transferIndex + "/reissue",
                    UUID.randomUUID().toString(), ""));
        }
    }

    @Command(name = "abandon", mixinStandardHelpOptions = true,
            description = "Gives up an escalated transfer: it is not paid, its funding stays with its sources; the "
                    + "batch ends ABANDONED (never attested on the ledger). Operator role.")
    static final class Abandon extends Remote implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "BATCH_ID")
        String batchId;

        @Parameters(index = "1", paramLabel = "TRANSFER_INDEX", description = "0 in NET mode")
        int transferIndex;

        @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "why (journaled)")
        String reason;

        @Override
        public Integer call() throws Exception {
            String body = JSON.createObjectNode().put("reason", reason).toString();
            return send(spec, c -> c.post("/v1/escalations/" + batchId + "/" + transferIndex + "/abandon",
                    UUID.randomUUID().toString(), body));
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
