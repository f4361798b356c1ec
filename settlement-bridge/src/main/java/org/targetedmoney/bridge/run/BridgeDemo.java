package org.targetedmoney.bridge.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import org.targetedmoney.bridge.iso.BankSimulator;
import org.targetedmoney.netconfig.demo.DemoKeys;
import org.targetedmoney.netconfig.demo.DemoNetwork;
import org.targetedmoney.wallet.core.LedgerConnection;
import org.targetedmoney.wallet.settlement.SettlementClient;
import org.targetedmoney.wallet.settlement.SettlementTotals;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The end of the README demo: after the ledger scenario (a shop redeemed food units, a doctor's claims and
 * capitation were paid), the settlement bridge pays them in euros. It receives a member's contribution and a
 * public credit, settles at an operator's cut-off, writes the pain.001 file, reads back the bank's camt.054 (from
 * a simulated bank), reconciles, and attests the settled batches on the ledger.
 */
@Command(name = "bridge-demo", mixinStandardHelpOptions = true,
        description = "Plays the settlement bridge's part of the demo against a running demo node.")
public final class BridgeDemo implements Callable<Integer> {
    static final int HEALTH = 1;
    static final int FOOD = 2;
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Fictitious bank details with valid checksums, for the demo's providers and payer. */
    private static final Map<String, String[]> DEMO_BANKS = Map.of(
            "biocoop-montpellier", new String[] {"Biocoop Montpellier", "FR7630004000031234567890143"},
            "medecin-sete", new String[] {"Cabinet medical Sete", "FR1420041010050500013M02606"},
            "pharmacie-beziers", new String[] {"Pharmacie Beziers", "FR7610107001011234567890129"});

    @Option(names = "--rpc", required = true, paramLabel = "URL", description = "the demo node's JSON-RPC URL")
    URI rpc;

    @Option(names = "--keys", required = true, paramLabel = "FILE", description = "the demo's demo-keys.json")
    Path keysFile;

    @Option(names = "--dir", required = true, paramLabel = "DIR", description = "where the bridge keeps its data")
    Path dir;

    private BridgeServer bridge;
    private BridgeClient client;

