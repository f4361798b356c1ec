package org.targetedmoney.policy.rules;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.targetedmoney.policy.model.Territory;
import org.targetedmoney.policy.state.Entity.AllowancePolicy;
import org.targetedmoney.policy.state.Entity.TerritoryModulation;
import org.targetedmoney.policy.state.StateView;

/**
 * A member's allowance for one epoch: the policy's amount for the household size, modulated by the
 * territory. Issuance totals, a member's materialised credit, budgets and planning all compute it here,
 * so that what is issued is exactly what members hold (conservation).
 */
public final class Allowances {
    /** Basis points that leave an allowance unchanged. */
    public static final int NEUTRAL_BPS = 10_000;

    private static final Allowances NONE = new Allowances(t -> null);

    private final Function<String, TerritoryModulation> lookup;

    private Allowances(Function<String, TerritoryModulation> lookup) {
        this.lookup = lookup;
    }

    /** For one member: reads the few ancestors of its territory, caching them for this computation. */
    public static Allowances direct(StateView view, int purpose) {
        if (view.modulatedTerritories(purpose).territories().isEmpty()) {
            return NONE; // the common case costs one read, not one per ancestor
        }
        Map<String, TerritoryModulation> seen = new HashMap<>();
        Map<String, Boolean> absent = new HashMap<>();
        return new Allowances(t -> {
            if (absent.containsKey(t)) {
                return null;
            }
            TerritoryModulation m = seen.computeIfAbsent(t, k -> view.territoryModulation(purpose, k));
            if (m == null) {
                absent.put(t, true);
            }
            return m;
        });
    }

    /** For every territory at once (issuance, budgets, planning): loads the purpose's modulations once. */
    public static Allowances preloaded(StateView view, int purpose) {
        Map<String, TerritoryModulation> all = new HashMap<>();
        for (String t : view.modulatedTerritories(purpose).territories()) {
            all.put(t, view.territoryModulation(purpose, t));
        }
        return new Allowances(all::get);
    }

    /** The same, with {@code candidate} in place of the stored modulation of its territory (to check it first). */
    static Allowances preloadedWith(StateView view, int purpose, TerritoryModulation candidate) {
        Allowances base = preloaded(view, purpose);
        return new Allowances(t -> t.equals(candidate.territory()) ? candidate : base.lookup.apply(t));
    }

    /** The basis points in force at {@code epoch} for members of {@code territory}: the nearest modulated ancestor. */
    public int basisPointsAt(String territory, int epoch) {
        for (String t = territory; t != null; t = Territory.parentOf(t)) {
            TerritoryModulation m = lookup.apply(t);
            int bps = m == null ? -1 : m.basisPointsAt(epoch);
            if (bps >= 0) {
                return bps;
            }
        }
        return NEUTRAL_BPS;
    }

    /** The allowance of a member of {@code territory} with a household of {@code size} at {@code epoch}. */
    public long amount(AllowancePolicy policy, String territory, int size, int epoch) {
        return Math.multiplyExact(policy.amountFor(size), basisPointsAt(territory, epoch)) / NEUTRAL_BPS;
    }
}
