package org.targetedmoney.policy.rules;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.targetedmoney.policy.call.Call;
import org.targetedmoney.policy.model.Address;
import org.targetedmoney.policy.model.BodyKind;
import org.targetedmoney.policy.model.Role;
import org.targetedmoney.policy.state.Entity.Account;
import org.targetedmoney.policy.state.Entity.Body;
import org.targetedmoney.policy.state.Entity.GovernanceMeta;

/**
 * Governance bodies: the national body and local committees, each with members and a quorum. A body acts
 * through its own account, which holds the role of its kind, so every rule checks a body's competence
 * exactly as it checks a person's.
 */
final class BodyRules {
    private BodyRules() {}

    static Outcome create(Overlay tx, TxContext ctx, Call.CreateBody c) {
        Outcome.Rejected denied = Auth.require(tx, ctx, Role.AUTHORITY);
        if (denied != null) {
            return denied;
        }
        BodyKind kind = BodyKind.ofCode(c.kind());
        if (kind == null) {
            return Outcome.reject(RejectionCode.INVALID_ARGUMENT, "body kind %d is unknown (0 national, 1 local)",
                    c.kind());
        }
        if (c.name().isEmpty() || c.name().length() > Limits.MAX_NAME_LENGTH) {
            return Outcome.reject(RejectionCode.INVALID_ARGUMENT, "a body name has 1..%d characters",
                    Limits.MAX_NAME_LENGTH);
        }
        if (!tx.hasTerritory(c.territory())) {
            return Outcome.reject(RejectionCode.UNKNOWN_TERRITORY, "territory '%s' is unknown", c.territory());
        }
        Outcome.Rejected invalid = validateMembers(c.members(), c.quorum());
        if (invalid != null) {
            return invalid;
        }
        GovernanceMeta g = tx.governanceMeta();
        if (g.bodyCount() >= Limits.MAX_BODIES) {
            return Outcome.reject(RejectionCode.LIMIT_EXCEEDED, "there are already %d bodies", g.bodyCount());
        }
        int id = g.bodyCount() + 1;
        Account account = Account.ofBody(id, kind, c.territory());
        tx.put(new Body(id, c.name(), c.territory(), kind.code(), c.members(), c.quorum()));
        tx.put(new GovernanceMeta(id, g.proposalCount()));
        tx.put(account);
        tx.emit(new LedgerEvent.BodyCreated(id, account.address(), c.name(), c.territory(), kind.code(), c.quorum(),
                c.members().size()));
        return tx.applied();
    }

    /** Decided by the body itself (one of its proposals) or by the authority. */
    static Outcome setMembers(Overlay tx, TxContext ctx, Call.SetBodyMembers c) {
        Body b = tx.body(c.body());
        if (b == null) {
            return Outcome.reject(RejectionCode.UNKNOWN_BODY, "no body %d", c.body());
        }
        if (!ctx.sender().equals(BodyKind.account(b.id()))) {
            Outcome.Rejected denied = Auth.require(tx, ctx, Role.AUTHORITY);
            if (denied != null) {
                return denied;
            }
        }
        Outcome.Rejected invalid = validateMembers(c.members(), c.quorum());
        if (invalid != null) {
            return invalid;
        }
        Body changed = new Body(b.id(), b.name(), b.territory(), b.kind(), c.members(), c.quorum());
        tx.put(changed);
        tx.emit(new LedgerEvent.BodyMembersChanged(b.id(), c.quorum(), c.members().size()));
        ProposalRules.settleAgenda(tx, ctx, changed);
        return tx.applied();
    }

    private static Outcome.Rejected validateMembers(List<Address> members, int quorum) {
        if (members.isEmpty() || members.size() > Limits.MAX_BODY_MEMBERS) {
            return Outcome.reject(RejectionCode.INVALID_ARGUMENT, "a body has 1..%d members, got %d",
                    Limits.MAX_BODY_MEMBERS, members.size());
        }
        Set<Address> distinct = new HashSet<>(members);
        if (distinct.size() != members.size()) {
            return Outcome.reject(RejectionCode.INVALID_ARGUMENT, "a member is listed twice");
        }
        if (distinct.contains(Address.ZERO)) {
            return Outcome.reject(RejectionCode.INVALID_ARGUMENT, "the zero address cannot be a body member");
        }
        if (quorum < 1 || quorum > members.size()) {
            return Outcome.reject(RejectionCode.INVALID_QUORUM, "quorum %d is outside 1..%d (the number of members)",
                    quorum, members.size());
        }
        return null;
    }
}