    public static void main(String[] args) {
        System.exit(new CommandLine(new BridgeDemo()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        DemoKeys keys = DemoKeys.read(keysFile);
        Files.createDirectories(dir);
        Path keyFile = dir.resolve("bridge.key");
        Files.writeString(keyFile, keys.byLabel(DemoNetwork.BRIDGE_LABEL).privateKey());
        Files.setPosixFilePermissions(keyFile, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        Path config = dir.resolve("bridge.json");
        Files.writeString(config, config(keys));
        heading("Starting the settlement bridge (config " + config + ")");
        bridge = BridgeServer.start(BridgeConfigReader.read(config), new PrintWriter(System.err, true));
        client = new BridgeClient(URI.create("http://127.0.0.1:" + bridge.httpPort()));
        try {
            play(keys);
        } finally {
            bridge.close();
        }
        return 0;
    }

    private void play(DemoKeys keys) throws Exception {
        JsonNode status = await("/v1/status", s -> s.get("headTimestamp").asLong() > 0 && s.get("linesRead").asLong() > 0);
        System.out.printf("   read the ledger up to block %d: %d lines owed to providers%n",
                status.get("headBlock").asLong(), status.get("linesRead").asLong());
        String month = Instant.ofEpochSecond(status.get("headTimestamp").asLong()).atOffset(ZoneOffset.UTC)
                .toString().substring(0, 7);

        heading("Contributions arrive: a member's SSA contribution (sliding scale) and a public account's credit");
        show(post("/v1/member-contributions", "demo-contribution-1", """
                {"contributionId": "demo-m-1", "period": "%s", "memberRef": "member.0001",
                 "declaredIncomeCents": 180000, "paidCents": 5000}""".formatted(month)));
        show(post("/v1/public-credits", "demo-credit-1", """
                {"creditId": "demo-p-1", "accountId": "health-insurance", "period": "%s", "amountCents": 10000,
                 "reference": "cpam-occitanie"}""".formatted(month)));
        show(post("/v1/member-contributions", "demo-contribution-1", """
                {"contributionId": "demo-m-1", "period": "%s", "memberRef": "member.0001",
                 "declaredIncomeCents": 180000, "paidCents": 5000}""".formatted(month)));
        System.out.println("   (the same request sent again with the same Idempotency-Key: the first answer, counted once)");

        heading("Operator cut-off: today's lines become one batch per provider, funded by the waterfall");
        show(post("/v1/cutoff", "demo-cutoff-1", ""));
        JsonNode orders = await("/v1/orders", a -> a.size() > 0 && a.get(0).get("fileWritten").asBoolean());
        JsonNode order = orders.get(0);
        System.out.printf("   pain.001 %s: %d transfers, %s, written to %s%n", order.get("messageId").asText(),
                order.get("transfers").asInt(), euros(order.get("totalCents").asLong()), order.get("file").asText());
        printBatches();

        heading("The bank answers with a camt.054 (simulated bank): the batches are reconciled");
        byte[] pain001 = Files.readAllBytes(Path.of(order.get("file").asText()));
        BankSimulator.Answer bank = BankSimulator.answer(pain001, new BankSimulator.Instructions(
                "DEMO-CAMT054-" + order.get("messageId").asText(), "DEMO-PAIN002-" + order.get("messageId").asText(),
                Instant.ofEpochSecond(status.get("headTimestamp").asLong()).atOffset(ZoneOffset.UTC),
                Instant.ofEpochSecond(status.get("headTimestamp").asLong()).atOffset(ZoneOffset.UTC).toLocalDate()
                        .plusDays(1), Map.of(), Map.of()));
        Path camt = dir.resolve("camt054-" + order.get("messageId").asText() + ".xml");
        Files.write(camt, bank.camt054());
        HttpResponse<String> reconciled = post("/v1/bank/messages", "demo-camt-1",
                new String(bank.camt054(), StandardCharsets.UTF_8));
        System.out.println(JSON.readTree(reconciled.body()).get("report").asText().indent(3).stripTrailing());

        heading("Settled batches are attested on the ledger (auditors tie euros to ledger events)");
        await("/v1/batches", a -> a.valueStream().allMatch(b -> !b.get("attestationTx").isNull()
                || !b.get("state").asText().equals("settled")));
        printBatches();
        SettlementTotals totals = new SettlementClient(LedgerConnection.connect(rpc.toString()),
                keys.byLabel("auditor").credentials()).settlementTotals();
        System.out.printf("   on the ledger: %d batches attested, %s (contributions %s, public accounts %s, "
                        + "monetary creation %s)%n", totals.batches(), euros(totals.attestedCents()),
                euros(totals.contributionsCents()), euros(totals.publicAccountsCents()),
                euros(totals.monetaryCreationCents()));
    }

    private String config(DemoKeys keys) throws Exception {
        StringBuilder payees = new StringBuilder();
        for (DemoKeys.Account a : keys.accounts()) {
            String[] bank = DEMO_BANKS.get(a.label());
            if (bank != null) {
                payees.append(payees.isEmpty() ? "" : ",\n    ").append("{\"provider\": \"").append(a.address())
                        .append("\", \"name\": \"").append(bank[0]).append("\", \"iban\": \"").append(bank[1])
                        .append("\"}");
            }
        }
        return """
                {
                  "dataDir": "data",
                  "ledger": {"rpcUrl": "%s", "keyFile": "bridge.key", "pollMillis": 200},
                  "http": {"port": 0},
                  "settlement": {"window": "daily", "mode": "net"},
                  "debtor": {"name": "Caisse commune de l'alimentation", "iban": "FR7630006000011234567890189",
                             "bic": "AGRIFRPP"},
                  "funding": {
                    "accounts": [
                      {"id": "ssa-members", "name": "Cotisations SSA", "kind": "contributions", "earmarks": [%d]},
                      {"id": "health-insurance", "name": "Assurance maladie", "kind": "public-account",
                       "earmarks": [%d]},
                      {"id": "creation", "name": "Creation monetaire", "kind": "monetary-creation"}
                    ],
                    "creationCeilingCentsPerMonth": 100000
                  },
                  "memberContributions": {"accountId": "ssa-members"},
                  "payees": [
                    %s
                  ]
                }
                """.formatted(rpc, FOOD, HEALTH, payees);
    }

    private void printBatches() throws Exception {
        for (JsonNode b : get("/v1/batches")) {
            JsonNode paid = b.get("paidBySourceCents");
            System.out.printf("   batch %s (%s, %d lines): %s, %s%s%n", b.get("id").asText(),
                    b.get("provider").asText().substring(0, 10) + "...", b.get("lineCount").asInt(),
                    euros(b.get("totalCents").asLong()), b.get("state").asText(),
                    b.get("state").asText().equals("settled") ? String.format(
                            " - paid by contributions %s, public accounts %s, creation %s",
                            euros(paid.get("contributions").asLong()), euros(paid.get("public-account").asLong()),
                            euros(paid.get("monetary-creation").asLong())) : "");
        }
    }

    private static String euros(long cents) {
        return String.format("%d.%02d EUR", cents / 100, cents % 100);
    }

    private static void heading(String text) {
        System.out.println();
        System.out.println("== " + text);
    }

    private void show(HttpResponse<String> r) {
        System.out.println("   " + r.statusCode() + " " + r.body()
                + (r.headers().firstValue("Idempotent-Replayed").isPresent() ? "  [replayed]" : ""));
    }

    private HttpResponse<String> post(String path, String key, String body) throws Exception {
        return client.post(path, key, body);
    }

    private JsonNode get(String path) throws Exception {
        return client.get(path);
    }

    private JsonNode await(String path, Predicate<JsonNode> done) throws Exception {
        return client.await(path, done, Duration.ofSeconds(60));
    }
}
