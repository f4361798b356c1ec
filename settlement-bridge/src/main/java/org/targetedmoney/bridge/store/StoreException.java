package org.targetedmoney.bridge.store;

import java.nio.file.Path;

/** An unchecked I/O failure of the bridge store; the message names the operation and the data directory. */
public final class StoreException extends RuntimeException {

    public StoreException(String operation, Path path, Throwable cause) {
        super(operation + " failed on bridge store " + path + ": " + describe(cause), cause);
    }

    public StoreException(String operation, Path path, String reason) {
        super(operation + " failed on bridge store " + path + ": " + reason);
    }

    private static String describe(Throwable cause) {
        return cause == null ? "unknown cause" : cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }
}
