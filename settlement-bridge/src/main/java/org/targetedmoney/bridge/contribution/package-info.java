/**
 * Contributions as data: employers' declarations to the inter-enterprise fund (rate x value added against an
 * equal allowance per full-time equivalent, netted per firm and period), members' sliding-scale contributions,
 * and public account credits with their earmarks. Pure Java: no I/O beyond parsing given bytes, no clock (the
 * caller passes "now" as the month of the ledger's latest block), long cents with exact arithmetic.
 *
 * <p>Entry points: {@link org.targetedmoney.bridge.contribution.FundPeriod} (declarations, corrections, replays,
 * then a {@link org.targetedmoney.bridge.contribution.FundSettlement} with the firms' credits and payouts),
 * {@link org.targetedmoney.bridge.contribution.MemberContributions} with a
 * {@link org.targetedmoney.bridge.contribution.SlidingScale},
 * {@link org.targetedmoney.bridge.contribution.PublicCredits} with the declared
 * {@link org.targetedmoney.bridge.contribution.PublicAccounts}; all three share a
 * {@link org.targetedmoney.bridge.contribution.ContributionCalendar}. Refusals are
 * {@link org.targetedmoney.bridge.contribution.ContributionRejection} values with stable codes.
 */
package org.targetedmoney.bridge.contribution;
