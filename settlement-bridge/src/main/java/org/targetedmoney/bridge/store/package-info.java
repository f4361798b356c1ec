/**
 * The bridge's durable store (RocksDB): transactional writes, idempotency keys, the ledger cursor.
 *
 * <p>{@link org.targetedmoney.bridge.store.BridgeStore} is one data directory with a column family per kind of
 * record ({@link org.targetedmoney.bridge.store.Family}); every commit is one synced write batch, so it is on
 * disk when it returns and a crash never leaves half of it. Reads come from any thread; writes go through the
 * service's single {@link org.targetedmoney.bridge.store.BridgeWriter} (one thread, group commit), where a
 * unit of work reads through its own staged writes ({@link org.targetedmoney.bridge.store.Writes#get}) and
 * numbers records with durable {@link org.targetedmoney.bridge.store.Sequence}s.
 * {@link org.targetedmoney.bridge.store.IdempotencyKeys} records the first answer to each idempotency key in
 * the same commit as the change it answers; {@link org.targetedmoney.bridge.store.RejectedInputs} keeps refused
 * inputs for inspection. Values of other packages are stored as JSON ({@link org.targetedmoney.bridge.store.Json}).
 */
package org.targetedmoney.bridge.store;
