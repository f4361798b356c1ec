package org.targetedmoney.bridge.iso;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Pattern;
import org.iban4j.BicFormatException;
import org.iban4j.BicUtil;
import org.iban4j.Iban4jException;
import org.iban4j.IbanFormatException;
import org.iban4j.IbanUtil;
import org.iban4j.InvalidCheckDigitException;
import org.iban4j.UnsupportedCountryException;

/**
 * The SEPA credit-transfer rules a pain.001 file must meet before it is written (EPC implementation guidelines).
 *
 * <p>Pure: every check returns its refusal as a value naming the field and the offending value, and
 * {@link #check(PaymentFile)} collects all of a file's refusals so they are reported at once.
 *
 * <p>Text outside the SEPA character set (Latin letters, digits and {@code / - ? : ( ) . , ' +} and space) is
 * <b>refused, not transliterated</b>: a provider's name silently rewritten ("Société" to "Societe") would be a
 * change the caller never saw; the caller transliterates, knowingly, if it wants to.
 */
public final class SepaRules {
    /** Longest SEPA identifier (message, payment-information and end-to-end ids). */
    public static final int MAX_IDENTIFIER_LENGTH = 35;
    /** Longest party name. */
    public static final int MAX_NAME_LENGTH = 70;
    /** Longest unstructured remittance text. */
    public static final int MAX_REMITTANCE_LENGTH = 140;
    /** Smallest transfer: one cent. */
    public static final long MIN_AMOUNT_CENTS = 1;
    /** Largest SEPA credit transfer: 999 999 999.99 EUR. */
    public static final long MAX_AMOUNT_CENTS = 99_999_999_999L;
    /** Longest value quoted back in a refusal message (a 10 000-character name is not echoed whole). */
    static final int MAX_QUOTED_LENGTH = 80;

    /** The first day of SEPA direct debit (CORE): no mandate is signed before it. */
    public static final LocalDate FIRST_MANDATE_DATE = LocalDate.of(2009, 11, 1);

    private static final String SEPA_PUNCTUATION = "/-?:().,'+ ";
    /**
     * A creditor identifier (EPC262-08): country, 2 check digits, a 3-character creditor business code (not part of
     * the check), then the national identifier, 35 characters in all.
     */
    private static final Pattern CREDITOR_ID = Pattern.compile("[A-Z]{2}[0-9]{2}[A-Z0-9]{3}[A-Z0-9]{1,28}");

    private SepaRules() {
    }

    /** All refusals of a file, in field order (empty when the file may be written). */
    public static List<IsoRefusal> check(PaymentFile file) {
        List<IsoRefusal> refusals = new ArrayList<>();
        identifier("messageId", file.messageId()).ifPresent(refusals::add);
        name("debtor.name", file.debtor().name()).ifPresent(refusals::add);
        iban("debtor.iban", file.debtor().iban()).ifPresent(refusals::add);
        if (file.debtor().bic() != null) {
            bic("debtor.bic", file.debtor().bic()).ifPresent(refusals::add);
        }
        int count = file.transfers().size();
        if (count < 1 || count > Pain001Writer.MAX_TRANSFERS_PER_FILE) {
            refusals.add(new IsoRefusal(IsoRefusal.TRANSFER_COUNT_OUT_OF_RANGE, "transfers",
                    "a file holds 1.." + Pain001Writer.MAX_TRANSFERS_PER_FILE + " transfers, not " + count));
        }
        Set<String> endToEndIds = new HashSet<>();
        for (int i = 0; i < count; i++) {
            CreditTransfer transfer = file.transfers().get(i);
            transfer(refusals, "transfers[" + i + "].", transfer);
            if (!endToEndIds.add(transfer.endToEndId())) {
                refusals.add(new IsoRefusal(IsoRefusal.DUPLICATE_END_TO_END_ID, "transfers[" + i + "].endToEndId",
                        "end-to-end id " + quote(transfer.endToEndId()) + " appears twice in the file"));
            }
        }
        if (controlSumCents(file.transfers()).isEmpty()) {
            refusals.add(new IsoRefusal(IsoRefusal.CONTROL_SUM_OVERFLOW, "transfers",
                    "the sum of the " + count + " amounts overflows a long number of cents"));
        }
        return refusals;
    }

