package org.targetedmoney.policy.rules;

import java.util.ArrayList;
import java.util.List;
import org.targetedmoney.policy.state.Entity.AllowancePolicy;
import org.targetedmoney.policy.state.Entity.Bucket;
import org.targetedmoney.policy.state.Entity.Epoch;
import org.targetedmoney.policy.state.Entity.EpochPolicy;
import org.targetedmoney.policy.state.Entity.Member;
import org.targetedmoney.policy.state.StateView;

/**
 * Lazy issuance seen from one member: the credit a member holds is the stored buckets plus the
 * allowances of every epoch opened since the member was last touched, minus what has expired. Work is
 * bounded by {@link Limits#MAX_EXPIRY_EPOCHS}, whatever the number of members or of untouched months.
 */
public final class MemberCredit {
    private MemberCredit() {}

    /** The live buckets of {@code member}, oldest epoch first (then by purpose). */
    public static List<Bucket> liveBuckets(StateView view, Member member) {
        int lastOpened = view.meta().lastOpenedEpoch();
        List<Bucket> live = new ArrayList<>();
        for (Bucket b : member.buckets()) {
            if (b.expiresAtEpoch() > lastOpened) {
                live.add(b);
            }
        }
        int start = Math.max(Math.max(member.materialisedThroughEpoch() + 1, member.firstEpoch()),
                lastOpened - Limits.MAX_EXPIRY_EPOCHS + 1);
        java.util.Map<Integer, Allowances> allowances = new java.util.TreeMap<>();
        for (int e = start; e <= lastOpened; e++) {
            Epoch epoch = view.epoch(e);
            if (epoch == null) {
                continue;
            }
            for (EpochPolicy ep : epoch.policies()) {
                AllowancePolicy policy = view.policy(ep.purpose(), ep.policyVersion());
                long amount = allowances.computeIfAbsent(ep.purpose(), p -> Allowances.direct(view, p))
                        .amount(policy, member.territory(), member.householdSize(), e);
                int expiresAt = e + policy.expiryEpochs();
                if (amount > 0 && expiresAt > lastOpened) {
                    live.add(new Bucket(e, ep.purpose(), amount, expiresAt));
                }
            }
        }
        return live;
    }

    /** The member's spendable balance for one purpose. */
    public static long balance(StateView view, Member member, int purpose) {
        long sum = 0;
        for (Bucket b : liveBuckets(view, member)) {
            if (b.purpose() == purpose) {
                sum = Math.addExact(sum, b.amountCents());
            }
        }
        return sum;
    }

    /** The member's live buckets of one purpose, oldest first. */
    public static List<Bucket> buckets(StateView view, Member member, int purpose) {
        List<Bucket> out = new ArrayList<>();
        for (Bucket b : liveBuckets(view, member)) {
            if (b.purpose() == purpose) {
                out.add(b);
            }
        }
        return out;
    }
}
