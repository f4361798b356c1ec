/**
 * The bridge's journal: every {@link org.targetedmoney.bridge.engine.BridgeInput} in order, encoded as JSON (one
 * explicit, versioned shape per input, readable by a person inspecting the store) and kept in the store; replaying
 * it rebuilds the engine after a restart.
 */
package org.targetedmoney.bridge.journal;
