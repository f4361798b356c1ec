package org.targetedmoney.node.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.targetedmoney.node.run.TestNetwork.ALICE;
import static org.targetedmoney.node.run.TestNetwork.AUTHORITY;
import static org.targetedmoney.node.run.TestNetwork.BOB;
import static org.targetedmoney.node.run.TestNetwork.COMMITTEE;
import static org.targetedmoney.node.run.TestNetwork.EPOCH;
import static org.targetedmoney.node.run.TestNetwork.FOOD;
import static org.targetedmoney.node.run.TestNetwork.PHARMACY;
import static org.targetedmoney.node.run.TestNetwork.REGISTRAR;
import static org.targetedmoney.node.run.TestNetwork.SHOP;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.targetedmoney.wallet.auditor.AuditorClient;
import org.targetedmoney.wallet.auditor.LedgerEvent;
import org.targetedmoney.wallet.authority.AuthorityClient;
import org.targetedmoney.wallet.core.LedgerConnection;
import org.targetedmoney.wallet.core.LedgerRejectedException;
import org.targetedmoney.wallet.core.LedgerRequestException;
import org.targetedmoney.wallet.core.TxResult;
import org.targetedmoney.wallet.member.Bucket;
import org.targetedmoney.wallet.member.MemberClient;
import org.targetedmoney.wallet.provider.ProviderClient;

