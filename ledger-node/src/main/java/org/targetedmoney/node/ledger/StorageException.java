package org.targetedmoney.node.ledger;

/** A storage failure (disk, corruption). The node cannot go on safely after one while applying. */
public final class StorageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
