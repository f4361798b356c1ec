package org.targetedmoney.bridge.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.targetedmoney.bridge.engine.InterEnterpriseBookTest.DECEMBER;
import static org.targetedmoney.bridge.engine.InterEnterpriseBookTest.FIRM_A;
import static org.targetedmoney.bridge.engine.InterEnterpriseBookTest.FIRM_B;
import static org.targetedmoney.bridge.engine.InterEnterpriseBookTest.FIRM_C;
import static org.targetedmoney.bridge.engine.InterEnterpriseBookTest.NOVEMBER;
import static org.targetedmoney.bridge.engine.InterEnterpriseBookTest.ONE_LATE_MONTH;
import static org.targetedmoney.bridge.engine.InterEnterpriseBookTest.PAYEE_B;
import static org.targetedmoney.bridge.engine.InterEnterpriseBookTest.PAYEE_C;
import static org.targetedmoney.bridge.engine.InterEnterpriseBookTest.declared;
import static org.targetedmoney.bridge.engine.InterEnterpriseBookTest.secondOf;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.targetedmoney.bridge.contribution.InterEnterpriseFund;
import org.targetedmoney.bridge.funding.SourceKind;
import org.targetedmoney.bridge.journal.JournalCodec;
import org.targetedmoney.bridge.settlement.BankOutcome;
import org.targetedmoney.bridge.settlement.BatchBuilder;
import org.targetedmoney.bridge.settlement.BatchState;
import org.targetedmoney.bridge.settlement.FundingAccount;
import org.targetedmoney.bridge.settlement.FundingBook;
import org.targetedmoney.bridge.settlement.FundingPlan;
import org.targetedmoney.bridge.settlement.SettlementMode;
import org.targetedmoney.bridge.settlement.SettlementWindow;

/**
 * The inter-enterprise fund's money through the bank, driven through {@link BridgeEngine#apply}: November of the
 * worked example closes, firm A owes 7 860 EUR (collected by direct debit under its mandate), firms B and C are paid
 * 3 570 and 4 285 EUR; then the bank's answers (bookings, refusals, returns) settle, retry or escalate each of them,
 * and A's collected due stays the fund's (it never funds a provider's batch).
 */
class FundBankTest {
    static final String FUND_ACCOUNT = "inter-enterprise-fund";
    static final FirmPayee.Mandate MANDATE_A = new FirmPayee.Mandate("IEF-A-2026", LocalDate.of(2026, 10, 1));
    static final FirmPayee PAYEE_A = new FirmPayee("Atelier A", "FR7630006000011234567890189", "",
            Optional.of(MANDATE_A));
    static final String SHOP = BridgeEngineTest.SHOP;
    static final long CLOSING_TIME = secondOf(DECEMBER.plusMonths(1), 1) + 3_600;
    static final String DUE_A = "ief-2026-11-" + FIRM_A;
    static final String PAY_B = "ief-2026-11-" + FIRM_B;
    static final String PAY_C = "ief-2026-11-" + FIRM_C;

    private final List<BridgeInput> journal = new ArrayList<>();
    private long nextBlock = 1;
    private int messages;

    static BridgeEngine engine() {
        FundingPlan plan = new FundingPlan(List.of(
                new FundingAccount("ssa-members", SourceKind.CONTRIBUTIONS, java.util.Set.of(BridgeEngineTest.FOOD))), 0);
        return new BridgeEngine(SettlementWindow.DAILY, new BatchBuilder(SettlementMode.NET), new FundingBook(plan),
                Map.of(SHOP, new Payee(SHOP, "Epicerie du coin", "FR7630006000011234567890189", "")),
                Optional.of(new InterEnterpriseBook(InterEnterpriseFund.equalShare(FUND_ACCOUNT, 2_500),
                        ONE_LATE_MONTH)));
    }

