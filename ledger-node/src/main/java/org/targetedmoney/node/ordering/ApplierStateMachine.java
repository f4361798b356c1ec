package org.targetedmoney.node.ordering;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import org.apache.ratis.proto.RaftProtos.LogEntryProto;
import org.apache.ratis.protocol.Message;
import org.apache.ratis.protocol.RaftGroupId;
import org.apache.ratis.server.RaftServer;
import org.apache.ratis.server.protocol.TermIndex;
import org.apache.ratis.server.raftlog.RaftLog;
import org.apache.ratis.server.storage.RaftStorage;
import org.apache.ratis.statemachine.SnapshotInfo;
import org.apache.ratis.statemachine.TransactionContext;
import org.apache.ratis.statemachine.impl.BaseStateMachine;
import org.apache.ratis.thirdparty.com.google.protobuf.ByteString;
import org.apache.ratis.util.LifeCycle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bridges Ratis to an {@link EntryApplier}. Ratis calls {@code applyTransaction} from its single
 * state-machine updater thread in log order; snapshots and reloads run on that thread too. Every
 * method that touches the applier also holds this object's lock, so the applier never runs
 * concurrently with itself even if a Ratis version moved one of these calls to another thread.
 *
 * <p>Two positions are tracked: {@code applierIndex}, the last index in the applier's storage, and
 * {@code ratisIndex}, the last index Ratis has handed over since start. After a restart Ratis
 * replays from its latest snapshot, which may lag the applier: entries up to {@code applierIndex}
 * are then acknowledged without being applied again.
 */
final class ApplierStateMachine extends BaseStateMachine {

  private static final Logger LOG = LoggerFactory.getLogger(ApplierStateMachine.class);

  private final EntryApplier applier;
  private final CheckpointSnapshotStore snapshots = new CheckpointSnapshotStore();
  private final AppliedWaiters waiters = new AppliedWaiters();
  private volatile long applierIndex = RaftLog.INVALID_LOG_INDEX;
  private volatile long ratisIndex = RaftLog.INVALID_LOG_INDEX;
  private volatile OrderingException halted;

  ApplierStateMachine(EntryApplier applier) {
    this.applier = applier;
  }

  @Override
  public synchronized void initialize(RaftServer server, RaftGroupId groupId, RaftStorage storage)
      throws IOException {
    super.initialize(server, groupId, storage);
    getLifeCycle().transition(LifeCycle.State.STARTING);
    snapshots.init(storage);
    loadState();
    getLifeCycle().transition(LifeCycle.State.RUNNING);
  }

  /** Ratis pauses the machine before it replaces the snapshot area with one from the leader. */
  @Override
  public synchronized void pause() {
    if (getLifeCycleState() == LifeCycle.State.RUNNING) {
      getLifeCycle().transition(LifeCycle.State.PAUSING);
      getLifeCycle().transition(LifeCycle.State.PAUSED);
    }
  }

  /** Called after a snapshot was installed from the leader: restore the applier from it. */
  @Override
  public synchronized void reinitialize() throws IOException {
    getLifeCycle().transition(LifeCycle.State.STARTING);
    snapshots.reload();
    loadState();
    getLifeCycle().transition(LifeCycle.State.RUNNING);
  }

  /**
   * Brings the applier up to the latest snapshot if its storage is behind it (new peer, installed
   * snapshot, lost state) and sets the positions Ratis resumes from.
   */
  private void loadState() throws IOException {
    LogPosition stored = applier.lastApplied();
    SnapshotInfo snapshot = snapshots.getLatestSnapshot();
    TermIndex snapshotAt = snapshot == null ? TermIndex.INITIAL_VALUE : snapshot.getTermIndex();
    if (snapshot != null && snapshots.applierPositionIn(snapshotAt).index() > stored.index()) {
      LOG.info("Restoring applier (at {}) from snapshot {}", stored, snapshotAt);
      applier.restoreFrom(snapshots.dirOf(snapshotAt));
      stored = applier.lastApplied();
      if (stored.index() > snapshotAt.getIndex()) {
        throw new IOException("applier restored from snapshot " + snapshotAt + " reports " + stored);
      }
    }
    applierIndex = stored.index();
    // Ratis' updater resumes right after the latest snapshot, whatever the applier holds.
    ratisIndex = snapshotAt.getIndex();
    TermIndex fromApplier = TermIndex.valueOf(stored.term(), stored.index());
    setLastAppliedTermIndex(fromApplier.compareTo(snapshotAt) >= 0 ? fromApplier : snapshotAt);
    waiters.applied(getLastAppliedTermIndex().getIndex());
  }