    /** All refusals of a direct-debit file, in field order (empty when the file may be written). */
    public static List<IsoRefusal> check(DirectDebitFile file) {
        List<IsoRefusal> refusals = new ArrayList<>();
        identifier("messageId", file.messageId()).ifPresent(refusals::add);
        name("creditor.name", file.creditor().name()).ifPresent(refusals::add);
        iban("creditor.iban", file.creditor().iban()).ifPresent(refusals::add);
        if (file.creditor().bic() != null) {
            bic("creditor.bic", file.creditor().bic()).ifPresent(refusals::add);
        }
        creditorId("creditorId", file.creditorId()).ifPresent(refusals::add);
        int count = file.debits().size();
        if (count < 1 || count > Pain008Writer.MAX_DEBITS_PER_FILE) {
            refusals.add(new IsoRefusal(IsoRefusal.TRANSFER_COUNT_OUT_OF_RANGE, "debits",
                    "a file holds 1.." + Pain008Writer.MAX_DEBITS_PER_FILE + " direct debits, not " + count));
        }
        Set<String> endToEndIds = new HashSet<>();
        long sum = 0;
        boolean overflow = false;
        for (int i = 0; i < count; i++) {
            DirectDebit debit = file.debits().get(i);
            debit(refusals, "debits[" + i + "].", debit, file.requestedCollectionDate());
            if (!endToEndIds.add(debit.endToEndId())) {
                refusals.add(new IsoRefusal(IsoRefusal.DUPLICATE_END_TO_END_ID, "debits[" + i + "].endToEndId",
                        "end-to-end id " + quote(debit.endToEndId()) + " appears twice in the file"));
            }
            try {
                sum = Math.addExact(sum, debit.amountCents());
            } catch (ArithmeticException e) {
                overflow = true;
            }
        }
        if (overflow) {
            refusals.add(new IsoRefusal(IsoRefusal.CONTROL_SUM_OVERFLOW, "debits",
                    "the sum of the " + count + " amounts overflows a long number of cents"));
        }
        return refusals;
    }

    private static void debit(List<IsoRefusal> refusals, String prefix, DirectDebit debit, LocalDate collection) {
        identifier(prefix + "endToEndId", debit.endToEndId()).ifPresent(refusals::add);
        amount(prefix + "amountCents", debit.amountCents()).ifPresent(refusals::add);
        name(prefix + "debtorName", debit.debtorName()).ifPresent(refusals::add);
        iban(prefix + "debtorIban", debit.debtorIban()).ifPresent(refusals::add);
        if (debit.debtorBic() != null) {
            bic(prefix + "debtorBic", debit.debtorBic()).ifPresent(refusals::add);
        }
        mandate(prefix + "mandate", debit.mandateId(), debit.mandateSignedOn(), collection).ifPresent(refusals::add);
        if (debit.remittance() != null) {
            remittance(prefix + "remittance", debit.remittance()).ifPresent(refusals::add);
        }
    }

    /**
     * A SEPA creditor identifier: {@code CCkkBBBnnn...} (country, check digits, business code, national id), 8..35
     * upper-case letters or digits, whose check digits verify by ISO 7064 mod 97-10 over the national id followed
     * by the country and check digits (the business code is left out), as an IBAN's do. E.g. FR72ZZZ123456.
     */
    public static Optional<IsoRefusal> creditorId(String field, String value) {
        if (value.length() > MAX_IDENTIFIER_LENGTH || !CREDITOR_ID.matcher(value).matches()) {
            return refuse(IsoRefusal.INVALID_CREDITOR_ID, field, "creditor identifier " + quote(value)
                    + " is not a country code, 2 check digits, a 3-character business code and a national id"
                    + " (upper-case letters and digits, 8 to 35 characters)");
        }
        String rearranged = value.substring(7) + value.substring(0, 4);
        int remainder = 0;
        for (int i = 0; i < rearranged.length(); i++) {
            int digit = Character.digit(rearranged.charAt(i), 36);
            remainder = (digit > 9 ? remainder * 100 + digit : remainder * 10 + digit) % 97;
        }
        return remainder == 1 ? Optional.empty() : refuse(IsoRefusal.INVALID_CREDITOR_ID, field,
                "creditor identifier " + quote(value) + " has wrong check digits");
    }