    private Applied apply(BridgeEngine e, BridgeInput in) {
        Applied applied = e.apply(in);
        if (!(applied instanceof Applied.Refused)) {
            journal.add(in);
        }
        return applied;
    }

    private BridgeInput.LinesRead head(long seconds) {
        nextBlock += 10;
        return new BridgeInput.LinesRead(List.of(), nextBlock, 0, nextBlock - 1, seconds);
    }

    /** November declared (A with a mandate), then closed by the ledger's clock. */
    private BridgeEngine closedNovember(FirmPayee payeeA) {
        BridgeEngine e = engine();
        apply(e, head(secondOf(NOVEMBER, 10)));
        apply(e, declared("a-1", NOVEMBER, FIRM_A, 10_000_000, 1_000, payeeA));
        apply(e, declared("b-1", NOVEMBER, FIRM_B, 2_000_000, 500, PAYEE_B));
        apply(e, declared("c-1", NOVEMBER, FIRM_C, -500_000, 250, PAYEE_C));
        apply(e, head(CLOSING_TIME));
        return e;
    }

    private FundReconciliation bank(BridgeEngine e, BankOutcome... outcomes) {
        Applied applied = apply(e, new BridgeInput.FundBankOutcomes("BANK-" + ++messages, "camt.054",
                List.of(outcomes)));
        assertThat(applied).isInstanceOf(Applied.FundReconciled.class);
        return ((Applied.FundReconciled) applied).reconciliation();
    }

    private static FundClaim claim(BridgeEngine e, String reference) {
        return book(e).claimsOf(NOVEMBER).stream().filter(c -> c.reference().equals(reference)).findFirst()
                .orElseThrow();
    }

    private static InterEnterpriseBook book(BridgeEngine e) {
        return e.interEnterprise().orElseThrow();
    }

    private static BankOutcome.Booked booked(String endToEndId, long cents) {
        return new BankOutcome.Booked(endToEndId, cents, "NTRY-" + endToEndId);
    }

    @Test
    void close_firmThatOwesWithAMandate_dueInOneDirectDebitOrderAtTheLedgersTime() {
        BridgeEngine e = closedNovember(PAYEE_A);

        InterEnterpriseBook.Statement s = book(e).statement(NOVEMBER).orElseThrow();
        assertThat(s.collectionOrders()).singleElement().satisfies(o -> {
            assertThat(o.messageId()).isEqualTo("IEC-2026-11-0001");
            assertThat(o.createdAtSeconds()).isEqualTo(CLOSING_TIME);
            assertThat(o.collectionDate()).isEqualTo(LocalDate.of(2027, 1, 3));
            assertThat(o.items()).extracting(FundCollectionOrder.Item::endToEndId,
                    FundCollectionOrder.Item::amountCents).containsExactly(tuple(DUE_A, 786_000L));
        });
        assertThat(book(e).claimsOf(NOVEMBER)).extracting(FundClaim::reference, FundClaim::flow, FundClaim::status,
                FundClaim::attempt).containsExactly(
                tuple(DUE_A, FundClaim.Flow.DUE, FundClaim.Status.ORDERED, 1),
                tuple(PAY_B, FundClaim.Flow.PAYOUT, FundClaim.Status.ORDERED, 1),
                tuple(PAY_C, FundClaim.Flow.PAYOUT, FundClaim.Status.ORDERED, 1));
    }

    @Test
    void close_firmThatOwesWithoutAMandate_listedAsDueNotCollected() {
        BridgeEngine e = closedNovember(new FirmPayee("Atelier A", "FR7630006000011234567890189", ""));

        assertThat(book(e).statement(NOVEMBER).orElseThrow().collectionOrders()).isEmpty();
        assertThat(claim(e, DUE_A)).satisfies(c -> {
            assertThat(c.status()).isEqualTo(FundClaim.Status.NO_MANDATE);
            assertThat(c.attempt()).isZero();
            assertThat(c.lastReason()).isEqualTo("NO_MANDATE");
        });
    }

