package org.targetedmoney.policy.rules;

import java.util.List;
import org.targetedmoney.policy.call.Call;
import org.targetedmoney.policy.model.Address;
import org.targetedmoney.policy.model.Role;
import org.targetedmoney.policy.state.Entity;
import org.targetedmoney.policy.state.Entity.Meta;

/**
 * Enrolment by a registrar. The ledger is public, so a member is only an address, a territory and a
 * household size; the registrar keeps the link to the person off-ledger.
 */
final class MembershipRules {
    private MembershipRules() {}

    static Outcome enrol(Overlay tx, TxContext ctx, Call.EnrolMember c) {
        Outcome.Rejected denied = Auth.require(tx, ctx, Role.REGISTRAR);
        if (denied != null) {
            return denied;
        }
        if (c.member().equals(Address.ZERO)) {
            return Outcome.reject(RejectionCode.INVALID_ARGUMENT, "the zero address cannot be a member");
        }
        if (tx.member(c.member()) != null) {
            return Outcome.reject(RejectionCode.ALREADY_ENROLLED, "%s is already enrolled", c.member());
        }
        if (!tx.hasTerritory(c.territory())) {
            return Outcome.reject(RejectionCode.UNKNOWN_TERRITORY, "territory '%s' is unknown", c.territory());
        }
        if (c.householdSize() < 1 || c.householdSize() > Limits.MAX_HOUSEHOLD_SIZE) {
            return Outcome.reject(RejectionCode.INVALID_ARGUMENT, "household size %d is outside 1..%d",
                    c.householdSize(), Limits.MAX_HOUSEHOLD_SIZE);
        }
        Meta meta = tx.meta();
        // Credit starts with the next epoch opened: the current one was issued without this member.
        int firstEpoch = meta.lastOpenedEpoch() + 1;
        tx.put(new Entity.Member(c.member(), c.territory(), c.householdSize(), firstEpoch,
                meta.lastOpenedEpoch(), List.of()));
        long count = tx.enrolmentCount(c.territory(), c.householdSize());
        tx.put(new Entity.EnrolmentCount(c.territory(), c.householdSize(), Math.addExact(count, 1)));
        tx.put(meta.withMemberCount(Math.addExact(meta.memberCount(), 1)));
        tx.emit(new LedgerEvent.MemberEnrolled(c.member(), c.territory(), c.householdSize(), firstEpoch));
        return tx.applied();
    }

    /**
     * Bulk enrolment: all or nothing (one invalid entry rejects the whole list); members already enrolled,
     * before or earlier in the same list, are skipped so that a list can be sent again safely.
     */
    static Outcome enrolAll(Overlay tx, TxContext ctx, Call.EnrolMembers c) {
        Outcome.Rejected denied = Auth.require(tx, ctx, Role.REGISTRAR);
        if (denied != null) {
            return denied;
        }
        if (c.members().isEmpty() || c.members().size() > Limits.MAX_BULK_ENROLMENT) {
            return Outcome.reject(RejectionCode.INVALID_ARGUMENT, "a bulk enrolment lists 1..%d members, got %d",
                    Limits.MAX_BULK_ENROLMENT, c.members().size());
        }
        for (Address member : c.members()) {
            if (tx.member(member) != null) {
                continue;
            }
            Outcome one = enrol(tx, ctx, new Call.EnrolMember(member, c.territory(), c.householdSize()));
            if (one instanceof Outcome.Rejected rejected) {
                return rejected;
            }
        }
        return tx.applied();
    }
}
