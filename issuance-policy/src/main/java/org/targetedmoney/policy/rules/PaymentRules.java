package org.targetedmoney.policy.rules;

import java.util.ArrayList;
import java.util.List;
import org.targetedmoney.policy.Check;
import org.targetedmoney.policy.call.Call;
import org.targetedmoney.policy.model.Role;
import org.targetedmoney.policy.model.Territory;
import org.targetedmoney.policy.state.Entity.Account;
import org.targetedmoney.policy.state.Entity.Bucket;
import org.targetedmoney.policy.state.Entity.Convention;
import org.targetedmoney.policy.state.Entity.EpochCounters;
import org.targetedmoney.policy.state.Entity.Member;
import org.targetedmoney.policy.state.Entity.Meta;
import org.targetedmoney.policy.state.Entity.ProviderBalance;
import org.targetedmoney.policy.state.Entity.PurposeTotals;

/** Payments member -> conventioned provider (oldest credit first), and redemptions by providers. */
final class PaymentRules {
    private PaymentRules() {}

    static Outcome pay(Overlay tx, TxContext ctx, Call.Pay c) {
        Member member = tx.member(ctx.sender());
        if (member == null) {
            return Outcome.reject(RejectionCode.NOT_MEMBER, "%s is not an enrolled member", ctx.sender());
        }
        Outcome.Rejected refused = checkPayable(tx, ctx, c, member);
        if (refused != null) {
            return refused;
        }
        List<Bucket> live = MemberCredit.liveBuckets(tx, member);
        long available = 0;
        for (Bucket b : live) {
            available = b.purpose() == c.purpose() ? Math.addExact(available, b.amountCents()) : available;
        }
        if (available < c.amountCents()) {
            return Outcome.reject(RejectionCode.INSUFFICIENT_BALANCE, "balance %d cents of %s is below %d cents",
                    available, tx.purpose(c.purpose()).symbol(), c.amountCents());
        }
        List<Bucket> remaining = drawOldestFirst(tx, live, c.purpose(), c.amountCents());
        tx.put(new Member(member.address(), member.territory(), member.householdSize(), member.firstEpoch(),
                tx.meta().lastOpenedEpoch(), remaining));
        long providerBalance = tx.providerBalance(c.provider(), c.purpose());
        tx.put(new ProviderBalance(c.provider(), c.purpose(), Math.addExact(providerBalance, c.amountCents())));
        PurposeTotals t = tx.totals(c.purpose());
        tx.put(new PurposeTotals(t.purpose(), t.issuedCents(), Math.addExact(t.spentCents(), c.amountCents()),
                t.redeemedCents(), t.expiredCents(), Math.addExact(t.providerBalancesCents(), c.amountCents())));
        PlanningRules.recordSpending(tx, ctx, member.territory(), c.provider(), c.purpose(), c.amountCents(), 0);
        tx.emit(new LedgerEvent.Payment(ctx.sender(), c.provider(), c.purpose(), c.amountCents(), c.paymentRef(),
                c.category()));
        return tx.applied();
    }

    private static Outcome.Rejected checkPayable(Overlay tx, TxContext ctx, Call.Pay c, Member member) {
        if (c.amountCents() <= 0) {
            return Outcome.reject(RejectionCode.INVALID_AMOUNT, "a payment must be positive, got %d", c.amountCents());
        }
        if (tx.purpose(c.purpose()) == null) {
            return Outcome.reject(RejectionCode.UNKNOWN_PURPOSE, "purpose %d is unknown", c.purpose());
        }
        if (c.provider().equals(ctx.sender())) {
            return Outcome.reject(RejectionCode.INVALID_ARGUMENT, "a member cannot pay itself");
        }
        if (c.category() < 0 || c.category() > tx.purpose(c.purpose()).categoryCount()) {
            return Outcome.reject(RejectionCode.UNKNOWN_CATEGORY, "%s has no category %d",
                    tx.purpose(c.purpose()).symbol(), c.category());
        }
        Outcome.Rejected refused = conventionRefusal(tx, ctx, c.provider(), c.purpose(), member);
        if (refused == null && !tx.convention(c.provider(), c.purpose()).covers(c.category())) {
            return Outcome.reject(RejectionCode.CATEGORY_NOT_CONVENTIONED,
                    "provider %s is conventioned for %s categories %s only, not %s", c.provider(),
                    tx.purpose(c.purpose()).symbol(), tx.convention(c.provider(), c.purpose()).categories(),
                    c.category() == 0 ? "a payment naming no category" : "category " + c.category());
        }
        return refused;
    }

