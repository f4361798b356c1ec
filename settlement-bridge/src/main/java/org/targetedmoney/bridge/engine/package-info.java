/**
 * The bridge as a deterministic state machine: every input (lines read from the ledger, funding credits, bank
 * outcomes, payment cuts, cut-offs, attestations, firms' declarations to the inter-enterprise fund) is journaled,
 * then applied by {@link org.targetedmoney.bridge.engine.BridgeEngine}; the state is a function of the journal, so
 * a restart replays it and reaches the same state. Pure Java: no I/O, no clock (times come in the inputs), no
 * randomness.
 */
package org.targetedmoney.bridge.engine;
