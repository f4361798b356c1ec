package org.targetedmoney.bridge.http;

import java.util.Arrays;
import java.util.Locale;

/**
 * What an API token may do. Not a hierarchy, except that {@link #OPERATOR} may do everything: a collector's
 * token cannot read the bridge's state, a reader's cannot write.
 */
public enum Role {
    /** Cut-offs, payees' bank details, reissue and abandon of escalated transfers, and everything else. */
    OPERATOR,
    /** Members' contributions and public accounts' credits. */
    COLLECTOR,
    /** Firms' declarations to the inter-enterprise fund. */
    FUND,
    /** Bank messages (camt.053/054, pain.002). */
    BANK,
    /** Every GET route of /v1. */
    READER;

    /** The role's code in a tokens file and in the CLI: its name in lower case. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The role whose {@link #code()} is {@code code}.
     *
     * @throws IllegalArgumentException naming the codes there are
     */
    public static Role parse(String code) {
        for (Role r : values()) {
            if (r.code().equals(code)) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown role '" + code + "': expected one of "
                + Arrays.stream(values()).map(Role::code).toList());
    }
}
