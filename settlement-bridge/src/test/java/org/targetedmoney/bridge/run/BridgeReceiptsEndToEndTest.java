package org.targetedmoney.bridge.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
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
import org.targetedmoney.bridge.iso.BankSimulator.IncomingCredit;
import org.targetedmoney.wallet.authority.AuthorityClient;
import org.targetedmoney.wallet.member.MemberClient;
import org.targetedmoney.wallet.provider.ProviderClient;

/**
 * Money received, end to end, in "bank" confirmation mode against a real node: members' contributions are
 * declared over HTTP but fund nothing; the day's food batch waits; the collection account's camt.054 shows one
 * contribution (matched) and money for one not declared yet (kept unmatched); the declaration comes, the batch is
 * funded, paid in a pain.001, booked by the bank and settled; a restart rebuilds the same receipts.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BridgeReceiptsEndToEndTest {
    static final int FOOD = BridgeTestbed.FOOD;
    static final int EPOCH = BridgeTestbed.EPOCH;
    static final String DEBTOR_IBAN = "FR7630006000011234567890189";
    static final String COLLECTION_IBAN = "FR1420041010050500013M02606";
    static final OffsetDateTime NOV_12 = OffsetDateTime.of(2026, 11, 12, 9, 0, 0, 0, ZoneOffset.UTC);
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    BridgeTestbed bed;
    MemberClient alice;
    ProviderClient shop;

    @BeforeAll
    void startNodeAndBridge() throws Exception {
        bed = new BridgeTestbed(dir);
        alice = new MemberClient(bed.ledger, bed.key("alice"));
        shop = new ProviderClient(bed.ledger, bed.key("biocoop-montpellier"));
        AuthorityClient authority = new AuthorityClient(bed.ledger, bed.key("authority"));
        new AuthorityClient(bed.ledger, bed.key("registrar")).enrolMember(alice.address(), "FR-OCC-34-172", 2);
        authority.conventionProvider(shop.address(), List.of(FOOD), "FR-OCC-34", EPOCH, EPOCH + 12);
        authority.openEpoch(EPOCH);
        alice.pay(shop.address(), FOOD, 20_000, new byte[32]);
        shop.redeem(FOOD, 6_000);
        bed.startBridge("""
                {
                  "dataDir": "bridge-data",
                  "ledger": {"rpcUrl": "%s", "keyFile": "bridge.key", "pollMillis": 100},
                  "http": {"port": 0},
                  "debtor": {"name": "Caisse commune", "iban": "%s"},
                  "funding": {
                    "accounts": [{"id": "ssa-members", "kind": "contributions", "earmarks": [%d]}],
                    "creationCeilingCentsPerMonth": 0,
                    "creditConfirmation": "bank",
                    "collectionIbans": ["%s"]
                  },
                  "memberContributions": {"accountId": "ssa-members"},
                  "payees": [{"provider": "%s", "name": "Biocoop Montpellier", "iban": "DE89370400440532013000"}]
                }
                """.formatted(bed.rpcUrl(), DEBTOR_IBAN, FOOD, COLLECTION_IBAN, shop.address()));
    }

    @AfterAll
    void stop() {
        if (bed != null) {
            bed.close();
        }
    }

    @Test
    @Order(1)
    void declaredContribution_isExpected_andTheDaysBatchWaitsForFunding() throws Exception {
        await("/v1/status", s -> s.get("headTimestamp").asLong() > 0);
        assertThat(contribute("c-1", "m.7f3a").statusCode()).isEqualTo(201);

        bed.shiftSeconds.addAndGet(86_400);
        alice.pay(shop.address(), FOOD, 100, new byte[32]); // a block stamped the next day closes the window

        JsonNode batch = await("/v1/batches", a -> a.size() == 1).get(0);
        assertThat(batch.get("state").asText()).isEqualTo("waiting-funding");
        assertThat(batch.get("shortfallCents").asLong()).isEqualTo(6_000);
        assertThat(get("/v1/funding").get("balancesCents").get("ssa-members").asLong()).isZero();
        JsonNode receipts = get("/v1/receipts");
        assertThat(receipts.get("creditConfirmation").asText()).isEqualTo("bank");
        assertThat(receipts.get("expected")).singleElement().satisfies(e -> {
            assertThat(e.get("reference").asText()).isEqualTo("c-1");
            assertThat(e.get("code").asText()).isEqualTo("NOT_SEEN");
            assertThat(e.get("ageDays").asLong()).isEqualTo(1);
        });
    }

    @Test
    @Order(2)
    void collectionAccountNotification_confirmsOneAndKeepsMoneyNotDeclaredYet() throws Exception {
        byte[] camt = BankSimulator.creditNotification("CRDT-1", NOV_12, NOV_12.toLocalDate(), COLLECTION_IBAN,
                List.of(IncomingCredit.of("c-1", 4_000, "SSA cotisation c-1"),
                        IncomingCredit.of(null, 4_000, "SSA cotisation c-2 novembre"),
                        new IncomingCredit("c-1", 4_000, "SSA c-1", "AC04"))); // a return: not money received

        HttpResponse<String> answer = post("/v1/bank/messages", "crdt-1", new String(camt));

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonNode taken = JSON.readTree(answer.body()).get("receipts");
        assertThat(taken.get("matched").asInt()).isEqualTo(1);
        assertThat(taken.get("unmatched").asInt()).isEqualTo(1);
        JsonNode receipts = get("/v1/receipts");
        assertThat(receipts.get("matched")).singleElement()
                .satisfies(m -> assertThat(m.get("reference").asText()).isEqualTo("c-1"));
        assertThat(receipts.get("unmatched")).singleElement()
                .satisfies(u -> assertThat(u.get("code").asText()).isEqualTo("NOT_DECLARED"));
        assertThat(receipts.get("totals").get("confirmedCents").asLong()).isEqualTo(4_000);
        assertThat(get("/v1/batches").get(0).get("shortfallCents").asLong()).isEqualTo(2_000); // 4 000 of 6 000
    }

    @Test
    @Order(3)
    void declarationAfterItsMoney_fundsTheBatch_paidAndSettled() throws Exception {
        assertThat(contribute("c-2", "m.91bc").statusCode()).isEqualTo(201);

        JsonNode order = await("/v1/orders", a -> a.size() == 1 && a.get(0).get("fileWritten").asBoolean()).get(0);
        assertThat(order.get("totalCents").asLong()).isEqualTo(6_000);
        byte[] pain001 = bed.client().getBytes("/v1/orders/" + order.get("messageId").asText() + "/pain001");
        BankSimulator.Answer bank = BankSimulator.answer(pain001, new BankSimulator.Instructions("CAMT054-1",
                "PAIN002-1", NOV_12, LocalDate.of(2026, 11, 13), Map.of(), Map.of()));
        assertThat(post("/v1/bank/messages", "camt-1", new String(bank.camt054())).statusCode()).isEqualTo(200);

        JsonNode batch = await("/v1/batches", a -> a.get(0).get("state").asText().equals("settled")).get(0);
        assertThat(batch.get("paidBySourceCents").get("contributions").asLong()).isEqualTo(6_000);
        JsonNode receipts = get("/v1/receipts");
        assertThat(receipts.get("expected")).isEmpty();
        assertThat(receipts.get("unmatched")).isEmpty();
        assertThat(receipts.get("totals").get("confirmedCents").asLong()).isEqualTo(8_000);
        assertThat(bed.client().getResponse("/metrics").body()).contains(
                "bridge_receipts_cents{state=\"confirmed\"} 8000.0", "bridge_receipts_cents{state=\"expected\"} 0.0");
    }

    @Test
    @Order(4)
    void sameEntriesInTheDaysStatementAndARestart_changeNothing() throws Exception {
        byte[] again = BankSimulator.creditNotification("CRDT-1", NOV_12, NOV_12.toLocalDate(), COLLECTION_IBAN,
                List.of(IncomingCredit.of("c-1", 4_000, "SSA cotisation c-1")));
        HttpResponse<String> duplicate = post("/v1/bank/messages", "crdt-1-again", new String(again));
        assertThat(duplicate.statusCode()).isEqualTo(422);
        assertThat(duplicate.body()).contains("DUPLICATE_MESSAGE_ID");
        JsonNode before = get("/v1/receipts");

        bed.bridge.close();
        bed.startBridge();

        assertThat(get("/v1/receipts")).isEqualTo(before);
        assertThat(get("/v1/funding").get("balancesCents").get("ssa-members").asLong()).isEqualTo(2_000);
    }

    // ---- helpers ----

    private HttpResponse<String> contribute(String id, String member) throws Exception {
        return post("/v1/member-contributions", "key-" + id, """
                {"contributionId": "%s", "period": "2026-11", "memberRef": "%s",
                 "declaredIncomeCents": 120000, "paidCents": 4000}""".formatted(id, member));
    }

    private HttpResponse<String> post(String path, String key, String body) throws Exception {
        return bed.client().post(path, key, body);
    }

    private JsonNode get(String path) throws Exception {
        return bed.client().get(path);
    }

    private JsonNode await(String path, Predicate<JsonNode> done) throws Exception {
        return bed.client().await(path, done, Duration.ofSeconds(30));
    }
}
