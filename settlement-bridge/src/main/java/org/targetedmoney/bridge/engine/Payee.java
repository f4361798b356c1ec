package org.targetedmoney.bridge.engine;

import java.util.Objects;

/**
 * A provider's bank details, known to the bridge only (they are not on the public ledger).
 *
 * @param provider lower-case 0x address on the ledger
 * @param bic      may be empty (SEPA allows IBAN-only)
 */
public record Payee(String provider, String name, String iban, String bic) {
    public Payee {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(iban, "iban");
        Objects.requireNonNull(bic, "bic");
    }
}
