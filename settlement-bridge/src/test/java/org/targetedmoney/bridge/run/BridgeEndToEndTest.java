package org.targetedmoney.bridge.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.targetedmoney.bridge.iso.BankSimulator;
import org.targetedmoney.wallet.authority.AuthorityClient;
import org.targetedmoney.wallet.core.LedgerConnection;
import org.targetedmoney.wallet.member.MemberClient;
import org.targetedmoney.wallet.provider.ProviderClient;
import org.targetedmoney.wallet.settlement.SettlementClient;
import org.web3j.crypto.Credentials;

/**
 * The whole bridge against a real one-validator node: a shop redeems food units and a doctor's claim is paid on
 * the ledger; members' contributions and a public credit arrive over HTTP (idempotently); the ledger passes the
 * day's end, so the bridge batches, funds by the waterfall, cuts a pain.001; a simulated bank's camt.054 comes
 * back, the batches settle and are attested on the ledger; a restart rebuilds the same state (from the snapshot taken
 * at close).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BridgeEndToEndTest {
    static final int EPOCH = BridgeTestbed.EPOCH;
    static final int HEALTH = BridgeTestbed.HEALTH;
    static final int FOOD = BridgeTestbed.FOOD;
    static final String DEBTOR_IBAN = "FR7630006000011234567890189";
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    BridgeTestbed bed;
    LedgerConnection ledger;
    MemberClient alice;
    ProviderClient shop;
    ProviderClient doctor;

    @BeforeAll
    void startNodeAndBridge() throws Exception {
        bed = new BridgeTestbed(dir);
        ledger = bed.ledger;
        alice = new MemberClient(ledger, key("alice"));
        shop = new ProviderClient(ledger, key("biocoop-montpellier"));
        doctor = new ProviderClient(ledger, key("medecin-sete"));
        AuthorityClient authority = new AuthorityClient(ledger, key("authority"));
        new AuthorityClient(ledger, key("registrar")).enrolMember(alice.address(), "FR-OCC-34-172", 2);
        authority.conventionProvider(shop.address(), List.of(FOOD), "FR-OCC-34", EPOCH, EPOCH + 12);
        authority.conventionProvider(doctor.address(), List.of(HEALTH), "FR-OCC-34", EPOCH, EPOCH + 12);
        authority.openEpoch(EPOCH);
        alice.pay(shop.address(), FOOD, 20_000, new byte[32]);
        shop.redeem(FOOD, 6_000);
        doctor.fileClaim(alice.address(), HEALTH, "G", 2_650, new byte[32]);
        bed.startBridge(configJson());
    }

    @AfterAll
    void stop() {
        if (bed != null) {
            bed.close();
        }
    }

    private String configJson() {
        return """
                {
                  "dataDir": "bridge-data",
                  "ledger": {"rpcUrl": "http://127.0.0.1:%d", "keyFile": "bridge.key", "pollMillis": 100},
                  "http": {"port": 0},
                  "settlement": {"window": "daily", "mode": "net"},
                  "debtor": {"name": "Caisse commune", "iban": "%s", "bic": "AGRIFRPP"},
                  "funding": {
                    "accounts": [
                      {"id": "ssa-members", "kind": "contributions", "earmarks": [%d]},
                      {"id": "state", "kind": "public-account", "earmarks": [%d]},
                      {"id": "creation", "kind": "monetary-creation"}
                    ],
                    "creationCeilingCentsPerMonth": 100000
                  },
                  "memberContributions": {"accountId": "ssa-members"},
                  "payees": [
                    {"provider": "%s", "name": "Biocoop Montpellier", "iban": "DE89370400440532013000"},
                    {"provider": "%s", "name": "Cabinet Sete", "iban": "FR1420041010050500013M02606", "bic": "PSSTFRPPMON"}
                  ]
                }
                """.formatted(bed.nodeConfig.rpcPort(), DEBTOR_IBAN, FOOD, HEALTH, shop.address(), doctor.address());
    }

    @Test
    @Order(1)
    void contributions_sentTwiceWithOneKey_countOnce() throws Exception {
        awaitStatus(s -> s.get("headTimestamp").asLong() > 0);
        String body = """
                {"contributionId": "c-2026-11-0001", "period": "2026-11", "memberRef": "m.7f3a",
                 "declaredIncomeCents": 120000, "paidCents": 4000}""";

        HttpResponse<String> first = post("/v1/member-contributions", "key-1", body);
        HttpResponse<String> replay = post("/v1/member-contributions", "key-1", body);
        HttpResponse<String> otherBody = post("/v1/member-contributions", "key-1", body.replace("4000", "5000"));
        HttpResponse<String> sameRefOtherKey = post("/v1/member-contributions", "key-2", body);

        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        assertThat(replay.statusCode()).isEqualTo(201);
        assertThat(replay.body()).isEqualTo(first.body());
        assertThat(replay.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(otherBody.statusCode()).isEqualTo(422);
        assertThat(sameRefOtherKey.statusCode()).isEqualTo(422);
        assertThat(sameRefOtherKey.body()).contains("DUPLICATE_REFERENCE");
        assertThat(get("/v1/funding").get("balancesCents").get("ssa-members").asLong()).isEqualTo(4_000);
    }

    @Test
    @Order(2)
    void badInput_refusedWithACodeAndKept() throws Exception {
        HttpResponse<String> closed = post("/v1/public-credits", "key-3", """
                {"creditId": "st-1", "accountId": "state", "period": "2025-01", "amountCents": 1000,
                 "reference": "old"}""");
        HttpResponse<String> notXml = post("/v1/bank/messages", "key-4", "<Document><unclosed>");

        assertThat(closed.statusCode()).isEqualTo(422);
        assertThat(closed.body()).contains("PERIOD_CLOSED");
        assertThat(notXml.statusCode()).isEqualTo(422);
        assertThat(notXml.body()).contains("MALFORMED_XML");
        assertThat(getArray("/v1/rejected")).extracting(n -> n.get("reasonCode").asText())
                .contains("PERIOD_CLOSED", "MALFORMED_XML");
        HttpResponse<String> badQuery = client().getResponse("/v1/batches?state=paid&limit=5");
        assertThat(badQuery.statusCode()).isEqualTo(400);
        assertThat(badQuery.body()).contains("INVALID_QUERY");
    }

    @Test
    @Order(3)
    void dayEnds_batchesFundedByWaterfall_paidInOnePain001() throws Exception {
        assertThat(post("/v1/public-credits", "key-5", """
                {"creditId": "st-2", "accountId": "state", "period": "2026-11", "amountCents": 2000,
                 "reference": "ars-occitanie"}""").statusCode()).isEqualTo(201);
        bed.shiftSeconds.addAndGet(86_400);
        alice.pay(shop.address(), FOOD, 100, new byte[32]); // a block stamped the next day closes the window

        // The order is decided (journaled) first, then its file written: a crash between them rewrites the file.
        JsonNode orders = awaitArray("/v1/orders", a -> a.size() == 1 && a.get(0).get("fileWritten").asBoolean());
        assertThat(orders.get(0).get("totalCents").asLong()).isEqualTo(6_000 + 2_650);
        List<JsonNode> batches = awaitArray("/v1/batches", a -> a.size() == 2).valueStream().toList();
        assertThat(batches).allSatisfy(b -> assertThat(b.get("state").asText()).isEqualTo("instructed"));
        assertThat(Files.exists(Path.of(orders.get(0).get("file").asText()))).isTrue();
    }

    @Test
    @Order(4)
    void bankBooksThem_batchesSettleAndAreAttestedOnTheLedger() throws Exception {
        String messageId = get("/v1/orders").get(0).get("messageId").asText();
        byte[] pain001 = client().getBytes("/v1/orders/" + messageId + "/pain001");
        BankSimulator.Answer bank = BankSimulator.answer(pain001, new BankSimulator.Instructions("CAMT054-1",
                "PAIN002-1", OffsetDateTime.of(2026, 11, 12, 9, 0, 0, 0, ZoneOffset.UTC), LocalDate.of(2026, 11, 12),
                Map.of(), Map.of()));

        HttpResponse<String> reconciled = post("/v1/bank/messages", "camt-1", new String(bank.camt054()));
        assertThat(reconciled.statusCode()).as(reconciled.body()).isEqualTo(200);
        assertThat(JSON.readTree(reconciled.body()).get("counts").get("matched").asLong()).isEqualTo(2);

        List<JsonNode> batches = awaitArray("/v1/batches", a -> a.valueStream()
                .allMatch(b -> !b.get("attestationTx").isNull())).valueStream().toList();
        SettlementClient settlement = new SettlementClient(ledger, key("authority"));
        for (JsonNode b : batches) {
            assertThat(b.get("state").asText()).isEqualTo("settled");
            var onLedger = settlement.attestationOf(b.get("hash").asText()).orElseThrow();
            assertThat(onLedger.attestation().totalCents()).isEqualTo(b.get("totalCents").asLong());
        }
        JsonNode food = batches.stream().filter(b -> b.get("totalCents").asLong() == 6_000).findFirst().orElseThrow();
        assertThat(food.get("paidBySourceCents").get("contributions").asLong()).isEqualTo(4_000);
        assertThat(food.get("paidBySourceCents").get("monetary-creation").asLong()).isEqualTo(2_000);
        JsonNode health = batches.stream().filter(b -> b.get("totalCents").asLong() == 2_650).findFirst().orElseThrow();
        assertThat(health.get("paidBySourceCents").get("public-account").asLong()).isEqualTo(2_000);
        assertThat(settlement.settlementTotals().attestedCents()).isEqualTo(8_650);
        String metrics = client().getResponse("/metrics").body();
        assertThat(metrics).contains("bridge_batches{state=\"settled\"} 2.0",
                "bridge_paid_cents{source=\"contributions\"} 4000.0",
                "bridge_paid_cents{source=\"monetary-creation\"} 2650.0", "bridge_ledger_lag_blocks 0.0");

        HttpResponse<String> again = post("/v1/bank/messages", "camt-1-again", new String(bank.camt054()));
        assertThat(again.statusCode()).isEqualTo(422);
        assertThat(again.body()).contains("DUPLICATE_MESSAGE_ID");
    }

    @Test
    @Order(5)
    void restart_rebuildsTheSameStateFromTheSnapshotTakenAtClose() throws Exception {
        JsonNode before = get("/v1/batches");
        JsonNode fundingBefore = get("/v1/funding");
        bed.bridge.close();
        Path leftover = bed.config.outDir().resolve(".TM000000000002.xml.123.tmp"); // as a kill mid-write leaves
        Files.writeString(leftover, "<Document>");
        bed.startBridge();

        assertThat(leftover).doesNotExist();
        // The clean close took a snapshot at the journal's end: the restart restores it and replays nothing.
        assertThat(bed.bridge.service().recovery().snapshotPosition()).isPositive();
        assertThat(bed.bridge.service().recovery().replayedEntries()).isZero();

        assertThat(get("/v1/batches")).isEqualTo(before);
        assertThat(get("/v1/funding")).isEqualTo(fundingBefore);
        assertThat(get("/v1/orders")).hasSize(1);
    }

    @Test
    @Order(6)
    void importFile_sentTwice_takesEachLineOnceAndReportsTheBadOnes() throws Exception {
        long before = get("/v1/funding").get("balancesCents").get("state").asLong();
        Path csv = dir.resolve("credits.csv");
        Files.writeString(csv, ContributionImport.Kind.PUBLIC_CREDITS.header() + "\n"
                + "# credits of the regional health agency\n"
                + "ars-1,state,2026-11,1500,\"ARS Occitanie, November\"\n"
                + "ars-2,state,2026-11,-5,ARS\n"
                + "ars-3,nowhere,2026-11,100,ARS\n"
                + "ars-4,state,2026-11\n"
                + "ars-5,state,2026-11,2500,ARS\n");
        StringWriter progress = new StringWriter();

        ContributionImport.Result first = ContributionImport.run(client(), ContributionImport.Kind.PUBLIC_CREDITS,
                csv, new PrintWriter(progress));
        ContributionImport.Result again = ContributionImport.run(client(), ContributionImport.Kind.PUBLIC_CREDITS,
                csv, new PrintWriter(progress));

        assertThat(first).extracting(ContributionImport.Result::accepted, ContributionImport.Result::replayed,
                ContributionImport.Result::refused).containsExactly(2L, 0L, 3L);
        assertThat(again).extracting(ContributionImport.Result::accepted, ContributionImport.Result::replayed,
                ContributionImport.Result::refused).containsExactly(0L, 2L, 3L);
        assertThat(get("/v1/funding").get("balancesCents").get("state").asLong()).isEqualTo(before + 4_000);
        assertThat(Files.readAllLines(first.report())).hasSize(4)
                .anySatisfy(l -> assertThat(l).startsWith("4,NON_POSITIVE_AMOUNT"))
                .anySatisfy(l -> assertThat(l).startsWith("5,UNKNOWN_ACCOUNT"))
                .anySatisfy(l -> assertThat(l).startsWith("6,WRONG_COLUMNS"));
    }

    @Test
    @Order(7)
    void nodeRestarts_bridgeSaysSoThenResumesFromItsCursor() throws Exception {
        long linesBefore = get("/v1/status").get("linesRead").asLong();
        bed.node.close();
        assertThat(await("/v1/status", s -> !s.get("lastLedgerError").asText().isEmpty())
                .get("lastLedgerError").asText()).contains("unreachable");

        bed.startNode();
        ledger = bed.ledger;
        new ProviderClient(ledger, key("biocoop-montpellier")).redeem(FOOD, 50);

        JsonNode status = await("/v1/status", s -> s.get("linesRead").asLong() == linesBefore + 1);
        assertThat(status.get("lastLedgerError").asText()).isEmpty();
    }

    // ---- helpers ----

    private Credentials key(String label) {
        return bed.key(label);
    }

    private BridgeClient client() {
        return bed.client();
    }

    private HttpResponse<String> post(String path, String key, String body) throws Exception {
        return client().post(path, key, body);
    }

    private JsonNode get(String path) throws Exception {
        return client().get(path);
    }

    private List<JsonNode> getArray(String path) throws Exception {
        return get(path).valueStream().toList();
    }

    private void awaitStatus(Predicate<JsonNode> done) throws Exception {
        await("/v1/status", done);
    }

    private JsonNode awaitArray(String path, Predicate<JsonNode> done) throws Exception {
        return await(path, done);
    }

    private JsonNode await(String path, Predicate<JsonNode> done) throws Exception {
        return client().await(path, done, Duration.ofSeconds(30));
    }
}
