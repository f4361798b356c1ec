package org.targetedmoney.bridge.settlement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.targetedmoney.bridge.settlement.Fixtures.FOOD;
import static org.targetedmoney.bridge.settlement.Fixtures.HEALTH;
import static org.targetedmoney.bridge.settlement.Fixtures.contribution;
import static org.targetedmoney.bridge.settlement.Fixtures.line;
import static org.targetedmoney.bridge.settlement.Fixtures.plan;
import static org.targetedmoney.bridge.settlement.Fixtures.utc;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.targetedmoney.bridge.settlement.OutcomeResult.Classification;

class ReconciliationTest {
    private static final WindowId NOVEMBER = WindowId.parse("2026-11");
    private static final long T = utc(2026, 11, 15, 9, 0, 0);

    private final FundingBook book = new FundingBook(plan(0));
    private final Reconciliation reconciliation = new Reconciliation();

    /** A funded NET batch of 1 000 cents (food 600, health 400), attempt 1 instructed. */
    private InstructedTransfer instructedNet() {
        book.credit(contribution("ssa", 1_000));
        Batch batch = new BatchBuilder(SettlementMode.NET).build(NOVEMBER,
                List.of(line(10, 0, T, 1, FOOD, 600), line(11, 0, T, 1, HEALTH, 400)), NOVEMBER.endSeconds()).get(0);
        FundingOutcome.Funded funded = (FundingOutcome.Funded) book.fund(batch);
        InstructedTransfer t = batch.instruct(0, 1, funded.allocationsFor(0));
        reconciliation.instruct(t);
        return t;
    }

    private ReconciliationRun run(BankOutcome... outcomes) {
        return reconciliation.reconcile(List.of(outcomes), book);
    }

    @Test
    void reconcile_bookedForTheInstructedAmount_matchesAndSettlesTheBatch() {
        InstructedTransfer t = instructedNet();

        ReconciliationRun run = run(new BankOutcome.Booked(t.endToEndId(), 1_000, "BK-1"));

        assertThat(run.results()).containsExactly(new OutcomeResult.Matched(
                new BankOutcome.Booked(t.endToEndId(), 1_000, "BK-1"), t));
        assertThat(reconciliation.batchState(t.batchId())).contains(BatchState.SETTLED);
        assertThat(reconciliation.bookedAllocations(t.batchId())).isEqualTo(t.allocations());
        assertThat(book.outstandingCents()).isEqualTo(1_000);
    }

    @Test
    void reconcile_bookedForAnotherAmount_isUnmatchedAndChangesNothing() {
        InstructedTransfer t = instructedNet();

        ReconciliationRun run = run(new BankOutcome.Booked(t.endToEndId(), 999, "BK-1"));

        OutcomeResult.Unmatched u = (OutcomeResult.Unmatched) run.results().get(0);
        assertThat(u.reasonCode()).isEqualTo(Reconciliation.AMOUNT_MISMATCH);
        assertThat(u.detail()).isEqualTo("booked 9.99 EUR, instructed 10.00 EUR");
        assertThat(reconciliation.batchState(t.batchId())).contains(BatchState.INSTRUCTED);
    }

    @Test
    void reconcile_unknownEndToEndId_isUnmatched() {
        instructedNet();

        ReconciliationRun run = run(new BankOutcome.Booked("SOMEONE-ELSE-1", 500, "BK-9"),
                new BankOutcome.Rejected("SOMEONE-ELSE-2", "AC04"));

        assertThat(run.report().unmatched()).extracting(OutcomeResult.Unmatched::reasonCode)
                .containsExactly(Reconciliation.UNKNOWN_END_TO_END_ID, Reconciliation.UNKNOWN_END_TO_END_ID);
        assertThat(run.report().amountCentsByClassification().get(Classification.UNMATCHED)).isEqualTo(500);
    }

