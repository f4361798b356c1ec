package org.targetedmoney.bridge.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.targetedmoney.bridge.engine.BridgeEngineTest.FOOD;
import static org.targetedmoney.bridge.engine.BridgeEngineTest.MONDAY;
import static org.targetedmoney.bridge.engine.BridgeEngineTest.SHOP;
import static org.targetedmoney.bridge.engine.BridgeEngineTest.TUESDAY;
import static org.targetedmoney.bridge.engine.BridgeEngineTest.bothPayees;
import static org.targetedmoney.bridge.engine.BridgeEngineTest.credit;
import static org.targetedmoney.bridge.engine.BridgeEngineTest.line;
import static org.targetedmoney.bridge.engine.BridgeEngineTest.plan;
import static org.targetedmoney.bridge.engine.BridgeEngineTest.read;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.targetedmoney.bridge.funding.SourceKind;
import org.targetedmoney.bridge.journal.JournalCodec;
import org.targetedmoney.bridge.receipt.BankReceipt;
import org.targetedmoney.bridge.receipt.CreditConfirmation;
import org.targetedmoney.bridge.settlement.BatchBuilder;
import org.targetedmoney.bridge.settlement.BatchState;
import org.targetedmoney.bridge.settlement.FundingBook;
import org.targetedmoney.bridge.settlement.SettlementMode;
import org.targetedmoney.bridge.settlement.SettlementWindow;

/** Money received: in "bank" mode a declared credit funds only once the bank shows it; in "declared" mode at once. */
class BridgeEngineReceiptsTest {
    static final String COLLECTION = "FR7630006000011234567890189";

    static BridgeEngine engine(CreditConfirmation confirmation) {
        return new BridgeEngine(SettlementWindow.DAILY, new BatchBuilder(SettlementMode.NET),
                new FundingBook(plan(0)), bothPayees(), Optional.empty(), confirmation);
    }

    static BridgeInput.ReceiptsBooked booked(String messageId, BankReceipt... receipts) {
        return new BridgeInput.ReceiptsBooked(messageId, List.of(receipts));
    }

    static BankReceipt receipt(String id, long cents, String endToEndId) {
        return new BankReceipt(id, COLLECTION, cents, "EUR", LocalDate.of(2026, 11, 3), endToEndId, null);
    }

    /** A food batch of 4 000 cents waiting for funding (no creation allowed). */
    static BridgeEngine withWaitingBatch(CreditConfirmation confirmation) {
        BridgeEngine e = engine(confirmation);
        e.apply(read(11, MONDAY, line(10, 0, MONDAY, SHOP, FOOD, 4_000)));
        e.apply(read(21, TUESDAY));
        assertThat(e.view().batchesIn(BatchState.WAITING_FUNDING)).hasSize(1);
        return e;
    }

    @Test
    void bankMode_declaredCredit_waitsForTheBankThenFundsTheBatch() {
        BridgeEngine e = withWaitingBatch(CreditConfirmation.BANK);

        assertThat(e.apply(credit("ssa-members", SourceKind.CONTRIBUTIONS, 4_000, "c-1")))
                .isEqualTo(new Applied.Progress(0, 0, 0));
        assertThat(e.funding().balancesCents()).containsEntry("ssa-members", 0L);
        assertThat(e.receipts().totals().expectedCents()).isEqualTo(4_000);

        Applied applied = e.apply(booked("CAMT-1", receipt("r-1", 4_000, "c-1")));

        assertThat(applied).isEqualTo(new Applied.Received(1, 0, 0, 1));
        assertThat(e.view().batchesIn(BatchState.FUNDED)).hasSize(1);
        assertThat(e.receipts().totals().confirmedCents()).isEqualTo(4_000);
    }

    @Test
    void bankMode_moneyBeforeItsDeclaration_fundsWhenTheDeclarationComes() {
        BridgeEngine e = withWaitingBatch(CreditConfirmation.BANK);
        assertThat(e.apply(booked("CAMT-1", receipt("r-1", 4_000, "c-1"))))
                .isEqualTo(new Applied.Received(0, 1, 0, 0));
        assertThat(e.receipts().totals().unmatchedCents()).isEqualTo(4_000);

        assertThat(e.apply(credit("ssa-members", SourceKind.CONTRIBUTIONS, 4_000, "c-1")))
                .isEqualTo(new Applied.Progress(0, 0, 1));

        assertThat(e.view().batchesIn(BatchState.FUNDED)).hasSize(1);
        assertThat(e.receipts().totals().unmatchedCount()).isZero();
    }

