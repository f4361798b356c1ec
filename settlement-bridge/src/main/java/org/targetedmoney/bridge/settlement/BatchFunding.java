package org.targetedmoney.bridge.settlement;

/** A batch and what the waterfall did for it (see {@link FundingBook#fundWaiting}). */
public record BatchFunding(Batch batch, FundingOutcome outcome) {}
