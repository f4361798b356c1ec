package org.targetedmoney.bridge.receipt;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;
import org.targetedmoney.bridge.funding.FundingCredit;
import org.targetedmoney.bridge.funding.SourceKind;

/** Declared credits and bank receipts meet, whichever comes first; what does not match stays visible, with why. */
class ReceiptBookTest {
    static final String IBAN = "FR7630006000011234567890189";
    static final long DAY = 86_400;
    static final long T0 = 1_794_045_600L;

    static FundingCredit credit(String reference, long cents) {
        return new FundingCredit("ssa-members", SourceKind.CONTRIBUTIONS, YearMonth.of(2026, 11), cents, reference);
    }

    static BankReceipt receipt(String id, long cents, String endToEndId, String remittance) {
        return new BankReceipt(id, IBAN, cents, "EUR", LocalDate.of(2026, 11, 2), endToEndId, remittance);
    }

    @Test
    void receive_afterDeclarationWithItsEndToEndId_confirmsTheCredit() {
        ReceiptBook book = new ReceiptBook();
        assertThat(book.expect(credit("c-1", 4_000), T0)).isEmpty();

        ReceiptBook.Received r = book.receive(receipt("r-1", 4_000, "c-1", null), T0 + DAY);

        assertThat(r.confirmed()).singleElement().satisfies(m -> {
            assertThat(m.credit().reference()).isEqualTo("c-1");
            assertThat(m.receipt().receipt().id()).isEqualTo("r-1");
        });
        assertThat(book.totals()).isEqualTo(new ReceiptBook.Totals(0, 0, 1, 4_000, 0, 0));
    }

    @Test
    void expect_afterTheMoneyNamedInTheRemittance_confirmsAtOnce() {
        ReceiptBook book = new ReceiptBook();
        book.receive(receipt("r-1", 4_000, "NOTPROVIDED", "SSA contribution c-1, November"), T0);
        assertThat(book.report(T0, 10).unmatched()).singleElement()
                .satisfies(u -> assertThat(u.code()).isEqualTo(ReceiptReport.NOT_DECLARED));

        assertThat(book.expect(credit("c-1", 4_000), T0 + DAY)).hasValueSatisfying(m ->
                assertThat(m.receipt().receipt().id()).isEqualTo("r-1"));
        assertThat(book.totals()).isEqualTo(new ReceiptBook.Totals(0, 0, 1, 4_000, 0, 0));
    }

    @Test
    void receive_otherAmount_matchesNothingAndBothShowAmountMismatch() {
        ReceiptBook book = new ReceiptBook();
        book.expect(credit("c-1", 4_000), T0);

        ReceiptBook.Received r = book.receive(receipt("r-1", 3_999, "c-1", null), T0);

        assertThat(r.confirmed()).isEmpty();
        ReceiptReport report = book.report(T0, 10);
        assertThat(report.expected()).singleElement()
                .satisfies(e -> assertThat(e.code()).isEqualTo(ReceiptReport.AMOUNT_MISMATCH));
        assertThat(report.unmatched()).singleElement()
                .satisfies(u -> assertThat(u.code()).isEqualTo(ReceiptReport.AMOUNT_MISMATCH));
        assertThat(book.totals()).isEqualTo(new ReceiptBook.Totals(1, 4_000, 0, 0, 1, 3_999));
    }

    @Test
    void receive_otherCurrency_doesNotConfirm() {
        ReceiptBook book = new ReceiptBook();
        book.expect(credit("c-1", 4_000), T0);

        ReceiptBook.Received r = book.receive(new BankReceipt("r-1", IBAN, 4_000, "CHF", LocalDate.of(2026, 11, 2),
                "c-1", null), T0);

        assertThat(r.confirmed()).isEmpty();
        assertThat(book.report(T0, 10).unmatched()).singleElement()
                .satisfies(u -> assertThat(u.code()).isEqualTo(ReceiptReport.AMOUNT_MISMATCH));
    }

    @Test
    void receive_referenceOnlyInsideALongerWord_doesNotMatch() {
        ReceiptBook book = new ReceiptBook();
        book.expect(credit("c-1", 4_000), T0);

        assertThat(book.receive(receipt("r-1", 4_000, null, "contribution c-10 and xc-1"), T0).confirmed()).isEmpty();
        assertThat(book.receive(receipt("r-2", 4_000, null, "contribution c-1."), T0).confirmed()).hasSize(1);
    }

