/**
 * Byte-level durable storage on RocksDB for the ledger node.
 *
 * <p>{@link org.targetedmoney.node.storage.KvStore} opens one RocksDB with a fixed set of column
 * families named by a caller-defined enum, commits a {@link org.targetedmoney.node.storage.WriteSet}
 * atomically (the node writes one per block, so a crash never leaves half a block), reads point
 * keys and key ranges, pins consistent {@link org.targetedmoney.node.storage.ReadView}s for RPC and
 * makes checkpoints that a node restores from. It knows nothing of blocks or money: keys and values
 * are opaque byte arrays ordered bytewise (unsigned).
 */
package org.targetedmoney.node.storage;