    /**
     * A direct-debit mandate: its id a SEPA identifier without spaces (banks match it case-insensitively, EPC
     * rulebook), signed on or after {@link #FIRST_MANDATE_DATE} and not after {@code notAfter} (the collection).
     */
    public static Optional<IsoRefusal> mandate(String field, String mandateId, LocalDate signedOn, LocalDate notAfter) {
        Optional<IsoRefusal> badId = identifier(field + ".id", mandateId);
        if (badId.isPresent()) {
            return Optional.of(new IsoRefusal(IsoRefusal.INVALID_MANDATE, badId.get().field(), badId.get().message()));
        }
        if (mandateId.indexOf(' ') >= 0) {
            return refuse(IsoRefusal.INVALID_MANDATE, field + ".id", "mandate id " + quote(mandateId)
                    + " contains a space");
        }
        if (signedOn.isBefore(FIRST_MANDATE_DATE) || signedOn.isAfter(notAfter)) {
            return refuse(IsoRefusal.INVALID_MANDATE, field + ".signedOn", "mandate signed on " + signedOn
                    + ": must be from " + FIRST_MANDATE_DATE + " to " + notAfter);
        }
        return Optional.empty();
    }

    private static void transfer(List<IsoRefusal> refusals, String prefix, CreditTransfer transfer) {
        identifier(prefix + "endToEndId", transfer.endToEndId()).ifPresent(refusals::add);
        amount(prefix + "amountCents", transfer.amountCents()).ifPresent(refusals::add);
        name(prefix + "creditorName", transfer.creditorName()).ifPresent(refusals::add);
        iban(prefix + "creditorIban", transfer.creditorIban()).ifPresent(refusals::add);
        if (transfer.creditorBic() != null) {
            bic(prefix + "creditorBic", transfer.creditorBic()).ifPresent(refusals::add);
        }
        if (transfer.remittance() != null) {
            remittance(prefix + "remittance", transfer.remittance()).ifPresent(refusals::add);
        }
    }

    /** Exact sum of the transfers' cents, or empty if it overflows a long. */
    public static OptionalLong controlSumCents(List<CreditTransfer> transfers) {
        long sum = 0;
        try {
            for (CreditTransfer transfer : transfers) {
                sum = Math.addExact(sum, transfer.amountCents());
            }
        } catch (ArithmeticException overflow) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(sum);
    }

    /** An IBAN in electronic format with a known country, that country's length and format, and valid check digits. */
    public static Optional<IsoRefusal> iban(String field, String value) {
        try {
            IbanUtil.validate(value);
            return Optional.empty();
        } catch (InvalidCheckDigitException e) {
            return refuse(IsoRefusal.INVALID_IBAN, field, "IBAN " + quote(value) + " has wrong check digits");
        } catch (UnsupportedCountryException e) {
            return refuse(IsoRefusal.INVALID_IBAN, field, "IBAN " + quote(value) + " has an unknown country code");
        } catch (IbanFormatException e) {
            String violation = String.valueOf(e.getFormatViolation());
            return refuse(IsoRefusal.INVALID_IBAN, field, "IBAN " + quote(value) + (violation.startsWith("COUNTRY_CODE")
                    ? " has an unknown country code"
                    : " is malformed (" + violation + ")"));
        } catch (Iban4jException e) {
            return refuse(IsoRefusal.INVALID_IBAN, field, "IBAN " + quote(value) + " is invalid");
        }
    }

