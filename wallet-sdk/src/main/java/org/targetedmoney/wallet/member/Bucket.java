package org.targetedmoney.wallet.member;

/** Credit of one epoch, spendable until epoch {@code expiresAtEpoch} is opened. */
public record Bucket(int epoch, long amountCents, int expiresAtEpoch) {}
