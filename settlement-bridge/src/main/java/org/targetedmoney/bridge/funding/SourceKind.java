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

    /**
     * The funding kind whose {@link #code()} is {@code code}.
     *
     * @throws IllegalArgumentException naming the codes there are
     */
    public static SourceKind parse(String code) {
        for (SourceKind k : values()) {
            if (k.code.equals(code)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown funding kind '" + code + "': expected one of "
                + java.util.Arrays.stream(values()).map(SourceKind::code).toList());
    }
}
