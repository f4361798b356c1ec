/**
 * The bridge's journal: every {@link org.targetedmoney.bridge.engine.BridgeInput} in order, encoded as JSON (one
 * explicit, versioned shape per input, readable by a person inspecting the store) and kept in the store; replaying
 * it rebuilds the engine after a restart. {@link org.targetedmoney.bridge.journal.EngineSnapshots} keeps snapshots
 * of the engine next to it, each written in the commit of the entry it follows, so that a restart restores the
 * newest one and replays only the entries after it.
 */
package org.targetedmoney.bridge.journal;