  @Override
  public CompletableFuture<Message> applyTransaction(TransactionContext trx) {
    LogEntryProto entry = trx.getLogEntry();
    applyEntry(entry.getTerm(), entry.getIndex(), entry.getStateMachineLogEntry().getLogData());
    return CompletableFuture.completedFuture(indexMessage(entry.getIndex()));
  }

  private synchronized void applyEntry(long term, long index, ByteString data) {
    ratisIndex = index;
    if (index > applierIndex) {
      try {
        applier.apply(index, term, data.toByteArray());
      } catch (RuntimeException | Error e) {
        // Ratis would log a failed future and go on with the next entry; throwing halts this peer
        // instead, which is right: its state is now unknown and must not diverge silently.
        OrderingException halt = new OrderingException("applier failed on entry " + index + "; peer halted", e);
        halted = halt;
        waiters.failAll(halt);
        throw halt;
      }
      applierIndex = index;
    }
    advance(term, index);
  }

  /** Raft's own entries (configuration, metadata): nothing for the applier, but the index moves. */
  @Override
  public synchronized void notifyTermIndexUpdated(long term, long index) {
    ratisIndex = Math.max(ratisIndex, index);
    advance(term, index);
  }

  /** Moves the last applied position forward; replayed entries below it leave it unchanged. */
  private void advance(long term, long index) {
    if (index > getLastAppliedTermIndex().getIndex()) {
      updateLastAppliedTermIndex(term, index);
      waiters.applied(index);
    }
  }

  @Override
  public synchronized long takeSnapshot() throws IOException {
    TermIndex last = getLastAppliedTermIndex();
    SnapshotInfo latest = snapshots.getLatestSnapshot();
    long latestIndex = latest == null ? RaftLog.INVALID_LOG_INDEX : latest.getIndex();
    if (ratisIndex < last.getIndex()) {
      // Still replaying below what the applier holds: Ratis rejects a snapshot above its own
      // applied index, so wait until the replay has caught up.
      LOG.info("Snapshot deferred: replay at {} is behind applied {}", ratisIndex, last);
      return latestIndex;
    }
    if (latestIndex >= last.getIndex()) {
      return latestIndex;
    }
    try {
      snapshots.create(last, applier.lastApplied(), applier::checkpoint);
    } catch (RuntimeException e) {
      throw new IOException("applier checkpoint for snapshot " + last + " failed", e);
    }
    LOG.info("Snapshot taken at {}", last);
    return last.getIndex();
  }

  @Override
  public CheckpointSnapshotStore getStateMachineStorage() {
    return snapshots;
  }

  /** Why this peer stopped applying, or null while it runs. */
  OrderingException halted() {
    return halted;
  }

  /** Completes once this peer has applied {@code index}. */
  CompletableFuture<Void> awaitApplied(long index) {
    return waiters.await(index);
  }

  @Override
  public void close() throws IOException {
    waiters.failAll(new OrderingException("ordering closed"));
    super.close();
  }

  static Message indexMessage(long index) {
    return Message.valueOf(ByteString.copyFrom(ByteBuffer.allocate(Long.BYTES).putLong(0, index)));
  }

  static long indexOf(Message message) {
    ByteString content = message.getContent();
    if (content.size() != Long.BYTES) {
      throw new OrderingException("unexpected apply reply of " + content.size() + " bytes");
    }
    return content.asReadOnlyByteBuffer().getLong();
  }
}
