package org.targetedmoney.node.storage;

import java.nio.file.Path;

/** An unchecked failure of the storage layer; the message names the operation and the data directory. */
public final class StorageException extends RuntimeException {

  public StorageException(String operation, Path path, Throwable cause) {
    super(operation + " failed on RocksDB store " + path + ": " + describe(cause), cause);
  }

  public StorageException(String operation, Path path, String reason) {
    super(operation + " failed on RocksDB store " + path + ": " + reason);
  }

  private static String describe(Throwable cause) {
    return cause == null ? "unknown cause" : cause.getClass().getSimpleName() + ": " + cause.getMessage();
  }
}
