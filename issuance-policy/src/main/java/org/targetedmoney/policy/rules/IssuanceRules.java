package org.targetedmoney.policy.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.targetedmoney.policy.call.Call;
import org.targetedmoney.policy.model.Role;
import org.targetedmoney.policy.state.Entity;
import org.targetedmoney.policy.state.Entity.AllowancePolicy;
import org.targetedmoney.policy.state.Entity.EnrolmentCount;
import org.targetedmoney.policy.state.Entity.EpochCounters;
import org.targetedmoney.policy.state.Entity.EpochPolicy;
import org.targetedmoney.policy.state.Entity.Meta;
import org.targetedmoney.policy.state.Entity.Purpose;
import org.targetedmoney.policy.state.Entity.PurposeTotals;
import org.targetedmoney.policy.state.Keys;

/**
 * Allowance policies and the opening of epochs. Opening an epoch costs O(purposes x (territories x
 * household sizes + expiry window)), never O(members): members' balances materialise when touched.
 */
final class IssuanceRules {
    private IssuanceRules() {}

    static Outcome setPolicy(Overlay tx, TxContext ctx, Call.SetAllowancePolicy c) {
        Outcome.Rejected denied = Auth.require(tx, ctx, Role.AUTHORITY);
        if (denied != null) {
            return denied;
        }
        Purpose purpose = tx.purpose(c.purpose());
        if (purpose == null) {
            return Outcome.reject(RejectionCode.UNKNOWN_PURPOSE, "purpose %d is unknown", c.purpose());
        }
        Outcome.Rejected invalid = validatePolicy(c);
        if (invalid != null) {
            return invalid;
        }
        int lastOpened = tx.meta().lastOpenedEpoch();
        if (c.effectiveFromEpoch() <= lastOpened) {
            return Outcome.reject(RejectionCode.POLICY_IN_PAST,
                    "epoch %d is already open; a policy can take effect from epoch %d", lastOpened, lastOpened + 1);
        }
        AllowancePolicy latest = purpose.policyVersions() == 0 ? null : tx.policy(c.purpose(), purpose.policyVersions());
        if (latest != null && c.effectiveFromEpoch() < latest.effectiveFromEpoch()) {
            return Outcome.reject(RejectionCode.POLICY_OVERLAP, "version %d of %s already takes effect from epoch %d; "
                    + "a new version takes effect from epoch %d or later", latest.version(), purpose.symbol(),
                    latest.effectiveFromEpoch(), latest.effectiveFromEpoch());
        }
        Outcome.Rejected overBudget = PlanningRules.policyRefusal(tx, c.purpose(), c.amountCentsByHouseholdSize(),
                c.effectiveFromEpoch());
        if (overBudget != null) {
            return overBudget;
        }
        if (purpose.policyVersions() >= Limits.MAX_POLICY_VERSIONS) {
            return Outcome.reject(RejectionCode.LIMIT_EXCEEDED, "purpose %s already has %d policy versions",
                    purpose.symbol(), Limits.MAX_POLICY_VERSIONS);
        }
        int version = purpose.policyVersions() + 1;
        tx.put(new AllowancePolicy(c.purpose(), version, c.effectiveFromEpoch(), c.amountCentsByHouseholdSize(),
                c.expiryEpochs()));
        tx.put(purpose.withPolicyVersions(version));
        tx.emit(new LedgerEvent.PolicyChanged(c.purpose(), version, c.effectiveFromEpoch(),
                c.amountCentsByHouseholdSize(), c.expiryEpochs()));
        return tx.applied();
    }

    private static Outcome.Rejected validatePolicy(Call.SetAllowancePolicy c) {
        List<Long> amounts = c.amountCentsByHouseholdSize();
        if (amounts.isEmpty() || amounts.size() > Limits.MAX_HOUSEHOLD_CLASSES) {
            return Outcome.reject(RejectionCode.INVALID_ARGUMENT, "1..%d amounts by household size, got %d",
                    Limits.MAX_HOUSEHOLD_CLASSES, amounts.size());
        }
        for (long a : amounts) {
            if (a < 0 || a > Limits.MAX_ALLOWANCE_CENTS) {
                return Outcome.reject(RejectionCode.INVALID_AMOUNT, "allowance %d cents is outside 0..%d", a,
                        Limits.MAX_ALLOWANCE_CENTS);
            }
        }
        if (c.expiryEpochs() < 1 || c.expiryEpochs() > Limits.MAX_EXPIRY_EPOCHS) {
            return Outcome.reject(RejectionCode.INVALID_ARGUMENT, "expiry %d epochs is outside 1..%d",
                    c.expiryEpochs(), Limits.MAX_EXPIRY_EPOCHS);
        }
        return null;
    }

