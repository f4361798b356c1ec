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
}
