package org.targetedmoney.policy.directory;

/** A directory query that cannot be answered as asked; the message names the parameter and why. */
public final class InvalidQueryException extends Exception {
    private static final long serialVersionUID = 1L;

    public InvalidQueryException(String message) {
        super(message, null, false, false);
    }
}
