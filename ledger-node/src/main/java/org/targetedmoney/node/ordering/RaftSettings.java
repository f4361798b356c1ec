package org.targetedmoney.node.ordering;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Configuration of one Raft peer and its group.
 *
 * @param groupId                 the Raft group; every peer of a network uses the same one
 * @param selfId                  this peer's id, a key of {@code peers}
 * @param peers                   every peer of the group (this one included): id to {@code host:port}
 * @param storageDir              Ratis' own directory (log, metadata, snapshots); keep the
 *                                applier's state elsewhere, since installing a snapshot replaces
 *                                the snapshot area wholesale
 * @param electionTimeoutMin      lower bound of the randomised follower timeout
 * @param electionTimeoutMax      upper bound; a wide, long range avoids needless elections on a
 *                                busy 2-core machine (Ratis' 150–300 ms default moved leadership)
 * @param logSegmentBytes         size at which a log segment file is closed (only closed segments
 *                                can be purged after a snapshot)
 * @param appenderBufferBytes     bytes of entries the leader sends to a follower per request; the
 *                                log write buffer is derived from it, as Ratis requires
 * @param maxEntryBytes           largest entry {@link RaftOrdering#submit} accepts
 * @param snapshotAutoTriggerEntries entries applied since the last snapshot that trigger a new one;
 *                                0 disables automatic snapshots
 * @param maxInFlight             submissions not yet completed before {@code submit} refuses more
 */
public record RaftSettings(
    UUID groupId,
    String selfId,
    Map<String, String> peers,
    Path storageDir,
    Duration electionTimeoutMin,
    Duration electionTimeoutMax,
    long logSegmentBytes,
    long appenderBufferBytes,
    int maxEntryBytes,
    long snapshotAutoTriggerEntries,
    int maxInFlight) {

  public static final UUID DEFAULT_GROUP_ID =
      UUID.nameUUIDFromBytes("targeted-money-ledger".getBytes(StandardCharsets.UTF_8));
  public static final String DEFAULT_PEER_ID = "validator-0";
  public static final Duration DEFAULT_ELECTION_TIMEOUT_MIN = Duration.ofMillis(1000);
  public static final Duration DEFAULT_ELECTION_TIMEOUT_MAX = Duration.ofMillis(2000);
  public static final long DEFAULT_LOG_SEGMENT_BYTES = 64L << 20;
  /** Ratis' default appender limit (4 MB): a whole block of small transactions fits in one request. */
  public static final long DEFAULT_APPENDER_BUFFER_BYTES = 4L << 20;
  public static final int DEFAULT_MAX_ENTRY_BYTES = 2 << 20;
  public static final long DEFAULT_SNAPSHOT_AUTO_TRIGGER_ENTRIES = 10_000;
  /** Below Ratis' client limit of 100 outstanding requests, so the Ratis client itself never blocks. */
  public static final int DEFAULT_MAX_IN_FLIGHT = 64;
  /** Room left in an appender request for the entry's framing (term, index, client id, call id). */
  static final int ENTRY_FRAMING_BYTES = 1024;

  public RaftSettings {
    Objects.requireNonNull(groupId, "groupId");
    Objects.requireNonNull(selfId, "selfId");
    Objects.requireNonNull(storageDir, "storageDir");
    peers = Map.copyOf(peers);
    if (!peers.containsKey(selfId)) {
      throw new IllegalArgumentException("peers " + peers.keySet() + " do not include this peer " + selfId);
    }
    peers.forEach(RaftSettings::requireHostPort);
    if (electionTimeoutMin.isNegative() || electionTimeoutMin.isZero()
        || electionTimeoutMax.compareTo(electionTimeoutMin) <= 0) {
      throw new IllegalArgumentException("need 0 < electionTimeoutMin < electionTimeoutMax, got "
          + electionTimeoutMin + " and " + electionTimeoutMax);
    }
    if (maxEntryBytes <= 0 || maxEntryBytes > appenderBufferBytes - ENTRY_FRAMING_BYTES) {
      throw new IllegalArgumentException("maxEntryBytes " + maxEntryBytes + " must be in (0, appenderBufferBytes "
          + appenderBufferBytes + " - " + ENTRY_FRAMING_BYTES + "]");
    }
    if (logSegmentBytes < logWriteBufferBytes(appenderBufferBytes)) {
      throw new IllegalArgumentException("logSegmentBytes " + logSegmentBytes + " is below the log write buffer "
          + logWriteBufferBytes(appenderBufferBytes));
    }
    if (snapshotAutoTriggerEntries < 0 || maxInFlight <= 0) {
      throw new IllegalArgumentException("snapshotAutoTriggerEntries must be >= 0 and maxInFlight > 0");
    }
  }

  /** A one-peer group (the embedded default) listening on 127.0.0.1:{@code port}. */
  public static RaftSettings singlePeer(Path storageDir, int port) {
    return new RaftSettings(DEFAULT_GROUP_ID, DEFAULT_PEER_ID, Map.of(DEFAULT_PEER_ID, "127.0.0.1:" + port),
        storageDir, DEFAULT_ELECTION_TIMEOUT_MIN, DEFAULT_ELECTION_TIMEOUT_MAX, DEFAULT_LOG_SEGMENT_BYTES,
        DEFAULT_APPENDER_BUFFER_BYTES, DEFAULT_MAX_ENTRY_BYTES, DEFAULT_SNAPSHOT_AUTO_TRIGGER_ENTRIES,
        DEFAULT_MAX_IN_FLIGHT);
  }

  /** Peer {@code selfId} of a multi-peer group, with the default timeouts and limits. */
  public static RaftSettings peerOf(UUID groupId, String selfId, Map<String, String> peers, Path storageDir) {
    return new RaftSettings(groupId, selfId, peers, storageDir, DEFAULT_ELECTION_TIMEOUT_MIN,
        DEFAULT_ELECTION_TIMEOUT_MAX, DEFAULT_LOG_SEGMENT_BYTES, DEFAULT_APPENDER_BUFFER_BYTES,
        DEFAULT_MAX_ENTRY_BYTES, DEFAULT_SNAPSHOT_AUTO_TRIGGER_ENTRIES, DEFAULT_MAX_IN_FLIGHT);
  }

  public RaftSettings withSnapshotAutoTriggerEntries(long entries) {
    return new RaftSettings(groupId, selfId, peers, storageDir, electionTimeoutMin, electionTimeoutMax,
        logSegmentBytes, appenderBufferBytes, maxEntryBytes, entries, maxInFlight);
  }

  public RaftSettings withMaxInFlight(int limit) {
    return new RaftSettings(groupId, selfId, peers, storageDir, electionTimeoutMin, electionTimeoutMax,
        logSegmentBytes, appenderBufferBytes, maxEntryBytes, snapshotAutoTriggerEntries, limit);
  }

  /** Ratis needs the log write buffer to hold a full appender request plus 8 bytes of framing. */
  public long logWriteBufferBytes() {
    return logWriteBufferBytes(appenderBufferBytes);
  }

  private static long logWriteBufferBytes(long appenderBufferBytes) {
    return appenderBufferBytes + 8;
  }

  /** The host this peer binds and is reached at. */
  public String selfHost() {
    String address = peers.get(selfId);
    return address.substring(0, address.lastIndexOf(':'));
  }

  /** This peer's gRPC port. */
  public int selfPort() {
    String address = peers.get(selfId);
    return Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));
  }

  private static void requireHostPort(String id, String address) {
    int colon = address == null ? -1 : address.lastIndexOf(':');
    boolean valid = colon > 0;
    if (valid) {
      try {
        int port = Integer.parseInt(address.substring(colon + 1));
        valid = port > 0 && port < 65536;
      } catch (NumberFormatException e) {
        valid = false;
      }
    }
    if (!valid) {
      throw new IllegalArgumentException("peer " + id + " address '" + address + "' is not host:port");
    }
  }
}
