package org.targetedmoney.bridge.iso;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One SEPA direct debit (CORE) in a pain.008 file: the creditor collects {@code amountCents} from the debtor's
 * account under the mandate the debtor signed.
 *
 * <p>Values are checked by {@link SepaRules}, which refuses them as values; here only presence is required.
 *
 * @param endToEndId      the creditor's id of the collection, 1..35 SEPA identifier characters, unique in its file:
 *                        the bank quotes it back in camt.054 and pain.002
 * @param amountCents     euro cents, 1 .. 99 999 999 999
 * @param debtorName      1..70 SEPA characters
 * @param debtorIban      electronic format (no spaces, upper case)
 * @param debtorBic       the debtor's bank (ISO 9362), or null
 * @param mandateId       the mandate's reference, a SEPA identifier without spaces
 * @param mandateSignedOn the day the debtor signed the mandate
 * @param remittance      unstructured remittance text, up to 140 SEPA characters, or null
 */
public record DirectDebit(String endToEndId, long amountCents, String debtorName, String debtorIban, String debtorBic,
                          String mandateId, LocalDate mandateSignedOn, String remittance) {
    public DirectDebit {
        Objects.requireNonNull(endToEndId, "endToEndId");
        Objects.requireNonNull(debtorName, "debtorName");
        Objects.requireNonNull(debtorIban, "debtorIban");
        Objects.requireNonNull(mandateId, "mandateId");
        Objects.requireNonNull(mandateSignedOn, "mandateSignedOn");
    }
}
