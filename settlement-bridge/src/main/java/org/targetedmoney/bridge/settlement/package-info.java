/**
 * Settlement batches per provider and window, netting (gross and net modes), the funding waterfall and
 * reconciliation of bank outcomes. Pure Java: no I/O, no clock, no randomness, long cents with exact arithmetic.
 *
 * <p>How the service drives it:
 * <ol>
 *   <li>{@link org.targetedmoney.bridge.settlement.SettlementWindow#windowOf} puts each ledger line in a window;
 *       once {@link org.targetedmoney.bridge.settlement.WindowId#closedBy} the latest block read,
 *       {@link org.targetedmoney.bridge.settlement.BatchBuilder#build} makes its batches (WAITING_FUNDING).</li>
 *   <li>{@link org.targetedmoney.bridge.settlement.FundingBook#credit} takes contributions and public credits;
 *       {@link org.targetedmoney.bridge.settlement.FundingBook#fundWaiting} funds waiting batches whole or not at
 *       all (FUNDED).</li>
 *   <li>{@link org.targetedmoney.bridge.settlement.Batch#instruct} gives each transfer's end-to-end id and
 *       funding; the pain.001 is written; {@link org.targetedmoney.bridge.settlement.Reconciliation#instruct}
 *       records it (INSTRUCTED).</li>
 *   <li>{@link org.targetedmoney.bridge.settlement.Reconciliation#reconcile} classifies bank outcomes, refunds
 *       rejected and returned attempts to the book, and decides retries (funded again with
 *       {@link org.targetedmoney.bridge.settlement.FundingBook#fundTransfer}) or escalations;
 *       {@link org.targetedmoney.bridge.settlement.Reconciliation#batchState} gives the batch's new state,
 *       checked with {@link org.targetedmoney.bridge.settlement.BatchState#transition}.</li>
 *   <li>Settled: the attestation carries {@link org.targetedmoney.bridge.settlement.Batch#hash()}, the window
 *       and {@link org.targetedmoney.bridge.settlement.Allocation#totalsBySource} of
 *       {@link org.targetedmoney.bridge.settlement.Reconciliation#bookedAllocations}.</li>
 * </ol>
 */
package org.targetedmoney.bridge.settlement;
