package org.targetedmoney.node.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.targetedmoney.node.run.TestNetwork.ALICE;
import static org.targetedmoney.node.run.TestNetwork.AUTHORITY;
import static org.targetedmoney.node.run.TestNetwork.COMMITTEE;
import static org.targetedmoney.node.run.TestNetwork.EPOCH;
import static org.targetedmoney.node.run.TestNetwork.FOOD;
import static org.targetedmoney.node.run.TestNetwork.HEALTH;
import static org.targetedmoney.node.run.TestNetwork.REGISTRAR;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.targetedmoney.wallet.authority.AuthorityClient;
import org.targetedmoney.wallet.core.LedgerConnection;
import org.targetedmoney.wallet.core.LedgerRejectedException;
import org.targetedmoney.wallet.core.LedgerRequestException;
import org.targetedmoney.wallet.directory.DirectoryClient;
import org.targetedmoney.wallet.directory.DirectoryClient.Query;
import org.targetedmoney.wallet.member.MemberClient;
import org.web3j.crypto.Credentials;

/**
 * The provider directory on a running node: providers conventioned in Hérault, in Sète and in Paris (and
 * a doctor for Occitanie), described by those who conventioned them, found through {@code ledger_providers}
 * by territory, purpose, specialty and criteria, page after page; a revocation shows in the directory and
 * refuses payments.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DirectoryNodeTest {
    static final Credentials GROCER = TestNetwork.key(40);
    static final Credentials GARDENER = TestNetwork.key(41);
    static final Credentials PARIS_GROCER = TestNetwork.key(42);
    static final Credentials DOCTOR = TestNetwork.key(43);
    /** A grocer revoked by the test that revokes: kept apart so the other tests see a stable map. */
    static final Credentials REVOKED_GROCER = TestNetwork.key(44);
    static final int ORGANIC = 1;
    static final int LOCAL = 1 << 1;
    static final int LOW_CARBON = 1 << 3;

    @TempDir
    static Path dir;
    RunningNode node;
    LedgerConnection ledger;
    DirectoryClient directory;

    @BeforeAll
    void start() throws Exception {
        node = new RunningNode(dir, TestNetwork.midGenesisMonth());
        ledger = LedgerConnection.connect(node.url);
        directory = new DirectoryClient(ledger);
        AuthorityClient authority = new AuthorityClient(ledger, AUTHORITY);
        AuthorityClient committee = new AuthorityClient(ledger, COMMITTEE);
        for (String code : List.of("ORGANIC_SUPPLY", "LOCAL_SUPPLY", "SOCIAL_ECONOMY", "LOW_CARBON")) {
            authority.addCriterion(code, code.replace('_', ' ').toLowerCase());
        }
        committee.conventionProvider(GROCER.getAddress(), List.of(FOOD), "FR-OCC-34", EPOCH, EPOCH + 12);
        committee.conventionProvider(GARDENER.getAddress(), List.of(FOOD), "FR-OCC-34-172", EPOCH, EPOCH + 12);
        authority.conventionProvider(PARIS_GROCER.getAddress(), List.of(FOOD), "FR-IDF-75", EPOCH, EPOCH + 12);
        authority.conventionProvider(DOCTOR.getAddress(), List.of(HEALTH), "FR-OCC", EPOCH, EPOCH + 12);
        committee.describeProvider(GROCER.getAddress(), "Épicerie du port", "grocer", ORGANIC | LOCAL);
        committee.describeProvider(GARDENER.getAddress(), "Les jardins de Thau", "market gardener",
                LOCAL | LOW_CARBON);
        authority.describeProvider(PARIS_GROCER.getAddress(), "Épicerie d'Aligre", "Grocer", ORGANIC);
        authority.describeProvider(DOCTOR.getAddress(), "Cabinet médical", "general practitioner", 0);
    }

    @AfterAll
    void stop() {
        node.close();
    }

    /** The providers of a page but the one another test revokes, whenever it runs. */
    private static List<String> addresses(DirectoryClient.Page page) {
        return page.providers().stream().map(DirectoryClient.Provider::address)
                .filter(p -> !p.equals(a(REVOKED_GROCER))).toList();
    }

    private static String a(Credentials c) {
        return c.getAddress();
    }

    @Test
    void aTerritory_listsItsProvidersAndThoseBelow_withTheirProfileAndConventions() throws Exception {
        JsonObject result = (JsonObject) node.result("ledger_providers", new JsonObject().put("territory", "FR-OCC-34"));

        JsonArray providers = new JsonArray(result.getJsonArray("providers").stream()
                .filter(p -> !((JsonObject) p).getString("address").equals(a(REVOKED_GROCER))).toList());
        assertThat(providers).hasSize(2);
        assertThat(result.getValue("next")).isNull();
        assertThat(providers.getJsonObject(0)).isEqualTo(new JsonObject().put("address", a(GROCER))
                .put("name", "Épicerie du port").put("specialty", "grocer")
                .put("criteria", new JsonArray().add("ORGANIC_SUPPLY").add("LOCAL_SUPPLY"))
                .put("conventions", new JsonArray().add(new JsonObject().put("purpose", FOOD).put("symbol", "FOOD")
                        .put("territory", "FR-OCC-34").put("validFromEpoch", EPOCH).put("validUntilEpoch", EPOCH + 12)
                        .put("status", "in force").put("categories", new JsonArray()))));
        assertThat(providers.getJsonObject(1).getString("address")).isEqualTo(a(GARDENER));
    }

    @Test
    void byPurposeSpecialtyCriteriaAndCovering_throughTheWalletClient() throws Exception {
        assertThat(addresses(directory.providers(Query.of("FR-OCC-34-172").withCovering())))
                .containsExactly(a(GARDENER), a(GROCER), a(DOCTOR));
        assertThat(addresses(directory.providers(Query.of("FR-OCC-34-172").withCovering().withPurpose(HEALTH))))
                .containsExactly(a(DOCTOR));
        assertThat(addresses(directory.providers(Query.of("FR").withSpecialty("GROCER"))))
                .containsExactlyInAnyOrder(a(GROCER), a(PARIS_GROCER));
        assertThat(addresses(directory.providers(Query.of("FR").withCriteria(directory.maskOf("LOCAL_SUPPLY")))))
                .containsExactlyInAnyOrder(a(GROCER), a(GARDENER));
        assertThat(addresses(directory.providers(Query.of("FR").withCriteria(ORGANIC | LOCAL))))
                .containsExactly(a(GROCER));
        assertThat(addresses(directory.providers(Query.of("FR-IDF")))).containsExactly(a(PARIS_GROCER));
        assertThat(directory.criteria()).extracting(DirectoryClient.Criterion::code)
                .containsExactly("ORGANIC_SUPPLY", "LOCAL_SUPPLY", "SOCIAL_ECONOMY", "LOW_CARBON");
    }

    @Test
    void criteriaAsAHexMask_inRawJsonRpc() throws Exception {
        JsonObject result = (JsonObject) node.result("ledger_providers", new JsonObject().put("territory", "FR")
                .put("criteria", "0x9").put("purpose", FOOD));

        assertThat(result.getJsonArray("providers")).hasSize(0);
        result = (JsonObject) node.result("ledger_providers", new JsonObject().put("territory", "FR")
                .put("criteria", "0xa").put("purpose", FOOD));
        assertThat(result.getJsonArray("providers").getJsonObject(0).getString("address")).isEqualTo(a(GARDENER));
    }

    @Test
    void pagesOfOne_coverTheCountryOnce_andTheLastSaysNoMore() throws Exception {
        List<String> whole = addresses(directory.providers(Query.of("FR")));
        List<String> paged = new ArrayList<>();
        Query q = Query.of("FR").withLimit(1);
        DirectoryClient.Page page;
        do {
            page = directory.providers(q);
            assertThat(page.providers()).hasSizeLessThanOrEqualTo(1);
            paged.addAll(addresses(page));
            q = q.withAfter(page.next());
        } while (page.next() != null);

        assertThat(whole).hasSizeGreaterThanOrEqualTo(4).doesNotHaveDuplicates();
        assertThat(paged).isEqualTo(whole);
        assertThat(directory.allProviders(Query.of("FR").withLimit(2))).extracting(DirectoryClient.Provider::address)
                .filteredOn(p -> !p.equals(a(REVOKED_GROCER))).isEqualTo(whole);
        assertThat(directory.allProviders(Query.of("FR").withPurpose(HEALTH).withLimit(1)))
                .extracting(DirectoryClient.Provider::address).containsExactly(a(DOCTOR));
    }

    @Test
    void aRevokedConvention_showsRevoked_andIsNoLongerPaid() throws Exception {
        AuthorityClient committee = new AuthorityClient(ledger, COMMITTEE);
        committee.conventionProvider(a(REVOKED_GROCER), List.of(FOOD), "FR-OCC-34-172", EPOCH, EPOCH + 12);
        new AuthorityClient(ledger, REGISTRAR).enrolMember(a(ALICE), "FR-OCC-34-172", 1);
        new AuthorityClient(ledger, AUTHORITY).openEpoch(EPOCH);
        MemberClient alice = new MemberClient(ledger, ALICE);
        alice.pay(a(REVOKED_GROCER), FOOD, 100, new byte[32]);

        committee.revokeConvention(a(REVOKED_GROCER), FOOD);

        DirectoryClient.Provider listed = directory.providers(Query.of("FR-OCC-34-172")).providers().stream()
                .filter(p -> p.address().equals(a(REVOKED_GROCER))).findFirst().orElseThrow();
        assertThat(listed.conventions()).extracting(DirectoryClient.Convention::status).containsExactly("revoked");
        assertThat(listed.name()).isNull();
        assertThatThrownBy(() -> alice.pay(a(REVOKED_GROCER), FOOD, 100, new byte[32]))
                .isInstanceOfSatisfying(LedgerRejectedException.class,
                        e -> assertThat(e.code()).isEqualTo("CONVENTION_REVOKED"));
        assertThatThrownBy(() -> committee.resumeConvention(a(REVOKED_GROCER), FOOD))
                .isInstanceOfSatisfying(LedgerRejectedException.class,
                        e -> assertThat(e.code()).isEqualTo("CONVENTION_REVOKED"));
    }

    @Test
    void aCommittee_cannotDescribeAProviderOfAnotherArea_norWithAnUndeclaredCriterion() {
        AuthorityClient committee = new AuthorityClient(ledger, COMMITTEE);

        assertThatThrownBy(() -> committee.describeProvider(a(PARIS_GROCER), "x", "grocer", 0))
                .isInstanceOfSatisfying(LedgerRejectedException.class,
                        e -> assertThat(e.code()).isEqualTo("OUT_OF_SCOPE"));
        assertThatThrownBy(() -> committee.describeProvider(a(GROCER), "x", "grocer", 1 << 4))
                .isInstanceOfSatisfying(LedgerRejectedException.class,
                        e -> assertThat(e.code()).isEqualTo("UNKNOWN_CRITERION"));
    }

    @Test
    void badParameters_areInvalidParamsNamingTheProblem() throws Exception {
        assertInvalid(new JsonObject().put("territory", "FR-BRE"), "unknown territory 'FR-BRE'");
        assertInvalid(new JsonObject(), "parameter 0.territory is required");
        assertInvalid(new JsonObject().put("territory", "FR").put("purpose", "food"), "parameter 0.purpose");
        assertInvalid(new JsonObject().put("territory", "FR").put("purpose", 7), "unknown purpose 7");
        assertInvalid(new JsonObject().put("territory", "FR").put("limit", 1001), "parameter 0.limit");
        assertInvalid(new JsonObject().put("territory", "FR").put("criteria", "0x10"), "criteria 0x10");
        assertInvalid(new JsonObject().put("territory", "FR").put("criteria", "five"), "parameter 0.criteria");
        assertInvalid(new JsonObject().put("territory", "FR").put("includeCovring", true), "includeCovring");
        assertInvalid(new JsonObject().put("territory", "FR").put("after", "bm9wZQ"), "after is not");
        JsonObject answer = node.call("ledger_providers", "FR");
        assertThat(answer.getJsonObject("error").getInteger("code")).isEqualTo(-32602);
        assertThatThrownBy(() -> directory.providers(Query.of("FR-BRE")))
                .isInstanceOfSatisfying(LedgerRequestException.class, e -> assertThat(e.rpcCode()).isEqualTo(-32602));
    }

    private void assertInvalid(JsonObject query, String message) throws Exception {
        JsonObject error = node.call("ledger_providers", query).getJsonObject("error");
        assertThat(error).as("error for %s", query).isNotNull();
        assertThat(error.getInteger("code")).isEqualTo(-32602);
        assertThat(error.getString("message")).startsWith("ledger_providers: ").contains(message);
    }
}
