package org.targetedmoney.policy.rules;

import org.targetedmoney.policy.call.Call;
import org.targetedmoney.policy.model.Address;
import org.targetedmoney.policy.model.Role;
import org.targetedmoney.policy.state.Entity;
import org.targetedmoney.policy.state.Entity.CapitationClaim;
import org.targetedmoney.policy.state.Entity.ClaimsPaid;
import org.targetedmoney.policy.state.Entity.Member;
import org.targetedmoney.policy.state.Entity.PatientChoice;
import org.targetedmoney.policy.state.Entity.PatientCount;

/**
 * Capitation, the alternative to paying act by act (health at 100 %): a member chooses a provider for a
 * purpose, and the provider is paid a fixed amount per registered patient per epoch, once. Like claims, the
 * units are issued and paid in the same step (counted in ClaimsPaid), and the bridge pays them in euros.
 */
final class CapitationRules {
    private CapitationRules() {}

    static Outcome setRate(Overlay tx, TxContext ctx, Call.SetCapitation c) {
        Outcome.Rejected denied = Auth.require(tx, ctx, Role.AUTHORITY);
        if (denied != null) {
            return denied;
        }
        if (tx.purpose(c.purpose()) == null) {
            return Outcome.reject(RejectionCode.UNKNOWN_PURPOSE, "purpose %d is unknown", c.purpose());
        }
        if (c.amountCentsPerPatient() < 0 || c.amountCentsPerPatient() > Limits.MAX_TARIFF_CENTS) {
            return Outcome.reject(RejectionCode.INVALID_AMOUNT, "capitation %d cents is outside 0..%d",
                    c.amountCentsPerPatient(), Limits.MAX_TARIFF_CENTS);
        }
        tx.put(new Entity.CapitationRate(c.purpose(), c.amountCentsPerPatient()));
        tx.emit(new LedgerEvent.CapitationSet(c.purpose(), c.amountCentsPerPatient()));
        return tx.applied();
    }

    /** The member's own choice; the provider must be one the member could pay for this purpose. */
    static Outcome choose(Overlay tx, TxContext ctx, Call.ChoosePractitioner c) {
        Member member = tx.member(ctx.sender());
        if (member == null) {
            return Outcome.reject(RejectionCode.NOT_MEMBER, "%s is not an enrolled member", ctx.sender());
        }
        if (tx.purpose(c.purpose()) == null) {
            return Outcome.reject(RejectionCode.UNKNOWN_PURPOSE, "purpose %d is unknown", c.purpose());
        }
        Outcome.Rejected refused = PaymentRules.conventionRefusal(tx, ctx, c.provider(), c.purpose(), member);
        if (refused != null) {
            return refused;
        }
        PatientChoice old = tx.patientChoice(ctx.sender(), c.purpose());
        if (old != null && old.provider().equals(c.provider())) {
            return Outcome.reject(RejectionCode.ALREADY_EXISTS, "%s already chose %s", ctx.sender(), c.provider());
        }
        // A first choice counts at once; a move counts from the next epoch, so no epoch pays a patient twice.
        if (old != null) {
            count(tx, old.provider(), c.purpose(), -1, false);
        }
        count(tx, c.provider(), c.purpose(), 1, old == null);
        tx.put(new PatientChoice(ctx.sender(), c.purpose(), c.provider()));
        tx.emit(new LedgerEvent.PractitionerChosen(ctx.sender(), c.provider(), c.purpose(),
                old == null ? Address.ZERO : old.provider()));
        return tx.applied();
    }

    /** Changes the provider's patients from the next epoch on, and this epoch's too if {@code now}. */
    private static void count(Overlay tx, Address provider, int purpose, int delta, boolean now) {
        PatientCount c = tx.patientCount(provider, purpose, tx.meta().lastOpenedEpoch());
        long next = Math.addExact(c.next(), delta);
        long current = now ? Math.addExact(c.current(), delta) : c.current();
        org.targetedmoney.policy.Check.that(next >= 0 && current >= 0, "a patient count is never negative");
        tx.put(new PatientCount(provider, purpose, current, next, c.epoch()));
    }

    /** Paid for the last opened epoch only, on the patients registered before it began, and once. */
    static Outcome claim(Overlay tx, TxContext ctx, Call.ClaimCapitation c) {
        // A convention implies a known purpose, which inForceRefusal names.
        Outcome.Rejected unconventioned = tx.convention(ctx.sender(), c.purpose()) == null
                ? Outcome.reject(RejectionCode.NOT_CONVENTIONED, "%s has no convention for purpose %d", ctx.sender(),
                        c.purpose())
                : PaymentRules.inForceRefusal(tx, ctx.sender(), c.purpose(), c.epoch());
        if (unconventioned != null) {
            return unconventioned;
        }
        Entity.CapitationRate rate = tx.capitationRate(c.purpose());
        if (rate == null || rate.amountCentsPerPatient() == 0) {
            return Outcome.reject(RejectionCode.NO_CAPITATION, "no capitation is paid for purpose %d", c.purpose());
        }
        int current = tx.meta().lastOpenedEpoch();
        if (c.epoch() != current) {
            return Outcome.reject(RejectionCode.INVALID_ARGUMENT, "capitation is claimed for the current epoch %d, "
                    + "not %d", current, c.epoch());
        }
        if (tx.get(org.targetedmoney.policy.state.Keys.capitationClaim(ctx.sender(), c.purpose(), c.epoch())) != null) {
            return Outcome.reject(RejectionCode.DUPLICATE_CLAIM, "the capitation of epoch %d was already paid to %s",
                    c.epoch(), ctx.sender());
        }
        long patients = tx.patientCount(ctx.sender(), c.purpose(), current).current();
        if (patients == 0) {
            return Outcome.reject(RejectionCode.INVALID_AMOUNT, "%s has no registered patient", ctx.sender());
        }
        long amount = Math.multiplyExact(patients, rate.amountCentsPerPatient());
        ClaimsPaid paid = tx.claimsPaid(c.purpose());
        long claimId = Math.addExact(paid.count(), 1);
        tx.put(new ClaimsPaid(c.purpose(), Math.addExact(paid.paidCents(), amount), claimId));
        tx.put(new CapitationClaim(ctx.sender(), c.purpose(), c.epoch(), patients, amount));
        tx.emit(new LedgerEvent.CapitationPaid(ctx.sender(), c.purpose(), c.epoch(), patients, amount, claimId));
        return tx.applied();
    }
}
