/**
 * Total ordering and replication of opaque entries on Apache Ratis (Raft).
 *
 * <p>{@link org.targetedmoney.node.ordering.RaftOrdering} runs one Raft peer over gRPC and a
 * client that submits entries to the group's leader, with a bounded number in flight. Committed
 * entries reach the node's {@link org.targetedmoney.node.ordering.EntryApplier} on one thread, in
 * log order, exactly once per index across restarts: the applier stores its last applied
 * {@link org.targetedmoney.node.ordering.LogPosition} together with its state, and entries at or
 * below it are skipped when Ratis replays its log. Snapshots are the applier's RocksDB checkpoints,
 * kept in Ratis' state machine directory so that Ratis can send them to lagging followers.
 *
 * <p>Raft tolerates crashed peers, not lying ones; block seals and the auditor's replay cover that.
 * The package knows nothing of blocks or money: an entry is a byte array.
 */
package org.targetedmoney.node.ordering;
