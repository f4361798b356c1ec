package org.targetedmoney.bridge.receipt;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Money the bank says arrived on a collection account: one booked credit entry (or transaction detail) of a
 * camt.054 notification or camt.053 statement, without return information.
 *
 * @param id          stable identity: the same bank entry reported twice (a camt.054, then the day's camt.053)
 *                    has the same id and is taken once
 * @param accountIban the collection account credited
 * @param amountCents > 0
 * @param currency    ISO 4217 code (the bank-file parser accepts EUR only)
 * @param bookingDate the day the bank booked it
 * @param endToEndId  the payer's end-to-end id, or null
 * @param remittance  the unstructured remittance text, or null
 */
public record BankReceipt(String id, String accountIban, long amountCents, String currency, LocalDate bookingDate,
                          String endToEndId, String remittance) {
    /** Longest receipt id. */
    public static final int MAX_ID_CHARS = 200;
    /** Longest remittance kept (SEPA allows 140 characters per line; a few lines joined). */
    public static final int MAX_REMITTANCE_CHARS = 1_000;
    /** Most words of the remittance looked at as possible references. */
    public static final int MAX_MENTIONS = 64;
    /** What SEPA payers write when they give no end-to-end id. */
    static final String NOT_PROVIDED = "NOTPROVIDED";

    public BankReceipt {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(accountIban, "accountIban");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(bookingDate, "bookingDate");
        if (id.isEmpty() || id.length() > MAX_ID_CHARS) {
            throw new IllegalArgumentException("a receipt id has 1 to " + MAX_ID_CHARS + " characters: " + id);
        }
        if (amountCents <= 0) {
            throw new IllegalArgumentException("a receipt's amountCents must be > 0: " + amountCents);
        }
        if (remittance != null && remittance.length() > MAX_REMITTANCE_CHARS) {
            remittance = remittance.substring(0, MAX_REMITTANCE_CHARS);
        }
    }

    /**
     * The references this receipt may be for, strongest first: its end-to-end id, then each word of its
     * remittance (split on spaces and , ; / and stripped of a trailing '.' or ':'), without repeats.
     */
    public List<String> mentions() {
        Set<String> out = new LinkedHashSet<>();
        if (endToEndId != null && !endToEndId.isBlank() && !NOT_PROVIDED.equals(endToEndId)) {
            out.add(endToEndId.strip());
        }
        if (remittance != null) {
            for (String word : remittance.split("[\\s,;/]+")) {
                String w = strip(word);
                if (!w.isEmpty() && out.size() < MAX_MENTIONS) {
                    out.add(w);
                }
            }
        }
        return new ArrayList<>(out);
    }

    private static String strip(String word) {
        int end = word.length();
        while (end > 0 && (word.charAt(end - 1) == '.' || word.charAt(end - 1) == ':')) {
            end--;
        }
        return word.substring(0, end);
    }
}
