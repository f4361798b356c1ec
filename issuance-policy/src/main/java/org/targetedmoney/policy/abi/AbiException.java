package org.targetedmoney.policy.abi;

/** Call data that does not decode: unknown selector, truncated data, value out of range. The message says which. */
public final class AbiException extends Exception {
    private static final long serialVersionUID = 1L;

    public AbiException(String message) {
        super(message);
    }
}