    @Test
    void reconcile_rejectedForARetryableReason_refundsAndRetriesUnderANewId() {
        InstructedTransfer t = instructedNet();

        ReconciliationRun run = run(new BankOutcome.Rejected(t.endToEndId(), "AM04"));

        OutcomeResult.Failed f = (OutcomeResult.Failed) run.results().get(0);
        assertThat(f.classification()).isEqualTo(Classification.REJECTED);
        assertThat(f.followUp()).isEqualTo(new FollowUp.Retry(t.batchId(), 0, 2));
        assertThat(book.balanceCents("ssa")).isEqualTo(1_000);
        assertThat(book.outstandingCents()).isZero();
        assertThat(reconciliation.batchState(t.batchId())).contains(BatchState.RETRYING);
        assertThat(reconciliation.pendingRetries()).containsExactly(new FollowUp.Retry(t.batchId(), 0, 2));
        assertThat(run.report().refundedCents()).isEqualTo(1_000);
    }

    @Test
    void retry_fundedAgainAndInstructed_isAwaitedUnderItsNewEndToEndId() {
        InstructedTransfer first = instructedNet();
        run(new BankOutcome.Rejected(first.endToEndId(), "AM04"));
        Batch batch = new BatchBuilder(SettlementMode.NET).build(NOVEMBER,
                List.of(line(10, 0, T, 1, FOOD, 600), line(11, 0, T, 1, HEALTH, 400)), NOVEMBER.endSeconds()).get(0);

        FundingOutcome.Funded refunded = (FundingOutcome.Funded) book.fundTransfer(batch, 0);
        InstructedTransfer second = batch.instruct(0, 2, refunded.allocationsFor(0));
        reconciliation.instruct(second);

        assertThat(second.endToEndId()).isEqualTo(batch.id() + "-2").isNotEqualTo(first.endToEndId());
        assertThat(reconciliation.pendingRetries()).isEmpty();
        assertThat(reconciliation.batchState(batch.id())).contains(BatchState.INSTRUCTED);
        run(new BankOutcome.Booked(second.endToEndId(), 1_000, "BK-2"));
        assertThat(reconciliation.batchState(batch.id())).contains(BatchState.SETTLED);
    }

    @Test
    void reconcile_rejectedForANonRetryableReason_escalatesAtOnce() {
        InstructedTransfer t = instructedNet();

        ReconciliationRun run = run(new BankOutcome.Rejected(t.endToEndId(), "AC04"));

        assertThat(run.report().escalations()).containsExactly(new FollowUp.Escalation(t.batchId(), 0,
                t.endToEndId(), "AC04", Reconciliation.NON_RETRYABLE_REASON));
        assertThat(reconciliation.batchState(t.batchId())).contains(BatchState.ESCALATED);
        assertThat(book.balanceCents("ssa")).isEqualTo(1_000);
    }

    @Test
    void reconcile_lastAttemptRejected_escalates() {
        InstructedTransfer t = instructedNet();
        Batch batch = new BatchBuilder(SettlementMode.NET).build(NOVEMBER,
                List.of(line(10, 0, T, 1, FOOD, 600), line(11, 0, T, 1, HEALTH, 400)), NOVEMBER.endSeconds()).get(0);
        String lastId = t.endToEndId();
        for (int attempt = 2; attempt <= Reconciliation.MAX_ATTEMPTS; attempt++) {
            run(new BankOutcome.Rejected(lastId, "MS03"));
            InstructedTransfer next = batch.instruct(0, attempt,
                    ((FundingOutcome.Funded) book.fundTransfer(batch, 0)).allocationsFor(0));
            reconciliation.instruct(next);
            lastId = next.endToEndId();
        }

        ReconciliationRun run = run(new BankOutcome.Rejected(lastId, "MS03"));

        assertThat(((OutcomeResult.Failed) run.results().get(0)).followUp()).isEqualTo(new FollowUp.Escalation(
                batch.id(), 0, batch.id() + "-3", "MS03", Reconciliation.MAX_ATTEMPTS_REACHED));
        assertThat(book.outstandingCents()).isZero();
    }

    @Test
    void reconcile_returnedAfterBooking_refundsAndRetries() {
        InstructedTransfer t = instructedNet();
        run(new BankOutcome.Booked(t.endToEndId(), 1_000, "BK-1"));

        ReconciliationRun run = run(new BankOutcome.Returned(t.endToEndId(), 1_000, "MS02"));

        assertThat(run.results().get(0).classification()).isEqualTo(Classification.RETURNED);
        assertThat(reconciliation.batchState(t.batchId())).contains(BatchState.RETRYING);
        assertThat(book.balanceCents("ssa")).isEqualTo(1_000);
    }

