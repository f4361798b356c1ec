package org.targetedmoney.bridge.engine;

import java.util.Objects;

/**
 * A firm's bank details, for the case the inter-enterprise fund pays it (its allowance exceeds its contribution).
 * Known to the bridge only; checked by SEPA rules where they enter (the HTTP API), not here.
 *
 * @param name account holder's name
 * @param iban electronic format (no spaces, upper case)
 * @param bic  may be empty (SEPA allows IBAN-only)
 */
public record FirmPayee(String name, String iban, String bic) {
    public FirmPayee {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(iban, "iban");
        Objects.requireNonNull(bic, "bic");
    }
}