    @Test
    void apply_payoutBooked_paidOnce_andTheSameNewsAgainChangesNothing() {
        BridgeEngine e = closedNovember(PAYEE_A);

        FundReconciliation first = bank(e, booked(PAY_B, 357_000));
        BridgeInput.FundBankOutcomes again = new BridgeInput.FundBankOutcomes("BANK-1", "camt.054",
                List.of(booked(PAY_B, 357_000)));
        Applied duplicate = apply(e, again);
        FundReconciliation statement = bank(e, booked(PAY_B, 357_000));

        assertThat(first.paid()).isEqualTo(1);
        assertThat(claim(e, PAY_B).status()).isEqualTo(FundClaim.Status.PAID);
        assertThat(duplicate).isEqualTo(new Applied.Refused("DUPLICATE_MESSAGE_ID",
                "bank message BANK-1 was already processed"));
        assertThat(statement.paid()).isZero();
        assertThat(statement.unmatched()).extracting(FundReconciliation.Unmatched::reasonCode)
                .containsExactly("ALREADY_SETTLED");
    }

    @Test
    void apply_unknownIdOrWrongAmount_reportedUnmatchedAndNothingChanges() {
        BridgeEngine e = closedNovember(PAYEE_A);

        FundReconciliation r = bank(e, booked("ief-2026-11-999999999", 100), booked(PAY_C, 428_499));

        assertThat(r.unmatched()).extracting(FundReconciliation.Unmatched::endToEndId,
                FundReconciliation.Unmatched::reasonCode).containsExactly(
                tuple("ief-2026-11-999999999", "UNKNOWN_END_TO_END_ID"), tuple(PAY_C, "AMOUNT_MISMATCH"));
        assertThat(claim(e, PAY_C).status()).isEqualTo(FundClaim.Status.ORDERED);
    }

    @Test
    void apply_payoutRejected_retriedInTheNextOrderWithANewEndToEndId_thenPaid() {
        BridgeEngine e = closedNovember(PAYEE_A);
        long bankTime = CLOSING_TIME + 86_400;
        apply(e, head(bankTime));

        FundReconciliation rejected = bank(e, new BankOutcome.Rejected(PAY_B, "AC04"));

        assertThat(rejected.retried()).isEqualTo(1);
        assertThat(rejected.ordersMade()).containsExactly("IEF-2026-11-0002");
        FundPayoutOrder retry = book(e).order("IEF-2026-11-0002").orElseThrow();
        assertThat(retry.createdAtSeconds()).isEqualTo(bankTime);
        assertThat(retry.items()).extracting(FundPayoutOrder.Item::endToEndId, FundPayoutOrder.Item::amountCents)
                .containsExactly(tuple(PAY_B + "-r2", 357_000L));
        assertThat(claim(e, PAY_B)).extracting(FundClaim::status, FundClaim::attempt, FundClaim::orderId,
                FundClaim::lastReason).containsExactly(FundClaim.Status.ORDERED, 2, "IEF-2026-11-0002", "RJCT AC04");

        FundReconciliation late = bank(e, booked(PAY_B, 357_000));
        FundReconciliation paid = bank(e, booked(PAY_B + "-r2", 357_000));

        assertThat(late.unmatched()).extracting(FundReconciliation.Unmatched::reasonCode)
                .containsExactly("SUPERSEDED_ATTEMPT");
        assertThat(paid.paid()).isEqualTo(1);
        assertThat(claim(e, PAY_B).status()).isEqualTo(FundClaim.Status.PAID);
    }

    @Test
    void apply_payoutBookedThenReturned_owedAgainAndRetried() {
        BridgeEngine e = closedNovember(PAYEE_A);

        FundReconciliation r = bank(e, booked(PAY_C, 428_500), new BankOutcome.Returned(PAY_C, 428_500, "AC04"));

        assertThat(r.paid()).isEqualTo(1);
        assertThat(r.retried()).isEqualTo(1);
        assertThat(claim(e, PAY_C)).extracting(FundClaim::status, FundClaim::endToEndId, FundClaim::lastReason)
                .containsExactly(FundClaim.Status.ORDERED, PAY_C + "-r2", "RETURNED AC04");
    }