    @Test
    void reconcile_partialReturn_isUnmatchedAndRefundsNothing() {
        InstructedTransfer t = instructedNet();

        ReconciliationRun run = run(new BankOutcome.Returned(t.endToEndId(), 900, "MS02"));

        assertThat(((OutcomeResult.Unmatched) run.results().get(0)).reasonCode()).isEqualTo(Reconciliation.AMOUNT_MISMATCH);
        assertThat(book.outstandingCents()).isEqualTo(1_000);
    }

    @Test
    void reconcile_sameNewsTwice_isADuplicateThatChangesNothing() {
        InstructedTransfer t = instructedNet();
        BankOutcome.Booked booked = new BankOutcome.Booked(t.endToEndId(), 1_000, "BK-1");
        BankOutcome.Returned returned = new BankOutcome.Returned(t.endToEndId(), 1_000, "AC04");

        ReconciliationRun run = run(booked, booked, returned, returned, booked);

        assertThat(run.results()).extracting(OutcomeResult::classification).containsExactly(Classification.MATCHED,
                Classification.DUPLICATE, Classification.RETURNED, Classification.DUPLICATE, Classification.DUPLICATE);
        assertThat(run.report().refundedCents()).isEqualTo(1_000);
        assertThat(book.balanceCents("ssa")).isEqualTo(1_000);
    }

    @Test
    void reconcile_rejectedTwice_isADuplicate() {
        InstructedTransfer t = instructedNet();

        ReconciliationRun run = run(new BankOutcome.Rejected(t.endToEndId(), "AM04"),
                new BankOutcome.Rejected(t.endToEndId(), "AM04"));

        assertThat(run.report().countByClassification()).containsExactly(Map.entry(Classification.MATCHED, 0L),
                Map.entry(Classification.UNMATCHED, 0L), Map.entry(Classification.REJECTED, 1L),
                Map.entry(Classification.RETURNED, 0L), Map.entry(Classification.DUPLICATE, 1L));
        assertThat(run.report().refundedCents()).isEqualTo(1_000);
    }

    @Test
    void reconcile_secondBookingUnderAnotherReference_isUnmatchedForAPerson() {
        InstructedTransfer t = instructedNet();

        ReconciliationRun run = run(new BankOutcome.Booked(t.endToEndId(), 1_000, "BK-1"),
                new BankOutcome.Booked(t.endToEndId(), 1_000, "BK-2"));

        assertThat(run.report().unmatched()).extracting(OutcomeResult.Unmatched::reasonCode)
                .containsExactly(Reconciliation.SECOND_BOOKING);
    }

    @Test
    void reconcile_bookedAfterRejection_conflictsAndChangesNothing() {
        InstructedTransfer t = instructedNet();

        ReconciliationRun run = run(new BankOutcome.Rejected(t.endToEndId(), "AM04"),
                new BankOutcome.Booked(t.endToEndId(), 1_000, "BK-1"));

        OutcomeResult.Unmatched u = (OutcomeResult.Unmatched) run.results().get(1);
        assertThat(u.reasonCode()).isEqualTo(Reconciliation.CONFLICTS_WITH_STATE);
        assertThat(u.detail()).isEqualTo("booked but the attempt is already rejected");
        assertThat(reconciliation.status(t.endToEndId()).orElseThrow().state()).isEqualTo(AttemptStatus.State.REJECTED);
    }

    @Test
    void reconcile_grossBatch_refundsOnlyTheRejectedLineAndIsPartlySettled() {
        book.credit(contribution("ssa", 1_000));
        Batch batch = new BatchBuilder(SettlementMode.GROSS).build(NOVEMBER, List.of(line(10, 0, T, 1, FOOD, 600),
                line(11, 0, T, 1, HEALTH, 300), line(12, 0, T, 1, FOOD, 100)), NOVEMBER.endSeconds()).get(0);
        FundingOutcome.Funded funded = (FundingOutcome.Funded) book.fund(batch);
        for (int i = 0; i < 3; i++) {
            reconciliation.instruct(batch.instruct(i, 1, funded.allocationsFor(i)));
        }

        run(new BankOutcome.Booked(batch.endToEndId(0, 1), 600, "BK-0"));
        assertThat(reconciliation.batchState(batch.id())).contains(BatchState.PARTLY_SETTLED);

        run(new BankOutcome.Rejected(batch.endToEndId(1, 1), "AM04"));
        assertThat(reconciliation.batchState(batch.id())).contains(BatchState.RETRYING);
        assertThat(book.balanceCents("ssa")).isEqualTo(300);
        assertThat(book.outstandingCents()).isEqualTo(700);
    }

