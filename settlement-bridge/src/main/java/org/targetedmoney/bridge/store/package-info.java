/** The bridge's durable store (RocksDB): transactional writes, idempotency keys, the ledger cursor. */
package org.targetedmoney.bridge.store;