    /**
     * An ISO 9362 BIC: 4 letters or digits (business party prefix: ISO 9362:2014 and the pain.001.001.09 schema
     * allow digits), a known country code, 2 letters or digits (location), optionally 3 more (branch).
     */
    public static Optional<IsoRefusal> bic(String field, String value) {
        try {
            BicUtil.validate(value);
            return Optional.empty();
        } catch (BicFormatException | UnsupportedCountryException e) {
            return refuse(IsoRefusal.INVALID_BIC, field, "BIC " + quote(value)
                    + " is not ISO 9362 (8 or 11 upper-case letters or digits, a known country code in 5..6)");
        }
    }

    /** A SEPA identifier: 1..35 SEPA characters, neither starting nor ending with '/', without "//". */
    public static Optional<IsoRefusal> identifier(String field, String value) {
        if (value.isEmpty() || value.length() > MAX_IDENTIFIER_LENGTH) {
            return refuse(IsoRefusal.INVALID_IDENTIFIER, field, "identifier " + quote(value) + " has "
                    + value.length() + " characters, allowed 1.." + MAX_IDENTIFIER_LENGTH);
        }
        if (value.startsWith("/") || value.endsWith("/") || value.contains("//")) {
            return refuse(IsoRefusal.INVALID_IDENTIFIER, field,
                    "identifier " + quote(value) + " starts or ends with '/' or contains '//'");
        }
        return charset(IsoRefusal.INVALID_IDENTIFIER, field, value);
    }

    /** A party name: 1..70 SEPA characters, not blank. */
    public static Optional<IsoRefusal> name(String field, String value) {
        return text(field, value, MAX_NAME_LENGTH);
    }

    /** Unstructured remittance information: 1..140 SEPA characters, not blank. */
    public static Optional<IsoRefusal> remittance(String field, String value) {
        return text(field, value, MAX_REMITTANCE_LENGTH);
    }

    /** A transfer amount: 1 cent .. 999 999 999.99 EUR. */
    public static Optional<IsoRefusal> amount(String field, long amountCents) {
        if (amountCents < MIN_AMOUNT_CENTS || amountCents > MAX_AMOUNT_CENTS) {
            return refuse(IsoRefusal.AMOUNT_OUT_OF_RANGE, field, "amount " + amountCents
                    + " cents is outside 0.01 .. 999999999.99 EUR");
        }
        return Optional.empty();
    }

    private static Optional<IsoRefusal> text(String field, String value, int maxLength) {
        if (value.isBlank() || value.length() > maxLength) {
            return refuse(IsoRefusal.INVALID_TEXT, field, "text " + quote(value) + " has " + value.length()
                    + " characters or is blank, allowed 1.." + maxLength);
        }
        return charset(IsoRefusal.INVALID_TEXT, field, value);
    }

    private static Optional<IsoRefusal> charset(String code, String field, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!isSepaCharacter(c)) {
                return refuse(code, field, "character " + String.format("U+%04X", (int) c) + " at position " + i
                        + " of " + quote(value) + " is outside the SEPA character set");
            }
        }
        return Optional.empty();
    }

    /** Whether {@code c} is in the SEPA basic Latin character set. */
    public static boolean isSepaCharacter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || SEPA_PUNCTUATION.indexOf(c) >= 0;
    }

    private static Optional<IsoRefusal> refuse(String code, String field, String message) {
        return Optional.of(new IsoRefusal(code, field, field + ": " + message));
    }

    /** The value in quotes, cut to {@link #MAX_QUOTED_LENGTH} characters. */
    static String quote(String value) {
        if (value == null) {
            return "null";
        }
        return value.length() <= MAX_QUOTED_LENGTH
                ? "'" + value + "'"
                : "'" + value.substring(0, MAX_QUOTED_LENGTH) + "...' (" + value.length() + " characters)";
    }
}
