package org.targetedmoney.wallet.core;

/**
 * The ledger's rules refused a transaction: it was mined with status 0, and its revert reason carries a
 * stable code (see docs/REJECTION_CODES.md) and a detail for people.
 */
public final class LedgerRejectedException extends Exception {
    private static final long serialVersionUID = 1L;
    private final String code;
    private final String detail;
    private final String txHash;

    public LedgerRejectedException(String code, String detail, String txHash) {
        super(code + ": " + detail + " (transaction " + txHash + ")");
        this.code = code;
        this.detail = detail;
        this.txHash = txHash;
    }

    /** The stable rejection code, e.g. {@code NOT_CONVENTIONED}. */
    public String code() {
        return code;
    }

    public String detail() {
        return detail;
    }

    public String txHash() {
        return txHash;
    }
}