    @Test
    void apply_payoutRefusedAtEveryAttempt_escalatedAfterTheLast_andLaterNewsIsUnmatched() {
        BridgeEngine e = closedNovember(PAYEE_A);

        bank(e, new BankOutcome.Rejected(PAY_B, "AC04"));
        bank(e, new BankOutcome.Rejected(PAY_B + "-r2", "AC04"));
        FundReconciliation last = bank(e, new BankOutcome.Rejected(PAY_B + "-r3", "AC06"));
        FundReconciliation after = bank(e, booked(PAY_B + "-r3", 357_000));

        assertThat(last.escalated()).isEqualTo(1);
        assertThat(last.ordersMade()).isEmpty();
        assertThat(claim(e, PAY_B)).extracting(FundClaim::status, FundClaim::attempt, FundClaim::lastReason)
                .containsExactly(FundClaim.Status.ESCALATED, InterEnterpriseBook.MAX_ATTEMPTS,
                        "RJCT AC06 after 3 attempts");
        assertThat(book(e).statement(NOVEMBER).orElseThrow().escalated()).extracting(FundClaim::reference)
                .containsExactly(PAY_B);
        assertThat(book(e).orders()).extracting(FundPayoutOrder::messageId)
                .containsExactly("IEF-2026-11-0001", "IEF-2026-11-0002", "IEF-2026-11-0003");
        assertThat(after.unmatched()).extracting(FundReconciliation.Unmatched::reasonCode).containsExactly("ESCALATED");
    }

    @Test
    void apply_everyEndToEndId_isInExactlyOneOrder() {
        BridgeEngine e = closedNovember(PAYEE_A);
        bank(e, new BankOutcome.Rejected(PAY_B, "AC04"), new BankOutcome.Rejected(PAY_C, "AC04"),
                new BankOutcome.Rejected(DUE_A, "MD01"));
        bank(e, new BankOutcome.Rejected(PAY_B + "-r2", "AC04"));

        List<String> ids = new ArrayList<>();
        book(e).orders().forEach(o -> o.items().forEach(i -> ids.add(i.endToEndId())));
        book(e).collectionOrders().forEach(o -> o.items().forEach(i -> ids.add(i.endToEndId())));

        assertThat(ids).doesNotHaveDuplicates().containsExactlyInAnyOrder(PAY_B, PAY_C, DUE_A, PAY_B + "-r2",
                PAY_C + "-r2", DUE_A + "-r2", PAY_B + "-r3");
    }

    @Test
    void apply_dueCollected_collectedOnce_andNeverFundsAProvidersBatch() {
        BridgeEngine e = closedNovember(PAYEE_A);
        long day = CLOSING_TIME + 3_600;
        apply(e, new BridgeInput.LinesRead(List.of(BridgeEngineTest.line(nextBlock + 1, 0, day, SHOP,
                BridgeEngineTest.HEALTH, 4_000)), nextBlock + 2, 0, nextBlock + 1, day + 86_400));
        String batch = e.view().batches().getFirst().id();
        assertThat(e.stateOf(batch)).isEqualTo(BatchState.WAITING_FUNDING);

        Applied applied = apply(e, new BridgeInput.FundBankOutcomes("CAMT-1", "camt.054",
                List.of(booked(DUE_A, 786_000))));
        FundReconciliation postedAgain = bank(e, booked(DUE_A, 786_000)); // same entry, another message id

        assertThat(applied).isInstanceOf(Applied.FundReconciled.class);
        assertThat(((Applied.FundReconciled) applied).reconciliation().creditedCents()).isEqualTo(786_000);
        assertThat(e.stateOf(batch)).isEqualTo(BatchState.WAITING_FUNDING); // the fund's money pays firms
        assertThat(postedAgain.collected()).isZero();
        assertThat(postedAgain.unmatched()).extracting(FundReconciliation.Unmatched::reasonCode)
                .containsExactly("ALREADY_SETTLED");
        assertThat(e.funding().balancesCents()).doesNotContainKey(FUND_ACCOUNT);
        assertThat(claim(e, DUE_A).status()).isEqualTo(FundClaim.Status.COLLECTED);
    }

