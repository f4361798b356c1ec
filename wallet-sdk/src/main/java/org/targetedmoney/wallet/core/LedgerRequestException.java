package org.targetedmoney.wallet.core;

/**
 * The node refused a request at the door (JSON-RPC error): a malformed or badly signed transaction, a
 * wrong nonce, a busy node, or an unreachable node (code 0). Nothing was included.
 */
public final class LedgerRequestException extends Exception {
    private static final long serialVersionUID = 1L;
    private final int rpcCode;

    public LedgerRequestException(int rpcCode, String message) {
        super(message);
        this.rpcCode = rpcCode;
    }

    public LedgerRequestException(String message, Throwable cause) {
        super(message, cause);
        this.rpcCode = 0;
    }

    public int rpcCode() {
        return rpcCode;
    }
}
