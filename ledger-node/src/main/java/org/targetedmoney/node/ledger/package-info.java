/**
 * The ledger proper: the single-writer applier that turns Raft entries into stored blocks, and the
 * chain storage on RocksDB with snapshot views for readers.
 */
package org.targetedmoney.node.ledger;
