package org.targetedmoney.policy.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.targetedmoney.policy.call.Call;
import org.targetedmoney.policy.model.Address;
import org.targetedmoney.policy.model.Role;
import org.targetedmoney.policy.model.Territory;
import org.targetedmoney.policy.state.Entity;
import org.targetedmoney.policy.state.Entity.AllowancePolicy;
import org.targetedmoney.policy.state.Entity.PurposeBudgets;
import org.targetedmoney.policy.state.Entity.TerritoryBudget;

/**
 * Territory budgets (what a purpose may issue per epoch to a territory's members, which policies cannot
 * exceed), needs assessed by committees, and spending per territory for the planning report.
 */
final class PlanningRules {
    private PlanningRules() {}

    static Outcome setBudget(Overlay tx, TxContext ctx, Call.SetTerritoryBudget c) {
        Outcome.Rejected denied = Auth.require(tx, ctx, Role.AUTHORITY);
        if (denied != null) {
            return denied;
        }
        Outcome.Rejected invalid = validate(tx, c.territory(), c.purpose(), c.amountCentsPerEpoch());
        if (invalid != null) {
            return invalid;
        }
        PurposeBudgets list = tx.purposeBudgets(c.purpose());
        TreeSet<String> territories = new TreeSet<>(list.territories());
        if (territories.add(c.territory()) && territories.size() > Limits.MAX_BUDGETS_PER_PURPOSE) {
            return Outcome.reject(RejectionCode.LIMIT_EXCEEDED, "at most %d territory budgets per purpose",
                    Limits.MAX_BUDGETS_PER_PURPOSE);
        }
        TreeMap<String, Long> budgets = budgets(tx, c.purpose());
        budgets.put(c.territory(), c.amountCentsPerEpoch());
        Outcome.Rejected overflow = nestingRefusal(budgets, c.territory());
        if (overflow != null) {
            return overflow;
        }
        Allowances allowances = Allowances.preloaded(tx, c.purpose());
        for (int epoch : changeEpochs(tx, c.purpose(), tx.meta().lastOpenedEpoch() + 1)) {
            AllowancePolicy policy = Policies.inForce(tx, tx.purpose(c.purpose()), epoch);
            Outcome.Rejected exceeded = policy == null ? null : entitlementRefusal(tx,
                    Map.of(c.territory(), c.amountCentsPerEpoch()),
                    (t, size) -> allowances.amount(policy, t, size, epoch), "the policy in force from epoch " + epoch);
            if (exceeded != null) {
                return exceeded;
            }
        }
        tx.put(new TerritoryBudget(c.territory(), c.purpose(), c.amountCentsPerEpoch()));
        tx.put(new PurposeBudgets(c.purpose(), new ArrayList<>(territories)));
        tx.emit(new LedgerEvent.TerritoryBudgetSet(c.territory(), c.purpose(), c.amountCentsPerEpoch()));
        return tx.applied();
    }

    private static Outcome.Rejected validate(Overlay tx, String territory, int purpose, long amountCents) {
        if (tx.purpose(purpose) == null) {
            return Outcome.reject(RejectionCode.UNKNOWN_PURPOSE, "purpose %d is unknown", purpose);
        }
        if (!tx.hasTerritory(territory)) {
            return Outcome.reject(RejectionCode.UNKNOWN_TERRITORY, "territory '%s' is unknown", territory);
        }
        if (amountCents < 0 || amountCents > Limits.MAX_BUDGET_CENTS) {
            return Outcome.reject(RejectionCode.INVALID_AMOUNT, "amount %d cents is outside 0..%d", amountCents,
                    Limits.MAX_BUDGET_CENTS);
        }
        return null;
    }

    private static TreeMap<String, Long> budgets(Overlay tx, int purpose) {
        TreeMap<String, Long> out = new TreeMap<>();
        for (String t : tx.purposeBudgets(purpose).territories()) {
            out.put(t, tx.territoryBudget(purpose, t).amountCentsPerEpoch());
        }
        return out;
    }

    /**
     * The budgets of a territory's nearest budgeted sub-territories must fit in its own: checked for the
     * changed territory and for its nearest budgeted ancestor.
     */
    private static Outcome.Rejected nestingRefusal(TreeMap<String, Long> budgets, String changed) {
        List<String> toCheck = new ArrayList<>(List.of(changed));
        String ancestor = nearestBudgetedAncestor(budgets, changed);
        if (ancestor != null) {
            toCheck.add(ancestor);
        }
        for (String area : toCheck) {
            long inside = 0;
            for (String t : budgets.keySet()) {
                if (!t.equals(area) && Territory.covers(area, t) && area.equals(nearestBudgetedAncestor(budgets, t))) {
                    inside = Math.addExact(inside, budgets.get(t));
                }
            }
            if (inside > budgets.get(area)) {
                return Outcome.reject(RejectionCode.BUDGET_EXCEEDED,
                        "the budgets inside %s add up to %d cents, above its budget of %d cents", area, inside,
                        budgets.get(area));
            }
        }
        return null;
    }