    static Outcome openEpoch(Overlay tx, TxContext ctx, Call.OpenEpoch c) {
        Outcome.Rejected denied = Auth.require(tx, ctx, Role.AUTHORITY);
        if (denied != null) {
            return denied;
        }
        Meta meta = tx.meta();
        if (c.epoch() <= meta.lastOpenedEpoch()) {
            return Outcome.reject(RejectionCode.EPOCH_ALREADY_OPEN, "epoch %d is not after the last opened epoch %d",
                    c.epoch(), meta.lastOpenedEpoch());
        }
        if (c.epoch() > ctx.timeEpoch()) {
            return Outcome.reject(RejectionCode.EPOCH_NOT_REACHED, "epoch %d has not begun (block time is in epoch %d)",
                    c.epoch(), ctx.timeEpoch());
        }
        TreeMap<Integer, PurposeTotals> totals = new TreeMap<>();
        expireUpTo(tx, meta.lastOpenedEpoch(), c.epoch(), totals);
        List<EpochPolicy> issuedUnder = issue(tx, meta, c.epoch(), totals);
        totals.values().forEach(tx::put);
        tx.put(new Entity.Epoch(c.epoch(), meta.memberCount(), issuedUnder));
        tx.put(meta.withLastOpenedEpoch(c.epoch()));
        tx.emit(new LedgerEvent.EpochOpened(c.epoch(), meta.memberCount()));
        return tx.applied();
    }

    /** Expires, in O(1) each, the counters of live epochs whose expiry is reached by opening {@code epoch}. */
    private static void expireUpTo(Overlay tx, int lastOpened, int epoch, TreeMap<Integer, PurposeTotals> totals) {
        for (int e = Math.max(0, lastOpened - Limits.MAX_EXPIRY_EPOCHS + 1); e <= lastOpened; e++) {
            Entity.Epoch opened = tx.epoch(e);
            if (opened == null) {
                continue;
            }
            for (EpochPolicy ep : opened.policies()) {
                EpochCounters ctr = tx.epochCounters(e, ep.purpose());
                if (ctr.expired() || ctr.expiresAtEpoch() > epoch) {
                    continue;
                }
                long amount = ctr.unspentCents();
                tx.put(new EpochCounters(e, ep.purpose(), ctr.issuedCents(), ctr.spentCents(), amount,
                        ctr.expiresAtEpoch(), true));
                PurposeTotals t = totals.computeIfAbsent(ep.purpose(), tx::totals);
                totals.put(ep.purpose(), new PurposeTotals(t.purpose(), t.issuedCents(), t.spentCents(),
                        t.redeemedCents(), Math.addExact(t.expiredCents(), amount), t.providerBalancesCents()));
                tx.emit(new LedgerEvent.Expired(e, ep.purpose(), amount));
            }
        }
    }

    private static List<EpochPolicy> issue(Overlay tx, Meta meta, int epoch, TreeMap<Integer, PurposeTotals> totals) {
        List<EnrolmentCount> counts = new ArrayList<>();
        tx.scan(Keys.enrolmentCountsPrefix(), e -> counts.add((EnrolmentCount) e));
        List<EpochPolicy> issuedUnder = new ArrayList<>();
        for (int id = 1; id <= meta.purposeCount(); id++) {
            AllowancePolicy policy = Policies.inForce(tx, tx.purpose(id), epoch);
            if (policy == null) {
                continue;
            }
            Allowances allowances = Allowances.preloaded(tx, id);
            long amount = 0;
            for (EnrolmentCount ec : counts) {
                amount = Math.addExact(amount, Math.multiplyExact(ec.count(),
                        allowances.amount(policy, ec.territory(), ec.householdSize(), epoch)));
            }
            issuedUnder.add(new EpochPolicy(id, policy.version()));
            tx.put(new EpochCounters(epoch, id, amount, 0, 0, epoch + policy.expiryEpochs(), false));
            PurposeTotals t = totals.computeIfAbsent(id, tx::totals);
            totals.put(id, new PurposeTotals(id, Math.addExact(t.issuedCents(), amount), t.spentCents(),
                    t.redeemedCents(), t.expiredCents(), t.providerBalancesCents()));
            tx.emit(new LedgerEvent.Issued(epoch, id, amount, meta.memberCount()));
            PlanningRules.reportOverruns(tx, id, epoch, policy);
        }
        return issuedUnder;
    }
}
