package org.targetedmoney.node.storage;

/** Receives the entries of a key-range scan in ascending (unsigned bytewise) key order. */
@FunctionalInterface
public interface ScanVisitor {

  /**
   * Visits one entry. The arrays are fresh copies the visitor may keep.
   *
   * @return {@code true} to continue with the next key, {@code false} to stop the scan
   */
  boolean visit(byte[] key, byte[] value);
}
