package org.targetedmoney.policy.tx;

/**
 * Input that is not canonical RLP. Unchecked, and without a stack trace: it is thrown for every
 * piece of junk a client sends, so it must be cheap, and its message (with the byte offset) says
 * all there is to know.
 */
public final class RlpException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public RlpException(String message) {
        super(message, null, false, false);
    }
}
