package org.targetedmoney.bridge.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.targetedmoney.bridge.engine.PaymentOrder;
import org.targetedmoney.bridge.iso.BankEntry;
import org.targetedmoney.bridge.iso.BankNotification;
import org.targetedmoney.bridge.iso.StatusReport;
import org.targetedmoney.bridge.iso.TransactionStatus;
import org.targetedmoney.bridge.receipt.BankReceipt;
import org.targetedmoney.bridge.receipt.ReceiptBook;
import org.targetedmoney.bridge.settlement.BankOutcome;

/**
 * What a parsed bank message says about the bridge's transfers, as outcomes for reconciliation: a booked debit of
 * the payer's account is a payment made, an entry with return information a payment returned, a rejected
 * transaction in a status report a payment refused. Everything else (incoming credits, pending entries,
 * acceptances) is counted but changes nothing here. Incoming credits on the collection accounts are read apart,
 * by {@link #receipts}, as money received.
 */
final class BankMessages {
    private BankMessages() {}

    /** Outcomes, and how many entries were left aside and why. */
    record Reading(List<BankOutcome> outcomes, int ignored, String refusalCode, String refusalDetail) {
        boolean refused() {
            return refusalCode != null;
        }
    }

    /** @param collectionIbans entries on these accounts (other than the payer's) are left to {@link #receipts} */
    static Reading notification(BankNotification n, String payerIban, Set<String> collectionIbans) {
        List<BankOutcome> out = new ArrayList<>();
        int ignored = 0;
        for (BankEntry e : n.entries()) {
            if (!e.accountIban().equalsIgnoreCase(payerIban) && isCollection(e, collectionIbans)) {
                continue; // money received on a collection account: receipts()
            }
            if (!e.accountIban().equalsIgnoreCase(payerIban)) {
                return new Reading(List.of(), 0, "WRONG_ACCOUNT", "entry " + e.entryReference() + " is for account "
                        + e.accountIban() + ", the bridge pays from " + payerIban);
            }
            if (e.endToEndId() == null || !"BOOK".equals(e.status())) {
                ignored++;
            } else if (e.returnReasonCode() != null) {
                out.add(new BankOutcome.Returned(e.endToEndId(), e.amountCents(), e.returnReasonCode()));
            } else if (!e.credit()) {
                out.add(new BankOutcome.Booked(e.endToEndId(), e.amountCents(), e.entryReference()));
            } else {
                ignored++; // money received (a contribution, a public credit): declared through the API
            }
        }
        return new Reading(out, ignored, null, null);
    }

    // ---- money received on the collection accounts ----

    /**
     * The booked incoming credits on the collection accounts, as receipts to match with declared credits. An
     * entry with return information is not money received (it gives back an earlier payment, or is a credit
     * sent back), nor is a pending one. A receipt's id is the bank's entry reference with the account, booking
     * date, end-to-end id and amount, so that one entry reported in a camt.054 and again in the day's camt.053 is
     * taken once; an entry without a reference gets the message id and its position.
     */
    static List<BankReceipt> receipts(BankNotification n, Set<String> collectionIbans) {
        List<BankReceipt> out = new ArrayList<>();
        for (int i = 0; i < n.entries().size(); i++) {
            BankEntry e = n.entries().get(i);
            if (isCollection(e, collectionIbans) && e.credit() && "BOOK".equals(e.status()) && !e.isReturn()
                    && e.amountCents() > 0 && e.bookingDate() != null) {
                out.add(new BankReceipt(receiptId(n, i, e), upper(e.accountIban()), e.amountCents(), ReceiptBook.EUR,
                        e.bookingDate(), e.endToEndId(), e.remittance()));
            }
        }
        return out;
    }

    private static String receiptId(BankNotification n, int index, BankEntry e) {
        String id = e.entryReference() == null ? null : String.join("|", upper(e.accountIban()),
                e.bookingDate().toString(), e.entryReference(), e.endToEndId() == null ? "" : e.endToEndId(),
                Long.toString(e.amountCents()));
        if (id == null || id.length() > BankReceipt.MAX_ID_CHARS) {
            id = n.messageId() + "#" + index;
        }
        return id.length() <= BankReceipt.MAX_ID_CHARS ? id : id.substring(id.length() - BankReceipt.MAX_ID_CHARS);
    }

