package org.targetedmoney.node.admission;

/** A transaction refused at the door: never ordered, never in a block. The message says why. */
public final class AdmissionException extends Exception {
    private static final long serialVersionUID = 1L;
    /** JSON-RPC error code: -32000 for a refused transaction, -32005 when the node is busy. */
    public static final int REFUSED = -32000;
    public static final int BUSY = -32005;

    private final int rpcCode;

    public AdmissionException(int rpcCode, String message) {
        super(message);
        this.rpcCode = rpcCode;
    }

    public static AdmissionException refused(String message) {
        return new AdmissionException(REFUSED, message);
    }

    public int rpcCode() {
        return rpcCode;
    }
}
