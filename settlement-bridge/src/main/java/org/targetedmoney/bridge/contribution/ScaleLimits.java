package org.targetedmoney.bridge.contribution;

/**
 * The range every band's monthly contribution must lie in. The minimum is at least 1 cent: everyone contributes
 * something (the SSA is universal), and a contribution is a positive funding credit.
 *
 * @param minContributionCents lowest monthly contribution, >= 1
 * @param maxContributionCents highest monthly contribution, >= min, <= {@link #CEILING_CENTS}
 */
public record ScaleLimits(long minContributionCents, long maxContributionCents) {
    /** 1 000 000 euros a month: a sanity ceiling for configuration, not a policy. */
    public static final long CEILING_CENTS = 100_000_000L;
    /** The food social security's range (seed 003): 1 EUR to 150 EUR a month. */
    public static final ScaleLimits SSA = new ScaleLimits(100, 15_000);

    public ScaleLimits {
        if (minContributionCents < 1 || minContributionCents > maxContributionCents
                || maxContributionCents > CEILING_CENTS) {
            throw new IllegalArgumentException("need 1 <= minContributionCents <= maxContributionCents <= "
                    + CEILING_CENTS + ": " + minContributionCents + ", " + maxContributionCents);
        }
    }
}