    private static String nearestBudgetedAncestor(TreeMap<String, Long> budgets, String territory) {
        for (String t = Territory.parentOf(territory); t != null; t = Territory.parentOf(t)) {
            if (budgets.containsKey(t)) {
                return t;
            }
        }
        return null;
    }

    /** Refuses when the members of one of {@code budgets}' territories would be entitled to more than its budget. */
    private static Outcome.Rejected entitlementRefusal(Overlay tx, Map<String, Long> budgets, Planning.Allowance amount,
                                                       String what) {
        TreeMap<String, Long> entitled = Planning.entitlements(tx, budgets.keySet(), amount);
        for (Map.Entry<String, Long> e : entitled.entrySet()) {
            if (e.getValue() > budgets.get(e.getKey())) {
                return Outcome.reject(RejectionCode.BUDGET_EXCEEDED,
                        "%s entitles the members of %s to %d cents per epoch, above its budget of %d cents", what,
                        e.getKey(), e.getValue(), budgets.get(e.getKey()));
            }
        }
        return null;
    }

    /** A new allowance policy may not entitle any budgeted territory to more than its budget. */
    static Outcome.Rejected policyRefusal(Overlay tx, int purpose, List<Long> amountCentsByHouseholdSize,
                                          int effectiveFromEpoch) {
        TreeMap<String, Long> budgets = budgets(tx, purpose);
        if (budgets.isEmpty()) {
            return null;
        }
        AllowancePolicy candidate = new AllowancePolicy(purpose, 0, 0, amountCentsByHouseholdSize, 1);
        Allowances allowances = Allowances.preloaded(tx, purpose);
        // The new version is the latest (POLICY_OVERLAP), so it is in force at every later change of modulation.
        for (int epoch : changeEpochs(tx, purpose, effectiveFromEpoch)) {
            Outcome.Rejected exceeded = entitlementRefusal(tx, budgets,
                    (t, size) -> allowances.amount(candidate, t, size, epoch), "this policy, from epoch " + epoch);
            if (exceeded != null) {
                return exceeded;
            }
        }
        return null;
    }

    /**
     * The epochs from {@code from} on at which what a purpose entitles may change: {@code from} itself and
     * every policy version or modulation step already decided after it. Budgets hold at each of them.
     */
    private static TreeSet<Integer> changeEpochs(Overlay tx, int purpose, int from) {
        TreeSet<Integer> epochs = new TreeSet<>(List.of(from));
        for (int v = 1; v <= tx.purpose(purpose).policyVersions(); v++) {
            int e = tx.policy(purpose, v).effectiveFromEpoch();
            if (e > from) {
                epochs.add(e);
            }
        }
        for (String t : tx.modulatedTerritories(purpose).territories()) {
            for (Entity.ModulationStep step : tx.territoryModulation(purpose, t).steps()) {
                if (step.effectiveFromEpoch() > from) {
                    epochs.add(step.effectiveFromEpoch());
                }
            }
        }
        return epochs;
    }

    /** A new modulation may not entitle any budgeted territory to more than its budget under the policy then. */
    static Outcome.Rejected modulationRefusal(Overlay tx, Entity.TerritoryModulation candidate, int from) {
        TreeMap<String, Long> budgets = budgets(tx, candidate.purpose());
        if (budgets.isEmpty()) {
            return null;
        }
        Allowances allowances = Allowances.preloadedWith(tx, candidate.purpose(), candidate);
        for (int epoch : changeEpochs(tx, candidate.purpose(), from)) {
            AllowancePolicy policy = Policies.inForce(tx, tx.purpose(candidate.purpose()), epoch);
            Outcome.Rejected exceeded = policy == null ? null : entitlementRefusal(tx, budgets,
                    (t, size) -> allowances.amount(policy, t, size, epoch), "this modulation, from epoch " + epoch);
            if (exceeded != null) {
                return exceeded;
            }
        }
        return null;
    }

    /** Announces, when an epoch opens, the budgeted territories whose members are entitled to more than the budget. */
    static void reportOverruns(Overlay tx, int purpose, int epoch, AllowancePolicy policy) {
        TreeMap<String, Long> budgets = budgets(tx, purpose);
        if (budgets.isEmpty()) {
            return;
        }
        Allowances allowances = Allowances.preloaded(tx, purpose);
        TreeMap<String, Long> entitled = Planning.entitlements(tx, budgets.keySet(),
                (t, size) -> allowances.amount(policy, t, size, epoch));
        entitled.forEach((territory, cents) -> {
            if (cents > budgets.get(territory)) {
                tx.emit(new LedgerEvent.BudgetOverrun(territory, purpose, epoch, cents, budgets.get(territory)));
            }
        });
    }

