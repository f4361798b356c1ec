package org.targetedmoney.policy.rules;

import org.targetedmoney.policy.model.Role;
import org.targetedmoney.policy.model.Territory;
import org.targetedmoney.policy.state.Entity.Account;
import org.targetedmoney.policy.state.StateView;

/** Role checks shared by the rules. Each returns null when allowed, or the rejection to return. */
final class Auth {
    private Auth() {}

    static Outcome.Rejected require(StateView view, TxContext ctx, Role role) {
        Account a = view.account(ctx.sender());
        if (a == null || !a.has(role)) {
            return Outcome.reject(RejectionCode.FORBIDDEN_ROLE, "%s does not have the %s role", ctx.sender(), role);
        }
        return null;
    }

    /** The authority may act anywhere; a committee only within (or below) its own territory. */
    static Outcome.Rejected requireTerritorial(StateView view, TxContext ctx, String territory) {
        Account a = view.account(ctx.sender());
        if (a != null && a.has(Role.AUTHORITY)) {
            return null;
        }
        if (a == null || !a.has(Role.COMMITTEE)) {
            return Outcome.reject(RejectionCode.FORBIDDEN_ROLE,
                    "%s is neither the AUTHORITY nor a COMMITTEE", ctx.sender());
        }
        if (a.scopeTerritory() == null || !Territory.covers(a.scopeTerritory(), territory)) {
            return Outcome.reject(RejectionCode.OUT_OF_SCOPE, "committee %s of %s cannot act in %s",
                    ctx.sender(), a.scopeTerritory(), territory);
        }
        return null;
    }
}
