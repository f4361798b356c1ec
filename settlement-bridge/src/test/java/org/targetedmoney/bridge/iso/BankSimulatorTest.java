package org.targetedmoney.bridge.iso;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.targetedmoney.bridge.iso.IsoFixtures.CLINIC;
import static org.targetedmoney.bridge.iso.IsoFixtures.DEBTOR_IBAN;
import static org.targetedmoney.bridge.iso.IsoFixtures.NURSE;
import static org.targetedmoney.bridge.iso.IsoFixtures.PHARMACY;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BankSimulatorTest {
    private static final LocalDate BOOKED = LocalDate.of(2025, 4, 1);

    private static BankSimulator.Instructions instructions(Map<String, String> rejected, Map<String, String> returned) {
        return new BankSimulator.Instructions("BANK-N-0401", "BANK-S-0401", IsoFixtures.CREATED_AT, BOOKED,
                rejected, returned);
    }

    private static BankNotification notification(byte[] camt054) {
        BankParseResult result = BankFileParser.parse(camt054);
        assertThat(result).isInstanceOf(BankParseResult.Notification.class);
        return ((BankParseResult.Notification) result).notification();
    }

    private static StatusReport status(byte[] pain002) {
        BankParseResult result = BankFileParser.parse(pain002);
        assertThat(result).isInstanceOf(BankParseResult.Status.class);
        return ((BankParseResult.Status) result).report();
    }

    @Test
    void answer_allExecuted_bookedDebitsCarryTheFileIdsAndAmounts() {
        byte[] pain001 = IsoFixtures.written(IsoFixtures.file(PHARMACY, NURSE, CLINIC));

        BankSimulator.Answer answer = BankSimulator.answer(pain001, instructions(Map.of(), Map.of()));

        BankNotification notification = notification(answer.camt054());
        assertThat(notification.kind()).isEqualTo(BankNotification.CAMT_054);
        assertThat(notification.namespace()).isEqualTo("urn:iso:std:iso:20022:tech:xsd:camt.054.001.08");
        assertThat(notification.messageId()).isEqualTo("BANK-N-0401");
        assertThat(notification.entries())
                .extracting(BankEntry::endToEndId, BankEntry::amountCents, BankEntry::credit, BankEntry::status)
                .containsExactly(tuple(PHARMACY.endToEndId(), PHARMACY.amountCents(), false, "BOOK"),
                        tuple(NURSE.endToEndId(), NURSE.amountCents(), false, "BOOK"),
                        tuple(CLINIC.endToEndId(), CLINIC.amountCents(), false, "BOOK"));
        assertThat(notification.entries()).allSatisfy(entry -> {
            assertThat(entry.accountIban()).isEqualTo(DEBTOR_IBAN);
            assertThat(entry.bookingDate()).isEqualTo(BOOKED);
            assertThat(entry.isReturn()).isFalse();
        });
        assertThat(notification.entries().get(0).remittance()).isEqualTo(PHARMACY.remittance());

        StatusReport report = status(answer.pain002());
        assertThat(report.originalMessageId()).isEqualTo("BRIDGE-B7-2025-03");
        assertThat(report.groupStatus()).isEqualTo("ACSC");
        assertThat(report.transactions()).extracting(TransactionStatus::status).containsOnly("ACSC");
    }

    @Test
    void answer_rejectedAndReturned_rejectedOnlyInStatusReturnedAsBookedCredit() {
        byte[] pain001 = IsoFixtures.written(IsoFixtures.file(PHARMACY, NURSE, CLINIC));

        BankSimulator.Answer answer = BankSimulator.answer(pain001,
                instructions(Map.of(NURSE.endToEndId(), "AC04"), Map.of(CLINIC.endToEndId(), "AC06")));

        assertThat(notification(answer.camt054()).entries())
                .extracting(BankEntry::endToEndId, BankEntry::amountCents, BankEntry::credit,
                        BankEntry::returnReasonCode)
                .containsExactly(tuple(PHARMACY.endToEndId(), PHARMACY.amountCents(), false, null),
                        tuple(CLINIC.endToEndId(), CLINIC.amountCents(), false, null),
                        tuple(CLINIC.endToEndId(), CLINIC.amountCents(), true, "AC06"));
        StatusReport report = status(answer.pain002());
        assertThat(report.groupStatus()).isEqualTo("PART");
        assertThat(report.transactions())
                .extracting(TransactionStatus::originalEndToEndId, TransactionStatus::status,
                        TransactionStatus::reasonCode)
                .containsExactly(tuple(PHARMACY.endToEndId(), "ACSC", null),
                        tuple(NURSE.endToEndId(), "RJCT", "AC04"),
                        tuple(CLINIC.endToEndId(), "ACSC", null));
    }

    @Test
    void answerDirectDebit_collectedRejectedAndReturned_creditsOnTheCreditorsAccountAndAnRTransaction() {
        DirectDebit third = new DirectDebit("ief-2025-03-3", 5_00, "Tiers", "BE68539007547034", null, "M-3",
                LocalDate.of(2025, 1, 1), null);
        byte[] pain008 = ((Pain008Result.Written) Pain008Writer.write(Pain008WriterTest.file(
                Pain008WriterTest.BAKERY, Pain008WriterTest.GARAGE, third))).xml();

        BankSimulator.Answer answer = BankSimulator.answerDirectDebit(pain008, instructions(
                Map.of(Pain008WriterTest.GARAGE.endToEndId(), "MD01"), Map.of(third.endToEndId(), "AM04")));

        BankNotification n = notification(answer.camt054());
        assertThat(n.entries()).extracting(BankEntry::accountIban, BankEntry::endToEndId, BankEntry::amountCents,
                BankEntry::credit, BankEntry::returnReasonCode).containsExactly(
                tuple(DEBTOR_IBAN, Pain008WriterTest.BAKERY.endToEndId(), 7_860_00L, true, null),
                tuple(DEBTOR_IBAN, third.endToEndId(), 5_00L, true, null),
                tuple(DEBTOR_IBAN, third.endToEndId(), 5_00L, false, "AM04"));
        StatusReport report = status(answer.pain002());
        assertThat(report.originalMessageId()).isEqualTo("IEC-2025-03-0001");
        assertThat(report.groupStatus()).isEqualTo("PART");
        assertThat(report.transactions()).extracting(TransactionStatus::originalEndToEndId, TransactionStatus::status)
                .containsExactly(tuple(Pain008WriterTest.BAKERY.endToEndId(), "ACSC"),
                        tuple(Pain008WriterTest.GARAGE.endToEndId(), "RJCT"), tuple(third.endToEndId(), "ACSC"));
    }

    @Test
    void answer_everyTransferRejected_groupRejectedAndNoNotification() {
        byte[] pain001 = IsoFixtures.written(IsoFixtures.file(NURSE));

        BankSimulator.Answer answer = BankSimulator.answer(pain001, instructions(Map.of(NURSE.endToEndId(), "MS03"),
                Map.of()));

        assertThat(answer.camt054()).isNull();
        StatusReport report = status(answer.pain002());
        assertThat(report.isGroupRejected()).isTrue();
        assertThat(report.transactions()).singleElement().satisfies(t -> assertThat(t.isRejected()).isTrue());
    }

    @Test
    void answer_thousandTransfers_roundTripsEveryIdAndAmount() {
        PaymentFile file = IsoFixtures.largeFile(1_000);
        byte[] pain001 = IsoFixtures.written(file);

        BankNotification notification = notification(BankSimulator.answer(pain001,
                instructions(Map.of(), Map.of())).camt054());

        assertThat(notification.entries()).extracting(BankEntry::endToEndId, BankEntry::amountCents)
                .containsExactlyElementsOf(file.transfers().stream()
                        .map(transfer -> tuple(transfer.endToEndId(), transfer.amountCents())).toList());
    }

    @Test
    void answer_sameInputs_sameBytes() {
        byte[] pain001 = IsoFixtures.written(IsoFixtures.file(PHARMACY, NURSE, CLINIC));
        var first = BankSimulator.answer(pain001, instructions(Map.of(NURSE.endToEndId(), "AC04"),
                Map.of(CLINIC.endToEndId(), "AC06")));
        var second = BankSimulator.answer(pain001, instructions(Map.of(NURSE.endToEndId(), "AC04"),
                Map.of(CLINIC.endToEndId(), "AC06")));

        assertThat(first.camt054()).isEqualTo(second.camt054());
        assertThat(first.pain002()).isEqualTo(second.pain002());
    }

    @Test
    void answer_instructionNamingNoTransferOfTheFile_isABug() {
        byte[] pain001 = IsoFixtures.written(IsoFixtures.file(NURSE));

        assertThatThrownBy(() -> BankSimulator.answer(pain001, instructions(Map.of("NOT-IN-FILE", "AC04"), Map.of())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NOT-IN-FILE");
    }

    @Test
    void instructions_bothRejectedAndReturnedOrBadReasonCode_areRefused() {
        assertThatThrownBy(() -> instructions(Map.of("E1", "AC04"), Map.of("E1", "AC06")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> instructions(Map.of("E1", "closed account"), Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
