package org.targetedmoney.bridge.line;

/** The ledger event a line comes from. Codes are stable: they are stored and printed. */
public enum LineKind {
    /** A provider redeemed units of an allowance purpose (event Redeemed). */
    REDEMPTION("redemption"),
    /** The fund paid a provider's claim against a tariff (event ClaimPaid, tiers payant). */
    CLAIM("claim"),
    /** A provider was paid per registered patient for an epoch (event CapitationPaid). */
    CAPITATION("capitation");

    private final String code;

    LineKind(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /**
     * The line kind whose {@link #code()} is {@code code}.
     *
     * @throws IllegalArgumentException naming the codes there are
     */
    public static LineKind parse(String code) {
        for (LineKind k : values()) {
            if (k.code.equals(code)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown line kind '" + code + "': expected one of "
                + java.util.Arrays.stream(values()).map(LineKind::code).toList());
    }
}