    private static boolean isCollection(BankEntry e, Set<String> collectionIbans) {
        return collectionIbans.contains(upper(e.accountIban()));
    }

    private static String upper(String iban) {
        return iban.replace(" ", "").toUpperCase(Locale.ROOT);
    }

    /**
     * @param original the payment order the report is about, if the bridge made it: a rejection of the whole
     *                 group rejects each of its transfers
     */
    static Reading statusReport(StatusReport r, Optional<PaymentOrder> original) {
        List<BankOutcome> out = new ArrayList<>();
        int ignored = 0;
        if (original.isEmpty()) {
            return new Reading(List.of(), 0, "UNKNOWN_ORIGINAL_MESSAGE", "status report " + r.messageId()
                    + " is about message " + r.originalMessageId() + ", which the bridge did not send");
        }
        if ("RJCT".equals(r.groupStatus()) && r.transactions().isEmpty()) {
            for (PaymentOrder.Item i : original.get().items()) {
                out.add(new BankOutcome.Rejected(i.transfer().endToEndId(), "NARR"));
            }
            return new Reading(out, 0, null, null);
        }
        for (TransactionStatus t : r.transactions()) {
            if ("RJCT".equals(t.status())) {
                out.add(new BankOutcome.Rejected(t.originalEndToEndId(),
                        t.reasonCode() == null ? "NARR" : t.reasonCode()));
            } else {
                ignored++;
            }
        }
        return new Reading(out, ignored, null, null);
    }

    // ---- the inter-enterprise fund's account (kept apart from the bridge's own account above) ----

    /** Whether the notification is about the fund's account (any entry on it: then all must be). */
    static boolean onFundAccount(BankNotification n, String fundIban) {
        return n.entries().stream().anyMatch(e -> e.accountIban().equalsIgnoreCase(fundIban));
    }

    /**
     * Outcomes of the fund's payouts and direct debits in a notification on the fund's account: a booked entry with
     * an end-to-end id (a debit for a payout, a credit for a collection) is a booking, an entry with return
     * information a return (a payout given back, or a collection taken back: R-transaction). Entries without an
     * end-to-end id, not booked or of no amount are counted and left aside.
     */
    static Reading fundNotification(BankNotification n, String fundIban) {
        List<BankOutcome> out = new ArrayList<>();
        int ignored = 0;
        for (BankEntry e : n.entries()) {
            if (!e.accountIban().equalsIgnoreCase(fundIban)) {
                return new Reading(List.of(), 0, "WRONG_ACCOUNT", "entry " + e.entryReference() + " is for account "
                        + e.accountIban() + ", in a message about the fund's account " + fundIban);
            }
            if (e.endToEndId() == null || !"BOOK".equals(e.status()) || e.amountCents() == 0) {
                ignored++;
            } else if (e.returnReasonCode() != null) {
                out.add(new BankOutcome.Returned(e.endToEndId(), e.amountCents(), e.returnReasonCode()));
            } else {
                out.add(new BankOutcome.Booked(e.endToEndId(), e.amountCents(),
                        e.entryReference() == null ? "" : e.entryReference()));
            }
        }
        return new Reading(out, ignored, null, null);
    }

    /**
     * Outcomes of a status report about a fund order (pain.001 payouts or pain.008 collections).
     *
     * @param endToEndIds the order's end-to-end ids: a rejection of the whole group rejects each of them
     */
    static Reading fundStatusReport(StatusReport r, List<String> endToEndIds) {
        List<BankOutcome> out = new ArrayList<>();
        if ("RJCT".equals(r.groupStatus()) && r.transactions().isEmpty()) {
            endToEndIds.forEach(id -> out.add(new BankOutcome.Rejected(id, "NARR")));
            return new Reading(out, 0, null, null);
        }
        int ignored = 0;
        for (TransactionStatus t : r.transactions()) {
            if ("RJCT".equals(t.status())) {
                out.add(new BankOutcome.Rejected(t.originalEndToEndId(),
                        t.reasonCode() == null ? "NARR" : t.reasonCode()));
            } else {
                ignored++;
            }
        }
        return new Reading(out, ignored, null, null);
    }
}