    /**
     * Why {@code provider} may not be paid for {@code purpose} for this member: no convention, revoked, suspended,
     * outside its validity (by block time), or a territory that does not cover the member's. Null if it may.
     */
    static Outcome.Rejected conventionRefusal(Overlay tx, TxContext ctx, org.targetedmoney.policy.model.Address provider,
                                              int purpose, Member member) {
        Outcome.Rejected notInForce = inForceRefusal(tx, provider, purpose, ctx.timeEpoch());
        if (notInForce != null) {
            return notInForce;
        }
        Convention conv = tx.convention(provider, purpose);
        if (!Territory.covers(conv.territory(), member.territory())) {
            return Outcome.reject(RejectionCode.TERRITORY_NOT_COVERED,
                    "provider %s is conventioned for %s in %s, which does not cover the member's territory %s",
                    provider, tx.purpose(purpose).symbol(), conv.territory(), member.territory());
        }
        return null;
    }

    /** Why {@code provider}'s convention for {@code purpose} is not in force at {@code epoch}; null if it is. */
    static Outcome.Rejected inForceRefusal(Overlay tx, org.targetedmoney.policy.model.Address provider, int purpose,
                                           int epoch) {
        Convention conv = tx.convention(provider, purpose);
        String symbol = tx.purpose(purpose).symbol();
        if (conv == null) {
            return Outcome.reject(RejectionCode.NOT_CONVENTIONED, "provider %s has no convention for %s",
                    provider, symbol);
        }
        if (conv.revoked()) {
            return Outcome.reject(RejectionCode.CONVENTION_REVOKED, "the %s convention of %s was revoked",
                    symbol, provider);
        }
        if (conv.suspended()) {
            return Outcome.reject(RejectionCode.CONVENTION_SUSPENDED, "the %s convention of %s is suspended",
                    symbol, provider);
        }
        if (epoch < conv.validFromEpoch() || epoch > conv.validUntilEpoch()) {
            return Outcome.reject(RejectionCode.CONVENTION_NOT_IN_FORCE,
                    "the %s convention of %s is valid in epochs %d..%d, not %d", symbol, provider,
                    conv.validFromEpoch(), conv.validUntilEpoch(), epoch);
        }
        return null;
    }

    /** Spends from the oldest buckets of {@code purpose}; returns every live bucket left, emptied ones dropped. */
    private static List<Bucket> drawOldestFirst(Overlay tx, List<Bucket> live, int purpose, long amount) {
        List<Bucket> remaining = new ArrayList<>(live.size());
        long due = amount;
        for (Bucket b : live) {
            if (b.purpose() != purpose || due == 0) {
                remaining.add(b);
                continue;
            }
            long take = Math.min(due, b.amountCents());
            due -= take;
            EpochCounters ctr = tx.epochCounters(b.epoch(), purpose);
            tx.put(new EpochCounters(ctr.epoch(), purpose, ctr.issuedCents(), Math.addExact(ctr.spentCents(), take),
                    ctr.expiredCents(), ctr.expiresAtEpoch(), ctr.expired()));
            if (take < b.amountCents()) {
                remaining.add(new Bucket(b.epoch(), purpose, b.amountCents() - take, b.expiresAtEpoch()));
            }
        }
        Check.that(due == 0, "a checked balance covers the payment");
        return remaining;
    }

    static Outcome redeem(Overlay tx, TxContext ctx, Call.Redeem c) {
        Account account = tx.account(ctx.sender());
        if (account == null || !account.has(Role.PROVIDER)) {
            return Outcome.reject(RejectionCode.FORBIDDEN_ROLE, "%s is not a conventioned provider", ctx.sender());
        }
        if (tx.purpose(c.purpose()) == null) {
            return Outcome.reject(RejectionCode.UNKNOWN_PURPOSE, "purpose %d is unknown", c.purpose());
        }
        if (c.amountCents() <= 0) {
            return Outcome.reject(RejectionCode.INVALID_AMOUNT, "a redemption must be positive, got %d",
                    c.amountCents());
        }
        long balance = tx.providerBalance(ctx.sender(), c.purpose());
        if (balance < c.amountCents()) {
            return Outcome.reject(RejectionCode.INSUFFICIENT_BALANCE, "provider balance %d cents is below %d cents",
                    balance, c.amountCents());
        }
        tx.put(new ProviderBalance(ctx.sender(), c.purpose(), balance - c.amountCents()));
        PurposeTotals t = tx.totals(c.purpose());
        tx.put(new PurposeTotals(t.purpose(), t.issuedCents(), t.spentCents(),
                Math.addExact(t.redeemedCents(), c.amountCents()), t.expiredCents(),
                t.providerBalancesCents() - c.amountCents()));
        Meta meta = tx.meta();
        tx.put(meta.withNextRedemptionId(meta.nextRedemptionId() + 1));
        tx.emit(new LedgerEvent.Redeemed(ctx.sender(), c.purpose(), c.amountCents(), meta.nextRedemptionId()));
        return tx.applied();
    }
}