    @Test
    void apply_dueCollectedAndReturnedInOneMessage_notCredited_retriedThenCollected() {
        BridgeEngine e = closedNovember(PAYEE_A);

        FundReconciliation returned = bank(e, booked(DUE_A, 786_000), new BankOutcome.Returned(DUE_A, 786_000,
                "AM04"));

        assertThat(returned.collected()).isZero();
        assertThat(returned.ordersMade()).containsExactly("IEC-2026-11-0002");
        assertThat(claim(e, DUE_A).status()).isEqualTo(FundClaim.Status.ORDERED);
        assertThat(book(e).collectionOrder("IEC-2026-11-0002").orElseThrow().items())
                .extracting(FundCollectionOrder.Item::endToEndId).containsExactly(DUE_A + "-r2");

        FundReconciliation collected = bank(e, booked(DUE_A + "-r2", 786_000));

        assertThat(collected.creditedCents()).isEqualTo(786_000);
        assertThat(claim(e, DUE_A).status()).isEqualTo(FundClaim.Status.COLLECTED);
    }

    @Test
    void apply_dueReturnedAfterItWasCollected_owedAgainAndCollectedAgain() {
        BridgeEngine e = closedNovember(PAYEE_A);
        bank(e, booked(DUE_A, 786_000));

        FundReconciliation r = bank(e, new BankOutcome.Returned(DUE_A, 786_000, "MD06"));

        assertThat(r.retried()).isEqualTo(1);
        assertThat(r.ordersMade()).containsExactly("IEC-2026-11-0002");
        assertThat(claim(e, DUE_A)).extracting(FundClaim::status, FundClaim::lastReason)
                .containsExactly(FundClaim.Status.ORDERED, "RETURNED MD06");
        assertThat(book(e).escalated()).isEmpty();
    }

    @Test
    void apply_fundBankOutcomesWithoutFund_refusedNotConfigured() {
        BridgeEngine e = BridgeEngineTest.engine(0, Map.of());

        Applied applied = e.apply(new BridgeInput.FundBankOutcomes("X", "camt.054", List.of(booked(PAY_B, 1))));

        assertThat(applied).isInstanceOf(Applied.Refused.class);
        assertThat(((Applied.Refused) applied).code()).isEqualTo(InterEnterpriseBook.NOT_CONFIGURED);
    }

    @Test
    void replay_journalThroughTheCodec_givesTheSameClaimsOrdersAndBalances() {
        BridgeEngine e = closedNovember(PAYEE_A);
        bank(e, new BankOutcome.Rejected(PAY_B, "AC04"), booked(DUE_A, 786_000));
        bank(e, booked(PAY_C, 428_500), new BankOutcome.Returned(PAY_C, 428_500, "AC04"));

        BridgeEngine replayed = engine();
        journal.forEach(in -> replayed.apply(JournalCodec.decode(JournalCodec.encode(in))));

        assertThat(book(replayed).claimsOf(NOVEMBER)).isEqualTo(book(e).claimsOf(NOVEMBER));
        assertThat(book(replayed).orders()).isEqualTo(book(e).orders());
        assertThat(book(replayed).collectionOrders()).isEqualTo(book(e).collectionOrders());
        assertThat(replayed.funding().balancesCents()).isEqualTo(e.funding().balancesCents());
    }
}
