package org.targetedmoney.bridge.contribution;

import java.time.YearMonth;
import java.util.Objects;

/**
 * A member's monthly contribution to the food social security (seed 003), on the sliding scale. Checked by
 * {@link MemberContributions#validate}.
 *
 * @param contributionId      the sender's id of this contribution (replays carry the same id)
 * @param period              the month contributed for
 * @param memberRef           an opaque reference to the member (e.g. a hash of the member id): never a name, an
 *                            e-mail address or any personal data; only {@code A-Z a-z 0-9 . _ : -} are accepted
 * @param declaredIncomeCents the member's declared monthly income, in cents, >= 0
 * @param paidCents           what the member paid, in cents
 */
public record MemberContribution(String contributionId, YearMonth period, String memberRef, long declaredIncomeCents,
                                 long paidCents) {
    public MemberContribution {
        Objects.requireNonNull(contributionId, "contributionId");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(memberRef, "memberRef");
    }
}
