package org.targetedmoney.node.ordering;

import java.nio.file.Path;

/**
 * The deterministic consumer of committed log entries (the node's block executor). The ordering
 * layer calls every method from one thread at a time, and never concurrently with another.
 *
 * <p>Contract that makes "exactly once" hold across crashes: {@link #apply} commits the state
 * changes of the entry <em>and</em> its {@link LogPosition} in one atomic storage write, and
 * {@link #lastApplied} reads that position back from storage. The ordering layer then skips
 * entries at or below it when Ratis replays its log after a restart.
 */
public interface EntryApplier {

  /**
   * Applies one committed entry. Called in log order with strictly increasing indexes (gaps are
   * Raft's own configuration entries). Must be deterministic: no wall clock, randomness or
   * unordered iteration. An exception halts this peer (it stops rather than diverge).
   */
  void apply(long index, long term, byte[] entry);

  /** The position stored with the state by the last {@link #apply}, or {@link LogPosition#NONE}. */
  LogPosition lastApplied();

  /**
   * Writes a consistent copy of the applied state, including its last applied position, into
   * {@code dir} (which does not exist yet), e.g. {@code KvStore.checkpoint(dir)}.
   */
  void checkpoint(Path dir);

  /**
   * Replaces the applied state with the copy in {@code dir} (made by {@link #checkpoint} here or on
   * another peer); afterwards {@link #lastApplied} reports the position stored in that copy. The
   * directory belongs to the ordering layer: copy from it, do not keep it open or modify it.
   */
  void restoreFrom(Path dir);
}
