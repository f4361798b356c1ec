package org.targetedmoney.policy.rules;

import java.util.regex.Pattern;
import org.targetedmoney.policy.call.Call;
import org.targetedmoney.policy.model.Role;
import org.targetedmoney.policy.state.Entity;
import org.targetedmoney.policy.state.Entity.ClaimsPaid;
import org.targetedmoney.policy.state.Entity.Member;
import org.targetedmoney.policy.state.Entity.Tariff;

/**
 * Entitlement (health at 100 %): no member balance; a conventioned provider files a claim for an act done
 * for an enrolled member, the fund pays it directly (tiers payant) up to the act's tariff, and nothing
 * above it. A member needs no action to be covered: enrolment is enough.
 */
final class ClaimRules {
    static final Pattern ACT_CODE = Limits.ACT_CODE;
    static final Pattern CLAIM_REF = Pattern.compile("[0-9a-f]{64}");

    private ClaimRules() {}

    static Outcome setTariff(Overlay tx, TxContext ctx, Call.SetTariff c) {
        Outcome.Rejected denied = Auth.require(tx, ctx, Role.AUTHORITY);
        if (denied != null) {
            return denied;
        }
        if (tx.purpose(c.purpose()) == null) {
            return Outcome.reject(RejectionCode.UNKNOWN_PURPOSE, "purpose %d is unknown", c.purpose());
        }
        if (!ACT_CODE.matcher(c.actCode()).matches()) {
            return Outcome.reject(RejectionCode.INVALID_ARGUMENT, "act code '%s' must match %s", c.actCode(),
                    ACT_CODE.pattern());
        }
        if (c.maxAmountCents() <= 0 || c.maxAmountCents() > Limits.MAX_TARIFF_CENTS) {
            return Outcome.reject(RejectionCode.INVALID_AMOUNT, "tariff %d cents is outside 1..%d",
                    c.maxAmountCents(), Limits.MAX_TARIFF_CENTS);
        }
        tx.put(new Tariff(c.purpose(), c.actCode(), c.maxAmountCents()));
        tx.emit(new LedgerEvent.TariffSet(c.purpose(), c.actCode(), c.maxAmountCents()));
        return tx.applied();
    }

    static Outcome fileClaim(Overlay tx, TxContext ctx, Call.FileClaim c) {
        Entity.Account provider = tx.account(ctx.sender());
        if (provider == null || !provider.has(Role.PROVIDER)) {
            return Outcome.reject(RejectionCode.FORBIDDEN_ROLE, "%s is not a conventioned provider", ctx.sender());
        }
        Outcome.Rejected refused = checkClaim(tx, ctx, c);
        if (refused != null) {
            return refused;
        }
        ClaimsPaid paid = tx.claimsPaid(c.purpose());
        long claimId = Math.addExact(paid.count(), 1);
        tx.put(new ClaimsPaid(c.purpose(), Math.addExact(paid.paidCents(), c.amountCents()), claimId));
        tx.put(new Entity.ClaimRecord(ctx.sender(), c.claimRefHex(), claimId));
        PlanningRules.recordSpending(tx, ctx, tx.member(c.member()).territory(), ctx.sender(), c.purpose(), 0,
                c.amountCents());
        tx.emit(new LedgerEvent.ClaimPaid(ctx.sender(), c.member(), c.purpose(), c.actCode(), c.amountCents(),
                claimId, c.claimRefHex()));
        return tx.applied();
    }

    private static Outcome.Rejected checkClaim(Overlay tx, TxContext ctx, Call.FileClaim c) {
        if (tx.purpose(c.purpose()) == null) {
            return Outcome.reject(RejectionCode.UNKNOWN_PURPOSE, "purpose %d is unknown", c.purpose());
        }
        Member member = tx.member(c.member());
        if (member == null) {
            return Outcome.reject(RejectionCode.NOT_MEMBER, "%s is not an enrolled member", c.member());
        }
        if (c.member().equals(ctx.sender())) {
            return Outcome.reject(RejectionCode.INVALID_ARGUMENT, "a provider cannot claim for itself");
        }
        if (!CLAIM_REF.matcher(c.claimRefHex()).matches()) {
            return Outcome.reject(RejectionCode.INVALID_ARGUMENT, "a claim reference is 32 bytes");
        }
        Outcome.Rejected convention = PaymentRules.conventionRefusal(tx, ctx, ctx.sender(), c.purpose(), member);
        if (convention != null) {
            return convention;
        }
        Tariff tariff = tx.tariff(c.purpose(), c.actCode());
        if (tariff == null) {
            return Outcome.reject(RejectionCode.NO_TARIFF, "act '%s' has no tariff for %s", c.actCode(),
                    tx.purpose(c.purpose()).symbol());
        }
        if (c.amountCents() <= 0) {
            return Outcome.reject(RejectionCode.INVALID_AMOUNT, "a claim must be positive, got %d", c.amountCents());
        }
        if (c.amountCents() > tariff.maxAmountCents()) {
            return Outcome.reject(RejectionCode.ABOVE_TARIFF, "act '%s' is paid at most %d cents, claimed %d",
                    c.actCode(), tariff.maxAmountCents(), c.amountCents());
        }
        if (tx.get(org.targetedmoney.policy.state.Keys.claimRecord(ctx.sender(), c.claimRefHex())) != null) {
            return Outcome.reject(RejectionCode.DUPLICATE_CLAIM, "claim %s of %s was already paid",
                    c.claimRefHex(), ctx.sender());
        }
        return null;
    }
}
