package org.targetedmoney.bridge.engine;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * A firm's bank details for the inter-enterprise fund: the account the fund pays if the firm's allowance exceeds
 * its contribution, and debits (SEPA direct debit, CORE) if the firm owes the fund, under the firm's mandate. Known
 * to the bridge only; checked by SEPA rules where they enter (the HTTP API), not here.
 *
 * @param name    account holder's name
 * @param iban    electronic format (no spaces, upper case)
 * @param bic     may be empty (SEPA allows IBAN-only)
 * @param mandate the direct-debit mandate the firm signed for the fund, if any: without one, what the firm owes is
 *                listed as due and not collected
 */
public record FirmPayee(String name, String iban, String bic, Optional<Mandate> mandate) {
    public FirmPayee {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(iban, "iban");
        Objects.requireNonNull(bic, "bic");
        Objects.requireNonNull(mandate, "mandate");
    }

    /** Bank details without a direct-debit mandate. */
    public FirmPayee(String name, String iban, String bic) {
        this(name, iban, bic, Optional.empty());
    }

    /**
     * A SEPA direct-debit mandate (CORE).
     *
     * @param mandateId the mandate's reference (a SEPA identifier without spaces, 1..35 characters)
     * @param signedOn  the day the firm signed it
     */
    public record Mandate(String mandateId, LocalDate signedOn) {
        public Mandate {
            Objects.requireNonNull(mandateId, "mandateId");
            Objects.requireNonNull(signedOn, "signedOn");
        }
    }
}