    @Test
    void receive_sameEntryTwice_isTakenOnce() {
        ReceiptBook book = new ReceiptBook();

        assertThat(book.receive(receipt("r-1", 4_000, "c-9", null), T0).duplicate()).isFalse();
        assertThat(book.receive(receipt("r-1", 4_000, "c-9", null), T0).duplicate()).isTrue();

        assertThat(book.totals().unmatchedCount()).isEqualTo(1);
        assertThat(book.totals().unmatchedCents()).isEqualTo(4_000);
    }

    @Test
    void receive_secondPaymentOfAConfirmedCredit_staysUnmatchedAsAlreadyConfirmed() {
        ReceiptBook book = new ReceiptBook();
        book.expect(credit("c-1", 4_000), T0);
        book.receive(receipt("r-1", 4_000, "c-1", null), T0);

        ReceiptBook.Received again = book.receive(receipt("r-2", 4_000, "c-1", null), T0);

        assertThat(again.confirmed()).isEmpty();
        assertThat(book.report(T0, 10).unmatched()).singleElement().satisfies(u -> {
            assertThat(u.receipt().id()).isEqualTo("r-2");
            assertThat(u.code()).isEqualTo(ReceiptReport.ALREADY_CONFIRMED);
        });
        assertThat(book.totals().confirmedCents()).isEqualTo(4_000);
    }

    @Test
    void receive_smallerIdForAConfirmedCredit_takesThePlaceWithoutConfirmingTwice() {
        ReceiptBook book = new ReceiptBook();
        book.expect(credit("c-1", 4_000), T0);
        book.receive(receipt("r-2", 4_000, "c-1", null), T0);

        ReceiptBook.Received earlier = book.receive(receipt("r-1", 4_000, "c-1", null), T0);

        assertThat(earlier.confirmed()).isEmpty(); // the credit was confirmed already: no second funding
        assertThat(book.matched().get("c-1").receipt().receipt().id()).isEqualTo("r-1");
        assertThat(book.unmatched()).containsOnlyKeys("r-2");
        assertThat(book.totals()).isEqualTo(new ReceiptBook.Totals(0, 0, 1, 4_000, 1, 4_000));
    }

    @Test
    void receive_endToEndIdBeforeRemittance_whenBothNameADeclaredCredit() {
        ReceiptBook book = new ReceiptBook();
        book.expect(credit("c-1", 4_000), T0);
        book.expect(credit("c-2", 4_000), T0);

        ReceiptBook.Received r = book.receive(receipt("r-1", 4_000, "c-2", "c-1"), T0);

        assertThat(r.confirmed()).singleElement().satisfies(m -> assertThat(m.credit().reference()).isEqualTo("c-2"));
    }

    @Test
    void report_ages_areWholeLedgerDaysSinceEachArrival() {
        ReceiptBook book = new ReceiptBook();
        book.expect(credit("c-1", 4_000), T0);
        book.expect(credit("c-2", 1_000), T0 + DAY);
        book.receive(receipt("r-1", 1_000, "c-2", null), T0 + 2 * DAY);
        book.receive(receipt("r-9", 500, "x", null), T0 + 2 * DAY + 10);

        ReceiptReport report = book.report(T0 + 3 * DAY + 5, 10);

        assertThat(report.expected()).singleElement().satisfies(e -> {
            assertThat(e.credit().reference()).isEqualTo("c-1");
            assertThat(e.code()).isEqualTo(ReceiptReport.NOT_SEEN);
            assertThat(e.ageDays()).isEqualTo(3);
        });
        assertThat(report.matched()).singleElement().satisfies(m -> assertThat(m.ageDays()).isEqualTo(1));
        assertThat(report.unmatched()).singleElement().satisfies(u -> assertThat(u.ageDays()).isZero());
    }

    @Test
    void report_limit_capsEachList() {
        ReceiptBook book = new ReceiptBook();
        for (int i = 0; i < 5; i++) {
            book.expect(credit("c-" + i, 100), T0);
            book.receive(receipt("r-" + i, 100 + i, "u-" + i, null), T0);
        }

        ReceiptReport report = book.report(T0, 2);

        assertThat(report.expected()).extracting(e -> e.credit().reference()).containsExactly("c-0", "c-1");
        assertThat(report.unmatched()).hasSize(2);
        assertThat(report.totals().expectedCount()).isEqualTo(5);
    }

    @Test
    void mentions_endToEndIdFirstThenRemittanceWords_withoutNotProvided() {
        assertThat(receipt("r", 1, "NOTPROVIDED", "SSA c-1; c-2/c-3: thanks.").mentions())
                .containsExactly("SSA", "c-1", "c-2", "c-3", "thanks");
        assertThat(receipt("r", 1, "e2e-7", "e2e-7 x").mentions()).containsExactly("e2e-7", "x");
    }
}
