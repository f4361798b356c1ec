package org.targetedmoney.bridge.settlement;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * How a batch is paid. {@code NET}: one credit transfer per batch, the sum of its lines (fewest bank
 * transfers). {@code GROSS}: one credit transfer per line (the provider's bank statement shows each
 * redemption, claim or capitation). Codes are stable: they are the configuration text and enter batch hashes.
 */
public enum SettlementMode {
    NET("net"),
    GROSS("gross");

    private final String code;

    SettlementMode(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /**
     * The mode named by configuration text, exactly "net" or "gross".
     *
     * @throws IllegalArgumentException naming the accepted values otherwise
     */
    public static SettlementMode parse(String text) {
        for (SettlementMode m : values()) {
            if (m.code.equals(text)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown settlement mode '" + text + "': expected one of "
                + Arrays.stream(values()).map(SettlementMode::code).collect(Collectors.joining(", ")));
    }
}