    @Test
    void instruct_sameEndToEndIdTwiceOrAnAttemptNotAskedFor_isRefused() {
        InstructedTransfer t = instructedNet();
        InstructedTransfer second = new InstructedTransfer(t.batchId() + "-2", t.batchId(), 0, 2, t.amountCents(),
                t.allocations());

        assertThatThrownBy(() -> reconciliation.instruct(t)).hasMessageContaining("already instructed");
        assertThatThrownBy(() -> reconciliation.instruct(second)).hasMessageContaining("no retry or reissue decided");
    }

    @Test
    void report_render_showsCountsEurosAndWhatNeedsAPerson() {
        InstructedTransfer t = instructedNet();

        String text = run(new BankOutcome.Rejected(t.endToEndId(), "AC04"),
                new BankOutcome.Booked("UNKNOWN-1", 1_234_56, "BK-7")).report().render();

        assertThat(text).startsWith("Reconciliation: 2 bank outcomes\n")
                .contains("  rejected          1             10.00 EUR\n")
                .contains("  unmatched         1           1234.56 EUR\n")
                .contains("refunded to funding sources: 10.00 EUR")
                .contains("  UNKNOWN-1  UNKNOWN_END_TO_END_ID  no transfer was instructed with this end-to-end id\n")
                .contains("  " + t.endToEndId() + "  bank reason AC04  NON_RETRYABLE_REASON\n");
    }

    @Test
    void reissue_escalatedTransfer_startsANewCycleOfAttemptsThenEscalatesAtItsEnd() {
        InstructedTransfer t = instructedNet();
        run(new BankOutcome.Rejected(t.endToEndId(), "AC04"));
        assertThat(reconciliation.refusalOf(t.batchId(), 0, true)).isEmpty();

        reconciliation.reissue(t.batchId(), 0);

        assertThat(reconciliation.pendingRetries()).containsExactly(
                new FollowUp.Retry(t.batchId(), 0, Reconciliation.MAX_ATTEMPTS + 1));
        assertThat(reconciliation.batchState(t.batchId())).contains(BatchState.RETRYING);
        InstructedTransfer attempt = t;
        for (int n = Reconciliation.MAX_ATTEMPTS + 1; n <= 2 * Reconciliation.MAX_ATTEMPTS; n++) {
            assertThat(book.retake(attempt.allocations())).isTrue();
            attempt = new InstructedTransfer(t.batchId() + "-" + n, t.batchId(), 0, n, t.amountCents(),
                    t.allocations());
            reconciliation.instruct(attempt);
            run(new BankOutcome.Rejected(attempt.endToEndId(), "AM04")); // retryable, within the cycle
        }
        assertThat(reconciliation.batchState(t.batchId())).contains(BatchState.ESCALATED);
        assertThat(reconciliation.latest(t.batchId(), 0).orElseThrow().transfer().attempt())
                .isEqualTo(2 * Reconciliation.MAX_ATTEMPTS);
        assertThat(book.outstandingCents()).isZero();
    }

    @Test
    void abandon_escalatedTransfer_closesTheBatchUnpaidAndRefusesAnyFurtherAction() {
        InstructedTransfer t = instructedNet();
        run(new BankOutcome.Returned(t.endToEndId(), 1_000, "MD07"));

        reconciliation.abandon(t.batchId(), 0);

        assertThat(reconciliation.batchState(t.batchId())).contains(BatchState.ABANDONED);
        assertThat(reconciliation.pendingRetries()).isEmpty();
        assertThat(reconciliation.bookedAllocations(t.batchId())).isEmpty();
        assertThat(reconciliation.refusalOf(t.batchId(), 0, true)).contains(Reconciliation.NOT_ESCALATED);
        assertThatThrownBy(() -> reconciliation.abandon(t.batchId(), 0)).hasMessageContaining("NOT_ESCALATED");
    }
}