    static Outcome recordNeeds(Overlay tx, TxContext ctx, Call.RecordNeeds c) {
        Outcome.Rejected denied = Auth.requireTerritorial(tx, ctx, c.territory());
        if (denied != null) {
            return denied;
        }
        Outcome.Rejected invalid = validate(tx, c.territory(), c.purpose(), c.amountCents());
        if (invalid != null) {
            return invalid;
        }
        if (c.epoch() < 0 || c.note().length() > Limits.MAX_NOTE_LENGTH) {
            return Outcome.reject(RejectionCode.INVALID_ARGUMENT, "epoch %d must be >= 0 and the note at most %d "
                    + "characters", c.epoch(), Limits.MAX_NOTE_LENGTH);
        }
        tx.put(new Entity.NeedsAssessment(c.territory(), c.purpose(), c.epoch(), c.amountCents(), c.note(),
                ctx.sender()));
        tx.emit(new LedgerEvent.NeedsRecorded(c.territory(), c.purpose(), c.epoch(), c.amountCents(), c.note()));
        return tx.applied();
    }

    /**
     * Counts a payment ({@code spentCents}) or a claim paid ({@code claimsCents}) for a member of {@code territory}
     * to {@code provider}, and the part of it that went to providers meeting each criterion.
     */
    static void recordSpending(Overlay tx, TxContext ctx, String territory, Address provider, int purpose,
                               long spentCents, long claimsCents) {
        Entity.ProviderProfile profile = tx.providerProfile(provider);
        tx.put(tx.territorySpending(ctx.timeEpoch(), purpose, territory).plus(spentCents, claimsCents,
                profile == null ? 0 : profile.criteriaMask()));
    }

    /**
     * Credit is materialised at most {@link Limits#MAX_EXPIRY_EPOCHS} epochs back, so only the step in force
     * then and the later ones are ever read again: older ones go, and the step list never fills up for good.
     */
    private static void dropStepsNoLongerNeeded(List<Entity.ModulationStep> steps, int lastOpened) {
        int oldestRead = lastOpened - Limits.MAX_EXPIRY_EPOCHS + 1;
        while (steps.size() > 1 && steps.get(1).effectiveFromEpoch() <= oldestRead) {
            steps.remove(0);
        }
    }

    /** Modulations take effect in a future epoch, like policies, so that credit already issued never changes. */
    static Outcome setModulation(Overlay tx, TxContext ctx, Call.SetModulation c) {
        Outcome.Rejected denied = Auth.require(tx, ctx, Role.AUTHORITY);
        if (denied != null) {
            return denied;
        }
        Outcome.Rejected invalid = validate(tx, c.territory(), c.purpose(), 0);
        if (invalid != null) {
            return invalid;
        }
        if (c.basisPoints() < 0 || c.basisPoints() > Limits.MAX_MODULATION_BPS) {
            return Outcome.reject(RejectionCode.INVALID_ARGUMENT, "modulation %d basis points is outside 0..%d",
                    c.basisPoints(), Limits.MAX_MODULATION_BPS);
        }
        int lastOpened = tx.meta().lastOpenedEpoch();
        if (c.effectiveFromEpoch() <= lastOpened) {
            return Outcome.reject(RejectionCode.POLICY_IN_PAST,
                    "epoch %d is already open; a modulation can take effect from epoch %d", lastOpened, lastOpened + 1);
        }
        Entity.TerritoryModulation old = tx.territoryModulation(c.purpose(), c.territory());
        List<Entity.ModulationStep> steps = new ArrayList<>(old == null ? List.of() : old.steps());
        // Steps stay in effective order: a later decision for an earlier epoch replaces what follows it.
        steps.removeIf(s -> s.effectiveFromEpoch() >= c.effectiveFromEpoch());
        dropStepsNoLongerNeeded(steps, lastOpened);
        steps.add(new Entity.ModulationStep(c.effectiveFromEpoch(), c.basisPoints()));
        TreeSet<String> territories = new TreeSet<>(tx.modulatedTerritories(c.purpose()).territories());
        if (steps.size() > Limits.MAX_MODULATION_STEPS || (territories.add(c.territory())
                && territories.size() > Limits.MAX_MODULATIONS_PER_PURPOSE)) {
            return Outcome.reject(RejectionCode.LIMIT_EXCEEDED, "at most %d modulated territories per purpose and "
                    + "%d changes each", Limits.MAX_MODULATIONS_PER_PURPOSE, Limits.MAX_MODULATION_STEPS);
        }
        Entity.TerritoryModulation candidate = new Entity.TerritoryModulation(c.territory(), c.purpose(), steps);
        Outcome.Rejected exceeded = modulationRefusal(tx, candidate, c.effectiveFromEpoch());
        if (exceeded != null) {
            return exceeded;
        }
        tx.put(candidate);
        tx.put(new Entity.ModulatedTerritories(c.purpose(), new ArrayList<>(territories)));
        tx.emit(new LedgerEvent.ModulationSet(c.territory(), c.purpose(), c.basisPoints(), c.effectiveFromEpoch()));
        return tx.applied();
    }
}
