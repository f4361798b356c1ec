package org.targetedmoney.bridge.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
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

/**
 * The inter-enterprise fund through the running bridge, against a real one-validator node whose clock the test
 * moves (as {@link BridgeEndToEndTest} does): three firms declare for November 2026 over HTTP (one of them
 * corrects), the preview nets them; the ledger's clock enters December, which closes November (no late month
 * here), the settlement says who pays and who is paid, and the fund's pain.001 paying the two firms it owes is
 * written, schema-valid, from the fund's own account, with the pain.008 collecting what firm A owes under its
 * mandate; a restart rebuilds the same settlement and rewrites a lost file with the same bytes. Then the bank (the
 * {@link BankSimulator}) answers: the payouts are booked, A's direct debit is returned, collected at the retry, and
 * the shop's batch waiting in the providers' waterfall still waits: the fund's money pays firms, not providers.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InterEnterpriseEndToEndTest {
    static final long GENESIS_TIME = BridgeTestbed.GENESIS_TIME; // 2026-11-01T00:00:00Z
    static final String FIRM_A = "111111118";
    static final String FIRM_B = "222222226";
    static final String FIRM_C = "333333334";
    static final String FUND_IBAN = "FR1420041010050500013M02606";
    static final String IBAN_B = "DE89370400440532013000";
    static final String IBAN_C = "BE68539007547034";
    static final String NOVEMBER = "/v1/inter-enterprise/2026-11";
    static final String ORDER_ID = "IEF-2026-11-0001";
    static final String COLLECTION_ID = "IEC-2026-11-0001";
    static final String DUE_A = "ief-2026-11-" + FIRM_A;
    static final int FOOD = 2;
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    BridgeTestbed bed;
    AuthorityClient registrar;
    int enrolled;

    ProviderClient shop;

    @BeforeAll
    void startNodeAndBridge() throws Exception {
        bed = new BridgeTestbed(dir);
        registrar = new AuthorityClient(bed.ledger, bed.key("registrar"));
        // A shop redeems on November 1st: its batch waits for funding until the fund collects A's dues.
        MemberClient alice = new MemberClient(bed.ledger, bed.key("alice"));
        shop = new ProviderClient(bed.ledger, bed.key("biocoop-montpellier"));
        AuthorityClient authority = new AuthorityClient(bed.ledger, bed.key("authority"));
        registrar.enrolMember(alice.address(), "FR-OCC-34-172", 2);
        authority.conventionProvider(shop.address(), List.of(FOOD), "FR-OCC-34", BridgeTestbed.EPOCH,
                BridgeTestbed.EPOCH + 12);
        authority.openEpoch(BridgeTestbed.EPOCH);
        alice.pay(shop.address(), FOOD, 20_000, new byte[32]);
        shop.redeem(FOOD, 6_000);
        newBlock();
        bed.startBridge(configJson());
    }

    @AfterAll
    void stop() {
        if (bed != null) {
            bed.close();
        }
    }

    /** A block stamped with the node's (shifted) clock: enrolling a new member is the cheapest transaction. */
    private void newBlock() throws Exception {
        registrar.enrolMember("0x" + String.format("%040x", 0xF1E000 + ++enrolled), "FR-OCC-34-172", 1);
    }

    private String configJson() {
        return """
                {
                  "dataDir": "bridge-data",
                  "ledger": {"rpcUrl": "http://127.0.0.1:%d", "keyFile": "bridge.key", "pollMillis": 100},
                  "http": {"port": 0},
                  "debtor": {"name": "Caisse commune", "iban": "FR7630006000011234567890189"},
                  "funding": {
                    "accounts": [{"id": "ssa-members", "kind": "contributions"}],
                    "creationCeilingCentsPerMonth": 0
                  },
                  "interEnterpriseFund": {
                    "accountId": "inter-enterprise-fund",
                    "rateBasisPoints": 2500,
                    "fundAccount": {"name": "Caisse interentreprises", "iban": "%s", "bic": "PSSTFRPPMON"},
                    "creditorId": "FR72ZZZ123456"
                  },
                  "lateMonths": 0,
                  "payees": [{"provider": "%s", "name": "Biocoop Montpellier", "iban": "DE89370400440532013000"}]
                }
                """.formatted(bed.nodeConfig.rpcPort(), FUND_IBAN, shop.address());
    }

    static String declaration(String id, String firm, long valueAddedCents, long fteHundredths, String payee,
                              boolean correction) {
        return """
                {"declarationId": "%s", "period": "2026-11", "firmId": "%s", "valueAddedCents": %d,
                 "fteHundredths": %d, "correction": %s, "payee": %s}""".formatted(id, firm, valueAddedCents,
                fteHundredths, correction, payee);
    }

    static String payee(String name, String iban) {
        return "{\"name\": \"%s\", \"iban\": \"%s\"}".formatted(name, iban);
    }

    /** Bank details with the firm's SEPA direct-debit mandate for the fund. */
    static String payeeWithMandate(String name, String iban, String mandateId) {
        return "{\"name\": \"%s\", \"iban\": \"%s\", \"mandate\": {\"id\": \"%s\", \"signedOn\": \"2026-10-15\"}}"
                .formatted(name, iban, mandateId);
    }

    @Test
    @Order(1)
    void declarations_threeFirms_acceptedOnceWithTheirContribution() throws Exception {
        await("/v1/status", s -> s.get("headTimestamp").asLong() > 0);
        String a = declaration("a-1", FIRM_A, 10_000_000, 1_000, payeeWithMandate("Atelier A",
                "FR7630006000011234567890189", "IEF-A-2026"), false);

        HttpResponse<String> first = post("key-a", a);
        HttpResponse<String> sameKey = post("key-a", a);
        HttpResponse<String> otherKey = post("key-a-bis", a);
        HttpResponse<String> b = post("key-b", declaration("b-1", FIRM_B, 2_000_000, 500, payee("Boulangerie B",
                IBAN_B), false));
        HttpResponse<String> c = post("key-c", declaration("c-1", FIRM_C, -500_000, 200, payee("Cooperative C",
                "be68 5390 0754 7034"), false));
        HttpResponse<String> cCorrected = post("key-c2", declaration("c-2", FIRM_C, -500_000, 250,
                payee("Cooperative C", IBAN_C), true));

        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        JsonNode answer = JSON.readTree(first.body());
        assertThat(answer.get("status").asText()).isEqualTo("accepted");
        assertThat(answer.get("contributionCents").asLong()).isEqualTo(2_500_000); // 25 % of 100 000 EUR
        assertThat(answer.get("allowanceCents").isNull()).isTrue(); // equal share: set when November closes
        assertThat(sameKey.body()).isEqualTo(first.body());
        assertThat(sameKey.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(otherKey.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(otherKey.body()).get("status").asText()).isEqualTo("replayed");
        assertThat(b.statusCode()).as(b.body()).isEqualTo(201);
        assertThat(c.statusCode()).as(c.body()).isEqualTo(201);
        assertThat(cCorrected.statusCode()).as(cCorrected.body()).isEqualTo(201);
        assertThat(JSON.readTree(cCorrected.body()).get("status").asText()).isEqualTo("corrected");
    }

    @Test
    @Order(2)
    void badDeclarations_refusedWithACodeAndKept() throws Exception {
        HttpResponse<String> badIban = post("key-x1", declaration("x-1", "444444442", 1_000, 100,
                payee("Firme X", "FR7630006000011234567890180"), false));
        HttpResponse<String> twice = post("key-x2", declaration("a-2", FIRM_A, 1_000, 100,
                payee("Atelier A", IBAN_B), false));
        HttpResponse<String> noPayee = post("key-x3", """
                {"declarationId": "x-3", "period": "2026-11", "firmId": "444444442", "valueAddedCents": 1,
                 "fteHundredths": 1}""");
        HttpResponse<String> closed = post("key-x4", declaration("x-4", "444444442", 1_000, 100,
                payee("Firme X", IBAN_B), false).replace("2026-11", "2026-10"));

        assertThat(badIban.statusCode()).isEqualTo(422);
        assertThat(badIban.body()).contains("INVALID_IBAN");
        assertThat(twice.statusCode()).isEqualTo(422);
        assertThat(twice.body()).contains("DUPLICATE_DECLARATION");
        assertThat(noPayee.statusCode()).isEqualTo(400);
        assertThat(noPayee.body()).contains("payee");
        assertThat(closed.statusCode()).isEqualTo(422);
        assertThat(closed.body()).contains("PERIOD_CLOSED");
        HttpResponse<String> badMandate = post("key-x5", declaration("x-5", "444444442", 1_000, 100,
                payeeWithMandate("Firme X", IBAN_B, "MANDATE WITH SPACES"), false));
        assertThat(badMandate.statusCode()).isEqualTo(422);
        assertThat(badMandate.body()).contains("INVALID_MANDATE");
        assertThat(get("/v1/rejected").valueStream().map(n -> n.get("reasonCode").asText()).toList())
                .contains("INVALID_IBAN", "DUPLICATE_DECLARATION", "PERIOD_CLOSED");
    }

    @Test
    @Order(3)
    void openMonth_previewNetsTheFirms() throws Exception {
        JsonNode preview = get(NOVEMBER);

        assertThat(preview.get("state").asText()).isEqualTo("open");
        assertThat(preview.get("provisional").asBoolean()).isTrue();
        assertThat(preview.get("allowancePerFteCents").asLong()).isEqualTo(171_400);
        assertThat(preview.get("totals").get("contributionsCents").asLong()).isEqualTo(3_000_000);
        assertThat(preview.get("payoutOrders")).isEmpty();
        assertThat(get("/v1/inter-enterprise/2026-12").size()).isZero(); // helper below: 404 answers {}
    }

    @Test
    @Order(4)
    void ledgerEntersDecember_novemberClosesAndTheFundPaysTheFirmsItOwes() throws Exception {
        bed.shiftSeconds.addAndGet(25 * 86_400); // 2026-12-05
        newBlock();

        JsonNode s = await(NOVEMBER, n -> n.path("state").asText().equals("closed")
                && n.get("payoutOrders").size() == 1 && n.get("payoutOrders").get(0).get("fileWritten").asBoolean()
                && n.get("collectionOrders").get(0).get("fileWritten").asBoolean());

        assertThat(s.get("provisional").asBoolean()).isFalse();
        assertThat(s.get("allowancePerFteCents").asLong()).isEqualTo(171_400);
        assertThat(s.get("firms").valueStream().map(f -> f.get("firmId").asText() + " " + f.get("declarationId")
                .asText() + " " + f.get("contributionCents").asLong() + " " + f.get("allowanceCents").asLong() + " "
                + f.get("netCents").asLong() + " " + f.get("direction").asText()).toList()).containsExactly(
                FIRM_A + " a-1 2500000 1714000 786000 pays",
                FIRM_B + " b-1 500000 857000 -357000 is-paid",
                FIRM_C + " c-2 0 428500 -428500 is-paid");
        JsonNode totals = s.get("totals");
        assertThat(totals.get("duesCents").asLong()).isEqualTo(786_000);
        assertThat(totals.get("payoutsCents").asLong()).isEqualTo(785_500);
        assertThat(s.get("carriedInCents").asLong()).isZero();
        assertThat(s.get("carriedOutCents").asLong()).isEqualTo(500);

        JsonNode order = s.get("payoutOrders").get(0);
        assertThat(order.get("messageId").asText()).isEqualTo(ORDER_ID);
        assertThat(order.get("transfers").asInt()).isEqualTo(2);
        assertThat(order.get("totalCents").asLong()).isEqualTo(785_500);
        byte[] xml = Files.readAllBytes(Path.of(order.get("file").asText()));
        assertSchemaValid(xml);
        String text = new String(xml, StandardCharsets.UTF_8);
        assertThat(text).contains("<MsgId>" + ORDER_ID + "</MsgId>", "<CtrlSum>7855.00</CtrlSum>",
                "<IBAN>" + FUND_IBAN + "</IBAN>", "<EndToEndId>ief-2026-11-" + FIRM_B + "</EndToEndId>",
                "<EndToEndId>ief-2026-11-" + FIRM_C + "</EndToEndId>", "<IBAN>" + IBAN_C + "</IBAN>");
        assertThat(text).doesNotContain("ief-2026-11-" + FIRM_A); // A pays the fund: listed, not paid
        assertThat(bed.client().getBytes("/v1/orders/" + ORDER_ID + "/pain001")).isEqualTo(xml);

        JsonNode collection = s.get("collectionOrders").get(0);
        assertThat(collection.get("messageId").asText()).isEqualTo(COLLECTION_ID);
        assertThat(collection.get("totalCents").asLong()).isEqualTo(786_000);
        assertThat(s.get("firms").get(0).get("due").get(0).get("status").asText()).isEqualTo("ordered");
        String pain008 = new String(bed.client().getBytes("/v1/orders/" + COLLECTION_ID + "/pain001"),
                StandardCharsets.UTF_8);
        assertThat(pain008).contains("<MndtId>IEF-A-2026</MndtId>", "<Id>FR72ZZZ123456</Id>",
                "<EndToEndId>ief-2026-11-" + FIRM_A + "</EndToEndId>", "<LclInstrm>");

        HttpResponse<String> late = post("key-late", declaration("d-1", "444444442", 1_000, 100,
                payee("Firme D", IBAN_B), false));
        assertThat(late.statusCode()).isEqualTo(422);
        assertThat(late.body()).contains("PERIOD_CLOSED");
    }

    @Test
    @Order(5)
    void restart_rebuildsTheSettlementAndRewritesALostFileIdentically() throws Exception {
        JsonNode before = get(NOVEMBER);
        Path file = Path.of(before.get("payoutOrders").get(0).get("file").asText());
        byte[] bytes = Files.readAllBytes(file);
        bed.bridge.close();
        Files.delete(file); // as if the bridge had died between the commit that closed November and the file

        bed.startBridge();

        assertThat(get(NOVEMBER)).isEqualTo(before);
        assertThat(Files.readAllBytes(file)).isEqualTo(bytes);
    }

    @Test
    @Order(6)
    void bankAnswers_payoutsPaid_dueReturnedThenCollected_andTheProvidersWaterfallUntouched() throws Exception {
        assertThat(batchStates()).containsExactly("waiting-funding");
        OffsetDateTime at = OffsetDateTime.of(2026, 12, 6, 9, 0, 0, 0, ZoneOffset.UTC);
        byte[] payouts = Files.readAllBytes(bed.bridge.service().files().pathOf(ORDER_ID));
        BankSimulator.Answer paid = BankSimulator.answer(payouts, new BankSimulator.Instructions("FUND-CAMT-1",
                "FUND-PAIN002-1", at, at.toLocalDate(), Map.of(), Map.of()));
        JsonNode paidAnswer = bank("fund-1", paid.camt054());
        JsonNode statusAnswer = bank("fund-2", paid.pain002());

        assertThat(paidAnswer.get("paid").asInt()).isEqualTo(2);
        assertThat(statusAnswer.get("paid").asInt()).isZero(); // ACSC: nothing to change
        assertThat(get(NOVEMBER).get("firms").get(1).get("payout").get(0).get("status").asText()).isEqualTo("paid");

        byte[] debits = Files.readAllBytes(bed.bridge.service().files().pathOf(COLLECTION_ID));
        BankSimulator.Answer returned = BankSimulator.answerDirectDebit(debits, new BankSimulator.Instructions(
                "FUND-CAMT-2", "FUND-PAIN002-2", at, at.toLocalDate(), Map.of(), Map.of(DUE_A, "AM04")));
        JsonNode returnedAnswer = bank("fund-3", returned.camt054());

        assertThat(returnedAnswer.get("collected").asInt()).isZero();
        assertThat(returnedAnswer.get("ordersMade").get(0).asText()).isEqualTo("IEC-2026-11-0002");
        JsonNode retry = await(NOVEMBER, n -> n.get("collectionOrders").size() == 2
                && n.get("collectionOrders").get(1).get("fileWritten").asBoolean());
        assertThat(retry.get("firms").get(0).get("due").get(0).get("lastReason").asText()).isEqualTo("RETURNED AM04");
        assertThat(batchStates()).containsExactly("waiting-funding");

        byte[] retried = Files.readAllBytes(bed.bridge.service().files().pathOf("IEC-2026-11-0002"));
        BankSimulator.Answer collected = BankSimulator.answerDirectDebit(retried, new BankSimulator.Instructions(
                "FUND-CAMT-3", "FUND-PAIN002-3", at, at.toLocalDate(), Map.of(), Map.of()));
        JsonNode collectedAnswer = bank("fund-4", collected.camt054());
        JsonNode postedAgain = bank("fund-5", new String(collected.camt054(), StandardCharsets.UTF_8)
                .replace("FUND-CAMT-3", "FUND-CAMT-3-COPY").getBytes(StandardCharsets.UTF_8));

        assertThat(collectedAnswer.get("creditedCents").asLong()).isEqualTo(786_000);
        assertThat(postedAgain.get("collected").asInt()).isZero();
        assertThat(postedAgain.get("unmatched").get(0).get("reason").asText()).isEqualTo("ALREADY_SETTLED");
        assertThat(get("/v1/funding").get("balancesCents").has("inter-enterprise-fund")).isFalse();
        assertThat(batchStates()).containsExactly("waiting-funding"); // the fund's money pays firms, not providers
        assertThat(get(NOVEMBER).get("firms").get(0).get("due").get(0).get("status").asText()).isEqualTo("collected");
        assertThat(get(NOVEMBER).get("escalations")).isEmpty();
    }

    // ---- helpers ----

    private JsonNode bank(String key, byte[] xml) throws Exception {
        HttpResponse<String> r = bed.client().post("/v1/bank/messages", key, new String(xml, StandardCharsets.UTF_8));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    private List<String> batchStates() throws Exception {
        return get("/v1/batches").valueStream().map(b -> b.get("state").asText()).toList();
    }

    private static void assertSchemaValid(byte[] xml) throws Exception {
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        var schema = factory.newSchema(InterEnterpriseEndToEndTest.class.getResource("/iso20022/pain.001.001.09.xsd"));
        schema.newValidator().validate(new StreamSource(new ByteArrayInputStream(xml))); // throws if invalid
    }

    private HttpResponse<String> post(String key, String body) throws Exception {
        return bed.client().post("/v1/declarations", key, body);
    }

    /** A GET's JSON; a 404 reads as an empty object (the month has no declaration yet). */
    private JsonNode get(String path) throws Exception {
        HttpResponse<String> r = bed.client().getResponse(path);
        if (r.statusCode() == 404) {
            assertThat(r.body()).contains("UNKNOWN_PERIOD");
            return JSON.createObjectNode();
        }
        assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    /** Polls a GET until {@code done} holds (bounded: 30 s), returning the last answer. */
    private JsonNode await(String path, Predicate<JsonNode> done) throws Exception {
        JsonNode last = null;
        for (int i = 0; i < 300; i++) {
            last = get(path);
            if (done.test(last)) {
                return last;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(path + " never reached the expected state; last: " + last);
    }
}
