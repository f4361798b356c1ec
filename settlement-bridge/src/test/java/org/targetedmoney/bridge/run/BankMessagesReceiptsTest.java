package org.targetedmoney.bridge.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.targetedmoney.bridge.iso.BankFileParser;
import org.targetedmoney.bridge.iso.BankNotification;
import org.targetedmoney.bridge.iso.BankParseResult;
import org.targetedmoney.bridge.iso.BankSimulator;
import org.targetedmoney.bridge.iso.BankSimulator.IncomingCredit;
import org.targetedmoney.bridge.receipt.BankReceipt;

/** Which entries of a bank message are money received on a collection account. */
class BankMessagesReceiptsTest {
    static final String PAYER = "FR7630006000011234567890189";
    static final String COLLECTION = "FR1420041010050500013M02606";
    static final OffsetDateTime CREATED = OffsetDateTime.of(2026, 11, 3, 9, 0, 0, 0, ZoneOffset.UTC);
    static final LocalDate BOOKED = LocalDate.of(2026, 11, 3);

    static BankNotification parse(byte[] camt) {
        return ((BankParseResult.Notification) BankFileParser.parse(camt)).notification();
    }

    @Test
    void receipts_bookedCreditsOnACollectionAccount_areReceiptsButNotReturns() {
        BankNotification n = parse(BankSimulator.creditNotification("CAMT-C1", CREATED, BOOKED, COLLECTION, List.of(
                IncomingCredit.of("c-1", 4_000, "SSA c-1"),
                IncomingCredit.of(null, 2_000, "Etat st-2 novembre"),
                new IncomingCredit("c-3", 1_500, null, "AC04"))));

        List<BankReceipt> receipts = BankMessages.receipts(n, Set.of(COLLECTION));

        assertThat(receipts).extracting(BankReceipt::endToEndId, BankReceipt::amountCents, BankReceipt::remittance)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("c-1", 4_000L, "SSA c-1"),
                        org.assertj.core.groups.Tuple.tuple("NOTPROVIDED", 2_000L, "Etat st-2 novembre"));
        assertThat(receipts.getFirst().id()).isEqualTo(COLLECTION + "|2026-11-03|CAMT-C1-1|c-1|4000");
        assertThat(receipts).allSatisfy(r -> assertThat(r.bookingDate()).isEqualTo(BOOKED));
    }

    @Test
    void receipts_otherAccount_areNone() {
        BankNotification n = parse(BankSimulator.creditNotification("CAMT-C2", CREATED, BOOKED, COLLECTION,
                List.of(IncomingCredit.of("c-1", 4_000, null))));

        assertThat(BankMessages.receipts(n, Set.of(PAYER))).isEmpty();
    }

    @Test
    void notification_creditsOnACollectionAccount_areNotRefusedAsWrongAccount() {
        BankNotification n = parse(BankSimulator.creditNotification("CAMT-C3", CREATED, BOOKED, COLLECTION,
                List.of(IncomingCredit.of("c-1", 4_000, null))));

        BankMessages.Reading withCollection = BankMessages.notification(n, PAYER, Set.of(COLLECTION));
        BankMessages.Reading without = BankMessages.notification(n, PAYER, Set.of(PAYER));

        assertThat(withCollection.refused()).isFalse();
        assertThat(withCollection.outcomes()).isEmpty();
        assertThat(without.refusalCode()).isEqualTo("WRONG_ACCOUNT");
    }
}
