package org.targetedmoney.bridge.contribution;

/** How the inter-enterprise fund sets the monthly allowance per full-time equivalent. */
public enum AllowanceMode {
    /**
     * A configured amount per FTE. The fund may then collect more than it pays (a surplus, carried as its
     * balance) or less (a shortfall: a negative balance carried out, reported by the settlement).
     */
    FIXED,
    /**
     * Everything collected (plus what the last period carried) is shared equally per hundredth of FTE; the
     * remainder of the division, less than one cent per hundredth of FTE, is carried to the next period.
     */
    EQUAL_SHARE
}
