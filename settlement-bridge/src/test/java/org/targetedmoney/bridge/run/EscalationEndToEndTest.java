package org.targetedmoney.bridge.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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
import org.targetedmoney.wallet.member.MemberClient;
import org.targetedmoney.wallet.provider.ProviderClient;
import org.targetedmoney.wallet.settlement.SettlementClient;

/**
 * An operator's day against a real node: the bank rejects the shop's transfer (AC04, account closed), the bridge
 * escalates it; the operator sets the shop's new bank details and re-issues it, and the next payment order pays
 * the new account under a new end-to-end id, which the bank books: the batch settles and is attested. Then a
 * doctor's transfer comes back (MD07) and is abandoned: its batch ends ABANDONED, its monetary creation is given
 * back, and nothing more is attested on the ledger.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EscalationEndToEndTest {
    static final int FOOD = BridgeTestbed.FOOD;
    static final int HEALTH = BridgeTestbed.HEALTH;
    static final String NEW_IBAN = "NL91ABNA0417164300";
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    BridgeTestbed bed;
    MemberClient alice;
    ProviderClient shop;
    ProviderClient doctor;
    String shopBatch;

    @BeforeAll
    void start() throws Exception {
        bed = new BridgeTestbed(dir);
        alice = new MemberClient(bed.ledger, bed.key("alice"));
        shop = new ProviderClient(bed.ledger, bed.key("biocoop-montpellier"));
        doctor = new ProviderClient(bed.ledger, bed.key("medecin-sete"));
        AuthorityClient authority = new AuthorityClient(bed.ledger, bed.key("authority"));
        new AuthorityClient(bed.ledger, bed.key("registrar")).enrolMember(alice.address(), "FR-OCC-34-172", 2);
        authority.conventionProvider(shop.address(), List.of(FOOD), "FR-OCC-34", BridgeTestbed.EPOCH,
                BridgeTestbed.EPOCH + 12);
        authority.conventionProvider(doctor.address(), List.of(HEALTH), "FR-OCC-34", BridgeTestbed.EPOCH,
                BridgeTestbed.EPOCH + 12);
        authority.openEpoch(BridgeTestbed.EPOCH);
        alice.pay(shop.address(), FOOD, 20_000, new byte[32]);
        shop.redeem(FOOD, 6_000);
        doctor.fileClaim(alice.address(), HEALTH, "G", 2_650, new byte[32]);
        bed.startBridge("""
                {
                  "dataDir": "bridge-data",
                  "ledger": {"rpcUrl": "%s", "keyFile": "bridge.key", "pollMillis": 100},
                  "http": {"port": 0},
                  "debtor": {"name": "Caisse commune", "iban": "FR7630006000011234567890189", "bic": "AGRIFRPP"},
                  "funding": {
                    "accounts": [{"id": "creation", "kind": "monetary-creation"}],
                    "creationCeilingCentsPerMonth": 100000
                  },
                  "payees": [
                    {"provider": "%s", "name": "Biocoop Montpellier", "iban": "DE89370400440532013000"},
                    {"provider": "%s", "name": "Cabinet Sete", "iban": "FR1420041010050500013M02606"}
                  ]
                }
                """.formatted(bed.rpcUrl(), shop.address(), doctor.address()));
        await("/v1/status", s -> s.get("headTimestamp").asLong() > 0);
    }

    @AfterAll
    void stop() {
        if (bed != null) {
            bed.close();
        }
    }

    @Test
    @Order(1)
    void closedAccount_transferEscalatedWithItsReason() throws Exception {
        closeTheDay();
        JsonNode order = await("/v1/orders", a -> a.size() == 1 && a.get(0).get("fileWritten").asBoolean()).get(0);
        shopBatch = batchOf(shop.address()).get("id").asText();
        BankSimulator.Answer bank = bankAnswer(order, "1", Map.of(shopBatch + "-1", "AC04"), Map.of());

        assertThat(post("/v1/bank/messages", "pain002-1", bank.pain002()).statusCode()).isEqualTo(200);
        assertThat(post("/v1/bank/messages", "camt054-1", bank.camt054()).statusCode()).isEqualTo(200);

        assertThat(batchOf(shop.address()).get("state").asText()).isEqualTo("escalated");
        assertThat(get("/v1/escalations")).singleElement().satisfies(x -> {
            assertThat(x.get("batchId").asText()).isEqualTo(shopBatch);
            assertThat(x.get("reasonCode").asText()).isEqualTo("AC04");
            assertThat(x.get("status").asText()).isEqualTo("escalated");
        });
    }

    @Test
    @Order(2)
    void newBankDetailsThenReissue_paidToTheNewAccountUnderANewEndToEndIdAndAttested() throws Exception {
        HttpResponse<String> payee = bed.client().put("/v1/payees/" + shop.address(), "payee-shop",
                "{\"name\": \"Biocoop Montpellier\", \"iban\": \"" + NEW_IBAN + "\"}");
        HttpResponse<String> reissue = bed.client().post("/v1/escalations/" + shopBatch + "/0/reissue", "reissue-1", "");
        assertThat(payee.statusCode()).as(payee.body()).isEqualTo(200);
        assertThat(reissue.statusCode()).as(reissue.body()).isEqualTo(200);
        assertThat(JSON.readTree(reissue.body()).get("funded").asBoolean()).isTrue();

        JsonNode order = await("/v1/orders", a -> a.size() == 2 && a.get(0).get("fileWritten").asBoolean()).get(0);
        String pain001 = new String(bed.client().getBytes("/v1/orders/" + order.get("messageId").asText()
                + "/pain001"), StandardCharsets.UTF_8);
        assertThat(pain001).contains(NEW_IBAN).contains(shopBatch + "-4").doesNotContain("DE89370400440532013000");
        post("/v1/bank/messages", "camt054-2", bankAnswer(order, "2", Map.of(), Map.of()).camt054());

        JsonNode batch = await("/v1/batches/" + shopBatch, b -> !b.get("attestationTx").isNull());
        assertThat(batch.get("state").asText()).isEqualTo("settled");
        assertThat(batch.get("paidBySourceCents").get("monetary-creation").asLong()).isEqualTo(6_000);
        assertThat(get("/v1/escalations").get(0).get("status").asText()).isEqualTo("reissued");
        await("/v1/batches", a -> a.valueStream().allMatch(b -> !b.get("attestationTx").isNull()));
        assertThat(new SettlementClient(bed.ledger, bed.key("authority")).settlementTotals().attestedCents())
                .isEqualTo(6_000 + 2_650);
    }

    @Test
    @Order(3)
    void returnedThenAbandoned_batchAbandonedCreationGivenBackNothingAttested() throws Exception {
        long creationBefore = get("/v1/funding").get("creationUsedCentsByMonth").get("2026-11").asLong();
        byte[] secondClaim = new byte[32];
        secondClaim[31] = 2; // a claim id of its own: the first one is paid
        doctor.fileClaim(alice.address(), HEALTH, "G", 1_000, secondClaim);
        closeTheDay();
        JsonNode order = await("/v1/orders", a -> a.size() == 3 && a.get(0).get("fileWritten").asBoolean()).get(0);
        String doctorBatch = get("/v1/batches?state=instructed").get(0).get("id").asText();
        post("/v1/bank/messages", "camt054-3", bankAnswer(order, "3", Map.of(), Map.of(doctorBatch + "-1", "MD07"))
                .camt054());
        assertThat(get("/v1/batches/" + doctorBatch).get("state").asText()).isEqualTo("escalated");

        HttpResponse<String> abandon = bed.client().post("/v1/escalations/" + doctorBatch + "/0/abandon", "abandon-1",
                "{\"reason\": \"the practice closed; paid by cheque outside the bridge\"}");

        assertThat(abandon.statusCode()).as(abandon.body()).isEqualTo(200);
        JsonNode batch = get("/v1/batches/" + doctorBatch);
        assertThat(batch.get("state").asText()).isEqualTo("abandoned");
        assertThat(batch.get("attestationTx").isNull()).isTrue();
        assertThat(get("/v1/funding").get("creationUsedCentsByMonth").get("2026-11").asLong())
                .isEqualTo(creationBefore);
        assertThat(get("/v1/escalations").findValuesAsText("status")).containsExactly("reissued", "abandoned");
        assertThat(new SettlementClient(bed.ledger, bed.key("authority")).settlementTotals().attestedCents())
                .isEqualTo(6_000 + 2_650);
    }

    // ---- helpers ----

    /** Moves the ledger a day on and stamps a block there, which closes the day's settlement window. */
    private void closeTheDay() throws Exception {
        bed.shiftSeconds.addAndGet(86_400);
        alice.pay(shop.address(), FOOD, 100, new byte[32]);
    }

    private JsonNode batchOf(String provider) throws Exception {
        return get("/v1/batches").valueStream().filter(b -> b.get("provider").asText().equalsIgnoreCase(provider))
                .findFirst().orElseThrow();
    }

    private BankSimulator.Answer bankAnswer(JsonNode order, String n, Map<String, String> rejected,
                                            Map<String, String> returned) throws Exception {
        byte[] pain001 = bed.client().getBytes("/v1/orders/" + order.get("messageId").asText() + "/pain001");
        return BankSimulator.answer(pain001, new BankSimulator.Instructions("CAMT054-" + n, "PAIN002-" + n,
                OffsetDateTime.of(2026, 11, 12, 9, 0, 0, 0, ZoneOffset.UTC), LocalDate.of(2026, 11, 12), rejected,
                returned));
    }

    private HttpResponse<String> post(String path, String key, byte[] body) throws Exception {
        HttpResponse<String> r = bed.client().post(path, key, new String(body, StandardCharsets.UTF_8));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return r;
    }

    private JsonNode get(String path) throws Exception {
        return bed.client().get(path);
    }

    private JsonNode await(String path, Predicate<JsonNode> done) throws Exception {
        return bed.client().await(path, done, Duration.ofSeconds(30));
    }
}
