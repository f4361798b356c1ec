package org.targetedmoney.bridge.settlement;

import java.util.Objects;

/**
 * What the bank says about one instructed credit transfer, as read from its files by the ISO 20022 layer.
 * Identified by the end-to-end id the bridge gave it.
 */
public sealed interface BankOutcome {
    /** Longest identifier or code (ISO 20022 Max35Text). */
    int MAX_TEXT_LENGTH = 35;

    String endToEndId();

    /** The transfer was booked (camt.054 debit notification, camt.053 statement entry). */
    record Booked(String endToEndId, long amountCents, String bankReference) implements BankOutcome {
        /** @param bankReference the bank's reference of the entry (AcctSvcrRef), "" if the bank gave none */
        public Booked {
            requireText(endToEndId, "endToEndId", false);
            requireText(bankReference, "bankReference", true);
            requireAmount(amountCents);
        }
    }

    /** The bank refused the transfer before paying it (pain.002 RJCT) for an ISO reason code (e.g. AC04). */
    record Rejected(String endToEndId, String reasonCode) implements BankOutcome {
        public Rejected {
            requireText(endToEndId, "endToEndId", false);
            requireText(reasonCode, "reasonCode", false);
        }
    }

    /** The payee's bank sent the money back after payment (camt.054 return) for an ISO reason code. */
    record Returned(String endToEndId, long amountCents, String reasonCode) implements BankOutcome {
        public Returned {
            requireText(endToEndId, "endToEndId", false);
            requireText(reasonCode, "reasonCode", false);
            requireAmount(amountCents);
        }
    }

    private static void requireText(String text, String what, boolean mayBeEmpty) {
        Objects.requireNonNull(text, what);
        if ((!mayBeEmpty && text.isBlank()) || text.length() > MAX_TEXT_LENGTH) {
            throw new IllegalArgumentException(what + " '" + text + "' must be " + (mayBeEmpty ? "0" : "1") + " to "
                    + MAX_TEXT_LENGTH + " characters");
        }
    }

    private static void requireAmount(long amountCents) {
        if (amountCents <= 0) {
            throw new IllegalArgumentException("amountCents must be > 0: " + amountCents);
        }
    }
}
