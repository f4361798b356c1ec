package org.targetedmoney.bridge.iso;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One movement on a bank account, as a camt.053 statement or camt.054 notification reports it: one per transaction
 * detail (TxDtls) of an entry (Ntry), or one for an entry that has no transaction details. A batch-booked entry of
 * 100 transfers is therefore 100 BankEntries sharing one {@code entryReference}.
 *
 * @param accountIban      the account the movement is on (Acct/Id/IBAN)
 * @param entryReference   the bank's reference of the entry (NtryRef, else AcctSvcrRef), or null if it gives none
 * @param amountCents      euro cents, >= 0: the transaction's amount (TxDtls/Amt or TxDtls/AmtDtls/TxAmt/Amt), or
 *                         the entry's when it has a single transaction or none
 * @param credit           true for money in (CRDT), false for money out (DBIT)
 * @param status           the entry's status code: BOOK, PDNG, INFO (or a newer code the bank uses)
 * @param bookingDate      the day it was booked; null only if the entry is not booked
 * @param endToEndId       the payer's end-to-end id (TxDtls/Refs/EndToEndId), or null if not given
 * @param returnReasonCode set when the movement is a return (TxDtls/RtrInf/Rsn/Cd, e.g. AC04), else null
 * @param remittance       the unstructured remittance lines (RmtInf/Ustrd) joined by a space, or null
 */
public record BankEntry(String accountIban, String entryReference, long amountCents, boolean credit, String status,
                        LocalDate bookingDate, String endToEndId, String returnReasonCode, String remittance) {
    public BankEntry {
        Objects.requireNonNull(accountIban, "accountIban");
        Objects.requireNonNull(status, "status");
        if (amountCents < 0) {
            throw new IllegalArgumentException("amountCents must be >= 0 (direction is 'credit'): " + amountCents);
        }
    }

    /** Whether this movement gives back an earlier payment (it has a return reason). */
    public boolean isReturn() {
        return returnReasonCode != null;
    }
}
