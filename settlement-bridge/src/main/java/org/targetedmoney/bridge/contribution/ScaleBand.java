package org.targetedmoney.bridge.contribution;

/**
 * One band of a sliding scale: from {@code incomeFromCents} of monthly income (inclusive) up to the next band's
 * floor, a member contributes {@code contributionCents} a month. Checked as part of a whole scale
 * ({@link SlidingScale#of}).
 */
public record ScaleBand(long incomeFromCents, long contributionCents) {}
