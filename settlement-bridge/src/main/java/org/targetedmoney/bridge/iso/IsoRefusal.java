package org.targetedmoney.bridge.iso;

import java.util.Objects;

/**
 * Why an ISO 20022 file (outgoing or incoming) was refused: a business rejection, returned as a value.
 *
 * <p>A file's refusals are collected into a list so that all of its problems are reported at once.
 *
 * @param code    stable UPPER_SNAKE code (one of the constants below), for programs
 * @param field   where: a field name or an XML path such as {@code Ntfctn[0]/Ntry[2]/Amt}
 * @param message for people: names the field and the offending value
 */
public record IsoRefusal(String code, String field, String message) {
    /** An IBAN whose format, country or check digits are wrong. */
    public static final String INVALID_IBAN = "INVALID_IBAN";
    /** A BIC that is not ISO 9362 (8 or 11 characters). */
    public static final String INVALID_BIC = "INVALID_BIC";
    /** A message, payment-information or end-to-end id outside the SEPA identifier rules. */
    public static final String INVALID_IDENTIFIER = "INVALID_IDENTIFIER";
    /** Two transfers of one file with the same end-to-end id (reconciliation matches on it). */
    public static final String DUPLICATE_END_TO_END_ID = "DUPLICATE_END_TO_END_ID";
    /** A name or remittance text too long, empty, or outside the SEPA character set. */
    public static final String INVALID_TEXT = "INVALID_TEXT";
    /** A transfer amount outside 0.01 .. 999 999 999.99 EUR. */
    public static final String AMOUNT_OUT_OF_RANGE = "AMOUNT_OUT_OF_RANGE";
    /** The sum of a file's amounts does not fit in a long number of cents. */
    public static final String CONTROL_SUM_OVERFLOW = "CONTROL_SUM_OVERFLOW";
    /** A file with no transfer, or more than {@link Pain001Writer#MAX_TRANSFERS_PER_FILE}. */
    public static final String TRANSFER_COUNT_OUT_OF_RANGE = "TRANSFER_COUNT_OUT_OF_RANGE";
    /** A bank file that is not well-formed XML (the message gives line and column). */
    public static final String MALFORMED_XML = "MALFORMED_XML";
    /** A bank file declaring a DTD: refused outright, which shuts out external entities (XXE) and entity bombs. */
    public static final String DTD_NOT_ALLOWED = "DTD_NOT_ALLOWED";
    /** A bank file larger than {@link BankFileParser#MAX_BANK_FILE_BYTES}. */
    public static final String FILE_TOO_LARGE = "FILE_TOO_LARGE";
    /** A bank file whose root namespace is not one of the supported message versions. */
    public static final String UNSUPPORTED_MESSAGE = "UNSUPPORTED_MESSAGE";
    /** A bank file without a field the bridge needs. */
    public static final String MISSING_FIELD = "MISSING_FIELD";
    /** A negative amount, a fraction of a cent, or more cents than a long holds. */
    public static final String INVALID_AMOUNT = "INVALID_AMOUNT";
    /** An amount in another currency than EUR. */
    public static final String UNSUPPORTED_CURRENCY = "UNSUPPORTED_CURRENCY";

    /** A SEPA creditor identifier with a wrong format or wrong check digits (ISO 7064 mod 97-10). */
    public static final String INVALID_CREDITOR_ID = "INVALID_CREDITOR_ID";
    /** A direct-debit mandate whose id breaks the SEPA identifier rules or which is signed after the collection. */
    public static final String INVALID_MANDATE = "INVALID_MANDATE";

    public IsoRefusal {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }
}
