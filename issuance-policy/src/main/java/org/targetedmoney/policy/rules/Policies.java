package org.targetedmoney.policy.rules;

import org.targetedmoney.policy.state.Entity.AllowancePolicy;
import org.targetedmoney.policy.state.Entity.Purpose;
import org.targetedmoney.policy.state.StateView;

/** Which version of a purpose's allowance policy is in force at an epoch. */
public final class Policies {
    private Policies() {}

    /** The latest decided version already effective at {@code epoch}, or null if none. */
    public static AllowancePolicy inForce(StateView view, Purpose purpose, int epoch) {
        for (int v = purpose.policyVersions(); v >= 1; v--) {
            AllowancePolicy p = view.policy(purpose.id(), v);
            if (p.effectiveFromEpoch() <= epoch) {
                return p;
            }
        }
        return null;
    }
}
