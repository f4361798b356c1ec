package org.targetedmoney.bridge.contribution;

import java.util.Objects;
import java.util.Optional;

/**
 * The inter-enterprise fund's rules (seed 001): every firm pays {@code rateBasisPoints} of its value added and
 * receives an allowance per full-time equivalent; the two are netted per firm and period.
 *
 * <p>Contribution: {@code floor(rateBasisPoints x valueAddedCents / 10 000)} cents, rounded down so the fund never
 * asks a firm for a fraction of a cent more than the rate says (e.g. 25 % of 123.45 euros = 30.8625 -> 30.86
 * euros). A zero or negative value added (a loss-making month) owes nothing: the fund mutualises a share of value
 * created, it does not refund losses; the firm still receives its allowance for its jobs.
 *
 * <p>Allowance (see {@link AllowanceMode}): {@code floor(allowancePerFteCents x fteHundredths / 100)} cents; with
 * FIXED the rate per FTE is {@code fixedAllowanceCentsPerFte}, with EQUAL_SHARE it is set at period close.
 *
 * @param accountId                 the fund's funding account: firms' net payments credit it, payouts debit it
 * @param rateBasisPoints           share of value added mutualised, 0..10 000 (2 500 = 25 %)
 * @param allowanceMode             FIXED or EQUAL_SHARE
 * @param fixedAllowanceCentsPerFte FIXED: cents per FTE per month, 0..{@link #MAX_FIXED_ALLOWANCE_CENTS_PER_FTE};
 *                                  EQUAL_SHARE: must be 0
 */
public record InterEnterpriseFund(String accountId, int rateBasisPoints, AllowanceMode allowanceMode,
                                  long fixedAllowanceCentsPerFte) {
    public static final int BASIS_POINTS = 10_000;
    /** 1 000 000 euros per FTE per month: a configuration ceiling, not a policy. */
    public static final long MAX_FIXED_ALLOWANCE_CENTS_PER_FTE = 100_000_000L;

    public InterEnterpriseFund {
        Objects.requireNonNull(allowanceMode, "allowanceMode");
        Optional<ContributionRejection> badId = Fields.id("accountId", accountId);
        if (badId.isPresent()) {
            throw new IllegalArgumentException(badId.get().message());
        }
        if (rateBasisPoints < 0 || rateBasisPoints > BASIS_POINTS) {
            throw new IllegalArgumentException("rateBasisPoints must be in 0.." + BASIS_POINTS + ": " + rateBasisPoints);
        }
        if (allowanceMode == AllowanceMode.EQUAL_SHARE && fixedAllowanceCentsPerFte != 0) {
            throw new IllegalArgumentException("EQUAL_SHARE computes the allowance: fixedAllowanceCentsPerFte must be 0");
        }
        if (fixedAllowanceCentsPerFte < 0 || fixedAllowanceCentsPerFte > MAX_FIXED_ALLOWANCE_CENTS_PER_FTE) {
            throw new IllegalArgumentException("fixedAllowanceCentsPerFte must be in 0.."
                    + MAX_FIXED_ALLOWANCE_CENTS_PER_FTE + ": " + fixedAllowanceCentsPerFte);
        }
    }

    /** A fund paying a fixed {@code allowanceCentsPerFte} per FTE per month. */
    public static InterEnterpriseFund fixed(String accountId, int rateBasisPoints, long allowanceCentsPerFte) {
        return new InterEnterpriseFund(accountId, rateBasisPoints, AllowanceMode.FIXED, allowanceCentsPerFte);
    }

    /** A fund sharing what it collects equally per FTE. */
    public static InterEnterpriseFund equalShare(String accountId, int rateBasisPoints) {
        return new InterEnterpriseFund(accountId, rateBasisPoints, AllowanceMode.EQUAL_SHARE, 0);
    }

    /**
     * What a firm owes for {@code valueAddedCents}: 0 if it is not positive, else the floor of rate x value added.
     *
     * @throws ArithmeticException if the product leaves a long (declarations are checked against
     *                             {@link FirmDeclaration#MAX_ABS_VALUE_ADDED_CENTS} first, so it cannot)
     */
    public long contributionCents(long valueAddedCents) {
        if (valueAddedCents <= 0) {
            return 0;
        }
        return Math.multiplyExact(valueAddedCents, (long) rateBasisPoints) / BASIS_POINTS;
    }

    /**
     * FIXED: the allowance for {@code fteHundredths}, floor(cents per FTE x hundredths / 100). Public so that the
     * service can tell a firm its allowance as soon as it declares (with EQUAL_SHARE it is known at close only).
     */
    public long fixedAllowanceCents(long fteHundredths) {
        Invariant.that(allowanceMode == AllowanceMode.FIXED, "fixed allowance asked of a %s fund", allowanceMode);
        return Math.multiplyExact(fixedAllowanceCentsPerFte, fteHundredths) / 100;
    }
}
