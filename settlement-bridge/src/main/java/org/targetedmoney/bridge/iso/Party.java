package org.targetedmoney.bridge.iso;

import java.util.Objects;

/**
 * The party whose account a pain.001 file debits (the bridge's own funding account).
 *
 * <p>Values are checked by {@link SepaRules}, which refuses them as values; here only presence is required.
 *
 * @param name account holder's name, 1..70 SEPA characters
 * @param iban account, electronic format (no spaces, upper case)
 * @param bic  the account's bank (ISO 9362), or null: the file then says {@code NOTPROVIDED}, as SEPA allows
 */
public record Party(String name, String iban, String bic) {
    public Party {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(iban, "iban");
    }
}
