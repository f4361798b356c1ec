package org.targetedmoney.node.ordering;

/**
 * The position of a Raft log entry: its index and the term in which it was proposed.
 *
 * @param term  the leader term of the entry, >= 0
 * @param index the log index, or -1 for "nothing applied yet"
 */
public record LogPosition(long term, long index) implements Comparable<LogPosition> {

  /** Before the first entry: what an applier with empty storage reports. */
  public static final LogPosition NONE = new LogPosition(0, -1);

  public LogPosition {
    if (term < 0 || index < -1) {
      throw new IllegalArgumentException("invalid log position term=" + term + " index=" + index);
    }
  }

  @Override
  public int compareTo(LogPosition other) {
    int byTerm = Long.compare(term, other.term);
    return byTerm != 0 ? byTerm : Long.compare(index, other.index);
  }
}