    @Test
    void bankMode_sameEntryInTheDaysStatement_fundsOnce() {
        BridgeEngine e = engine(CreditConfirmation.BANK);
        e.apply(credit("ssa-members", SourceKind.CONTRIBUTIONS, 4_000, "c-1"));
        e.apply(booked("CAMT054-1", receipt("r-1", 4_000, "c-1")));

        assertThat(e.apply(booked("CAMT053-1", receipt("r-1", 4_000, "c-1"))))
                .isEqualTo(new Applied.Received(0, 0, 1, 0));
        assertThat(e.funding().balancesCents()).containsEntry("ssa-members", 4_000L);
    }

    @Test
    void bankMode_otherAmount_fundsNothing() {
        BridgeEngine e = withWaitingBatch(CreditConfirmation.BANK);
        e.apply(credit("ssa-members", SourceKind.CONTRIBUTIONS, 4_000, "c-1"));

        e.apply(booked("CAMT-1", receipt("r-1", 400, "c-1")));

        assertThat(e.funding().balancesCents()).containsEntry("ssa-members", 0L);
        assertThat(e.view().batchesIn(BatchState.WAITING_FUNDING)).hasSize(1);
    }

    @Test
    void bankMode_badAccountOrReferenceUsedOnAnotherAccount_refusedWhenDeclared() {
        BridgeEngine e = engine(CreditConfirmation.BANK);
        e.apply(credit("ssa-members", SourceKind.CONTRIBUTIONS, 4_000, "c-1"));

        assertThat(e.apply(credit("nowhere", SourceKind.CONTRIBUTIONS, 10, "c-2")))
                .isInstanceOfSatisfying(Applied.Refused.class, r ->
                        assertThat(r.code()).isEqualTo(FundingBook.UNKNOWN_FUNDING_ACCOUNT));
        assertThat(e.apply(credit("state", SourceKind.PUBLIC_ACCOUNT, 10, "c-1")))
                .isInstanceOfSatisfying(Applied.Refused.class, r ->
                        assertThat(r.code()).isEqualTo("DUPLICATE_REFERENCE"));
        assertThat(e.apply(credit("ssa-members", SourceKind.CONTRIBUTIONS, 4_000, "c-1")))
                .isInstanceOfSatisfying(Applied.Refused.class, r ->
                        assertThat(r.code()).isEqualTo("DUPLICATE_REFERENCE"));
        assertThat(e.receipts().totals().expectedCount()).isEqualTo(1);
    }

    @Test
    void declaredMode_creditFundsAtOnce_andTheBankOnlyConfirmsIt() {
        BridgeEngine e = withWaitingBatch(CreditConfirmation.DECLARED);

        assertThat(e.apply(credit("ssa-members", SourceKind.CONTRIBUTIONS, 4_000, "c-1")))
                .isEqualTo(new Applied.Progress(0, 0, 1));
        assertThat(e.receipts().totals().expectedCents()).isEqualTo(4_000); // not yet seen on the bank account

        assertThat(e.apply(booked("CAMT-1", receipt("r-1", 4_000, "c-1"))))
                .isEqualTo(new Applied.Received(1, 0, 0, 0));
        assertThat(e.receipts().totals().confirmedCents()).isEqualTo(4_000);
        assertThat(e.funding().creditedCents()).isEqualTo(4_000); // counted once, when declared
    }

    @Test
    void journalReplay_anyOrderOfTheSameInputs_sameFundingAndReceipts() {
        List<BridgeInput> inputs = List.of(read(11, MONDAY, line(10, 0, MONDAY, SHOP, FOOD, 4_000)),
                read(21, TUESDAY), credit("ssa-members", SourceKind.CONTRIBUTIONS, 2_500, "c-1"),
                booked("CAMT-1", receipt("r-1", 1_500, "c-2"), receipt("r-2", 2_500, "c-1")),
                credit("ssa-members", SourceKind.CONTRIBUTIONS, 1_500, "c-2"));
        BridgeEngine first = engine(CreditConfirmation.BANK);
        BridgeEngine replayed = engine(CreditConfirmation.BANK);

        inputs.forEach(first::apply);
        inputs.forEach(in -> replayed.apply(JournalCodec.decode(JournalCodec.encode(in))));

        assertThat(first.view().batchesIn(BatchState.FUNDED)).hasSize(1);
        assertThat(replayed.view()).isEqualTo(first.view());
        assertThat(replayed.receipts().report(TUESDAY, 10)).isEqualTo(first.receipts().report(TUESDAY, 10));
    }
}