/** The wallet-sdk role clients against a real node: what each role does, and the typed refusals. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WalletScenarioTest {
    @TempDir
    static Path dir;
    LedgerNode node;
    LedgerConnection ledger;
    MemberClient alice;
    ProviderClient shop;

    @BeforeAll
    void start() throws Exception {
        node = LedgerNode.start(TestNetwork.config(dir, TestNetwork.midGenesisMonth()));
        ledger = LedgerConnection.connect("http://127.0.0.1:" + node.rpcPort());
        new AuthorityClient(ledger, REGISTRAR).enrolMember(ALICE.getAddress(), "FR-OCC-34-172", 1);
        new AuthorityClient(ledger, COMMITTEE).conventionProvider(SHOP.getAddress(), List.of(FOOD), "FR-OCC-34",
                EPOCH, EPOCH + 12);
        new AuthorityClient(ledger, AUTHORITY).openEpoch(EPOCH);
        alice = new MemberClient(ledger, ALICE);
        shop = new ProviderClient(ledger, SHOP);
    }

    @AfterAll
    void stop() {
        node.close();
    }

    @Test
    void member_afterOpening_holdsOneBucketThatExpiresAfterThreeEpochs() throws Exception {
        List<Bucket> buckets = alice.buckets(FOOD);

        assertThat(buckets).hasSize(1);
        assertThat(buckets.get(0).epoch()).isEqualTo(EPOCH);
        assertThat(buckets.get(0).expiresAtEpoch()).isEqualTo(EPOCH + 3);
        assertThat(alice.balance(FOOD)).isEqualTo(buckets.get(0).amountCents());
    }

    @Test
    void payThenRedeem_movesUnitsToTheShopThenOutOfCirculation() throws Exception {
        long before = alice.balance(FOOD);
        long shopBefore = shop.balance(FOOD);

        alice.pay(SHOP.getAddress(), FOOD, 1_234, new byte[32]);
        TxResult redeemed = shop.redeem(FOOD, 1_234);

        assertThat(alice.balance(FOOD)).isEqualTo(before - 1_234);
        assertThat(shop.balance(FOOD)).isEqualTo(shopBefore);
        assertThat(new AuditorClient(ledger).events(redeemed.blockNumber(), redeemed.blockNumber()))
                .anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(LedgerEvent.Redeemed.class,
                        r -> assertThat(r.amountCents()).isEqualTo(1_234)));
    }

    @Test
    void histories_showThePaymentToMemberAndShop_andTheRedemption() throws Exception {
        TxResult paid = alice.pay(SHOP.getAddress(), FOOD, 77, new byte[32]);
        shop.redeem(FOOD, 77);

        assertThat(alice.payments()).anySatisfy(e -> assertThat(e).isEqualTo(new LedgerEvent.Payment(
                paid.blockNumber(), ALICE.getAddress(), SHOP.getAddress(), FOOD, 77, 0)));
        assertThat(shop.incomingPayments()).allSatisfy(e -> assertThat(((LedgerEvent.Payment) e).provider())
                .isEqualTo(SHOP.getAddress()));
        assertThat(shop.redemptions()).anySatisfy(e -> assertThat(((LedgerEvent.Redeemed) e).amountCents())
                .isEqualTo(77));
    }

    @Test
    void auditor_epochCountersAndBlocks_matchTheMonthIssuance() throws Exception {
        AuditorClient auditor = new AuditorClient(ledger);

        AuditorClient.EpochCounters c = auditor.epochCounters(EPOCH, FOOD);

        assertThat(c.issued()).isEqualTo(15_000);
        assertThat(c.spent()).isLessThanOrEqualTo(c.issued());
        assertThat(auditor.block(1).getTransactions()).hasSize(1);
    }

    @Test
    void healthClaim_atTariffIsPaidDirectly_aboveTariffIsRefused() throws Exception {
        new AuthorityClient(ledger, AUTHORITY).setTariff(TestNetwork.HEALTH, "G", 2_650);
        new AuthorityClient(ledger, AUTHORITY).conventionProvider(PHARMACY.getAddress(), List.of(TestNetwork.HEALTH),
                "FR-OCC", EPOCH, EPOCH + 12);
        ProviderClient doctor = new ProviderClient(ledger, PHARMACY);
        byte[] ref = new byte[32];
        ref[31] = 9;

        TxResult paid = doctor.fileClaim(ALICE.getAddress(), TestNetwork.HEALTH, "G", 2_650, ref);

        assertThat(new AuditorClient(ledger).events(paid.blockNumber(), paid.blockNumber()))
                .anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(LedgerEvent.ClaimPaid.class,
                        c -> assertThat(c.amountCents()).isEqualTo(2_650)));
        ref[31] = 10;
        assertThatThrownBy(() -> doctor.fileClaim(ALICE.getAddress(), TestNetwork.HEALTH, "G", 3_000, ref))
                .isInstanceOfSatisfying(LedgerRejectedException.class,
                        e -> assertThat(e.code()).isEqualTo("ABOVE_TARIFF"));
    }

    @Test
    void pay_toUnconventionedProvider_throwsTheStableCode() {
        assertThatThrownBy(() -> alice.pay(PHARMACY.getAddress(), FOOD, 100, new byte[32]))
                .isInstanceOfSatisfying(LedgerRejectedException.class,
                        e -> assertThat(e.code()).isEqualTo("NOT_CONVENTIONED"));
    }

    @Test
    void enrol_byAnAccountWithoutTheRegistrarRole_throwsForbiddenRole() {
        assertThatThrownBy(() -> new AuthorityClient(ledger, BOB).enrolMember(BOB.getAddress(), "FR", 1))
                .isInstanceOfSatisfying(LedgerRejectedException.class,
                        e -> assertThat(e.code()).isEqualTo("FORBIDDEN_ROLE"));
    }

    @Test
    void auditor_invariants_holdAndTotalsAreConserved() throws Exception {
        AuditorClient auditor = new AuditorClient(ledger);

        Map<String, Object> inv = auditor.invariants();

        assertThat(inv.get("holds")).isEqualTo(true);
        assertThat(auditor.purposeTotals(FOOD).conserved()).isTrue();
    }

    @Test
    void connect_toNoNode_throwsARequestExceptionNamingTheProblem() {
        assertThatThrownBy(() -> LedgerConnection.connect("http://127.0.0.1:1"))
                .isInstanceOf(LedgerRequestException.class).hasMessageContaining("unreachable");
    }

    /** A supermarket conventioned for its local produce only. */
    static final org.web3j.crypto.Credentials MIXED_SHOP = TestNetwork.key(23);

    @Test
    void mixedShop_restrictedToLocalProduce_acceptsLocalPurchasesOnly() throws Exception {
        AuthorityClient authority = new AuthorityClient(ledger, AUTHORITY);
        authority.addCategory(FOOD, "LOCAL", "Local produce");
        authority.addCategory(FOOD, "IMPORTED", "Imported products");
        new AuthorityClient(ledger, COMMITTEE).conventionProvider(MIXED_SHOP.getAddress(), List.of(FOOD), "FR-OCC-34",
                EPOCH, EPOCH + 12);
        new AuthorityClient(ledger, COMMITTEE).restrictConvention(MIXED_SHOP.getAddress(), FOOD, List.of(1));

        TxResult local = alice.payInCategory(MIXED_SHOP.getAddress(), FOOD, 1, 300, new byte[32]);

        assertThat(alice.payments()).anySatisfy(e -> assertThat(e).isEqualTo(new LedgerEvent.Payment(
                local.blockNumber(), ALICE.getAddress(), MIXED_SHOP.getAddress(), FOOD, 300, 1)));
        assertThatThrownBy(() -> alice.payInCategory(MIXED_SHOP.getAddress(), FOOD, 2, 300, new byte[32]))
                .isInstanceOfSatisfying(LedgerRejectedException.class,
                        e -> assertThat(e.code()).isEqualTo("CATEGORY_NOT_CONVENTIONED"));
    }

    @Test
    void planning_throughJsonRpc_comparesNeedsBudgetEntitlementAndSpending() throws Exception {
        new AuthorityClient(ledger, COMMITTEE).recordNeeds("FR-OCC-34", FOOD, EPOCH, 2_000_000, "diagnostic #7");
        new AuthorityClient(ledger, AUTHORITY).setTerritoryBudget("FR-OCC", FOOD, 1_500_000);
        alice.pay(SHOP.getAddress(), FOOD, 100, new byte[32]);

        Map<String, Object> report = new AuditorClient(ledger).planning("FR-OCC", FOOD, EPOCH);

        @SuppressWarnings("unchecked")
        Map<String, Object> total = (Map<String, Object>) report.get("total");
        assertThat(total).containsEntry("budgetCents", "1500000").containsEntry("needsCents", null)
                .containsEntry("entitledCents", "15000");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> children = (List<Map<String, Object>>) report.get("children");
        assertThat(children).singleElement().satisfies(row -> assertThat(row)
                .containsEntry("territory", "FR-OCC-34").containsEntry("needsCents", "2000000"));
        assertThat(Long.parseLong((String) total.get("spentCents"))).isGreaterThanOrEqualTo(100);
    }

    @Test
    void capitation_doctorChosenByTheMember_isPaidPerPatientOncePerEpoch() throws Exception {
        org.web3j.crypto.Credentials gp = TestNetwork.key(24);
        new AuthorityClient(ledger, AUTHORITY).conventionProvider(gp.getAddress(), List.of(TestNetwork.HEALTH),
                "FR-OCC", EPOCH, EPOCH + 12);
        new AuthorityClient(ledger, AUTHORITY).setCapitation(TestNetwork.HEALTH, 500);
        alice.choosePractitioner(gp.getAddress(), TestNetwork.HEALTH);
        ProviderClient doctor = new ProviderClient(ledger, gp);

        TxResult paid = doctor.claimCapitation(TestNetwork.HEALTH, EPOCH);

        assertThat(new AuditorClient(ledger).events(paid.blockNumber(), paid.blockNumber())).isNotEmpty();
        assertThatThrownBy(() -> doctor.claimCapitation(TestNetwork.HEALTH, EPOCH))
                .isInstanceOfSatisfying(LedgerRejectedException.class,
                        e -> assertThat(e.code()).isEqualTo("DUPLICATE_CLAIM"));
    }
}
