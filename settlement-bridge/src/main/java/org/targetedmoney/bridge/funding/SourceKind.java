package org.targetedmoney.bridge.funding;

/**
 * The three kinds of funding, in the order of the declared waterfall: contributions first, then public
 * accounts, then debt-free monetary creation within an authorised ceiling per period. Codes are stable.
 */
public enum SourceKind {
    CONTRIBUTIONS("contributions"),
    PUBLIC_ACCOUNT("public-account"),
    MONETARY_CREATION("monetary-creation");

    private final String code;

    SourceKind(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
