package org.targetedmoney.policy.rules;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;
import org.targetedmoney.policy.model.Territory;
import org.targetedmoney.policy.state.Entity;
import org.targetedmoney.policy.state.Entity.AllowancePolicy;
import org.targetedmoney.policy.state.Entity.EnrolmentCount;
import org.targetedmoney.policy.state.Keys;
import org.targetedmoney.policy.state.StateView;

/**
 * Needs, budgets, entitlements and spending per territory: what the committees plan with. Pure functions of
 * the state, so an auditor recomputes the same report. Entitlements come from the enrolment counts (members
 * per territory and household size), never from members one by one.
 */
public final class Planning {
    /** Columns of a row while summing: members, entitled, spent, claims, then one per criterion. */
    private static final int BY_CRITERION = 4;
    private static final int COLUMNS = BY_CRITERION + Limits.MAX_CRITERIA;

    private Planning() {}

    /** One territory's figures for a purpose and an epoch; -1 where nothing was decided (no budget, no needs). */
    public record Row(String territory, long members, long entitledCents, long budgetCents, long needsCents,
                      long spentCents, long claimsCents, List<Long> byCriterionCents) {
        public Row {
            byCriterionCents = List.copyOf(byCriterionCents);
        }
    }

    /** The territory (its whole subtree) and each of its direct sub-territories. */
    public record Report(int purpose, int epoch, int policyVersion, Row total, List<Row> children) {
        public Report {
            children = List.copyOf(children);
        }
    }

    /** The allowance of one member of a territory with a household of a size. */
    @FunctionalInterface
    interface Allowance {
        long of(String territory, int householdSize);
    }

    /** The per-epoch entitlement of the members of each of {@code territories} and of their sub-territories. */
    static TreeMap<String, Long> entitlements(StateView view, Collection<String> territories, Allowance amount) {
        TreeMap<String, Long> out = new TreeMap<>();
        territories.forEach(t -> out.put(t, 0L));
        view.scan(Keys.enrolmentCountsPrefix(), e -> {
            EnrolmentCount ec = (EnrolmentCount) e;
            long cents = Math.multiplyExact(ec.count(), amount.of(ec.territory(), ec.householdSize()));
            for (String t = ec.territory(); t != null; t = Territory.parentOf(t)) {
                Long sum = out.get(t);
                if (sum != null) {
                    out.put(t, Math.addExact(sum, cents));
                }
            }
        });
        return out;
    }

    /** The planning report of {@code territory} for {@code purpose} in {@code epoch}. */
    public static Report report(StateView view, String territory, int purpose, int epoch) {
        Entity.Purpose known = view.purpose(purpose);
        if (known == null || !view.hasTerritory(territory)) {
            throw new IllegalArgumentException("unknown purpose " + purpose + " or territory " + territory);
        }
        AllowancePolicy policy = Policies.inForce(view, known, epoch);
        TreeMap<String, long[]> rows = new TreeMap<>(); // members, entitled, spent, claims, then by criterion
        rows.put(territory, new long[COLUMNS]);
        view.scan(Keys.territoriesPrefix(territory), e -> {
            String code = ((Entity.TerritoryEntry) e).code();
            if (!code.equals(territory) && Territory.covers(territory, code)) {
                rows.putIfAbsent(Territory.childOn(territory, code), new long[COLUMNS]);
            }
        });
        Allowances allowances = Allowances.preloaded(view, purpose);
        view.scan(Keys.enrolmentCountsPrefix(territory), e -> {
            EnrolmentCount ec = (EnrolmentCount) e;
            long cents = policy == null ? 0 : Math.multiplyExact(ec.count(),
                    allowances.amount(policy, ec.territory(), ec.householdSize(), epoch));
            add(rows, territory, ec.territory(), 0, ec.count());
            add(rows, territory, ec.territory(), 1, cents);
        });
        view.scan(Keys.territorySpendingPrefix(epoch, purpose, territory), e -> {
            Entity.TerritorySpending s = (Entity.TerritorySpending) e;
            add(rows, territory, s.territory(), 2, s.spentCents());
            add(rows, territory, s.territory(), 3, s.claimsCents());
            for (int i = 0; i < s.byCriterionCents().size(); i++) {
                add(rows, territory, s.territory(), BY_CRITERION + i, s.byCriterionCents().get(i));
            }
        });
        List<Row> children = new ArrayList<>();
        for (String child : new TreeSet<>(rows.keySet())) {
            if (!child.equals(territory)) {
                children.add(row(view, child, purpose, epoch, rows.get(child)));
            }
        }
        return new Report(purpose, epoch, policy == null ? 0 : policy.version(),
                row(view, territory, purpose, epoch, rows.get(territory)), children);
    }

    /** Adds to the subtree total and to the direct child holding {@code place}; codes merely alike are skipped. */
    private static void add(TreeMap<String, long[]> rows, String territory, String place, int column, long value) {
        if (!Territory.covers(territory, place)) {
            return;
        }
        rows.get(territory)[column] = Math.addExact(rows.get(territory)[column], value);
        if (!place.equals(territory)) {
            long[] child = rows.computeIfAbsent(Territory.childOn(territory, place), k -> new long[COLUMNS]);
            child[column] = Math.addExact(child[column], value);
        }
    }

    private static Row row(StateView view, String territory, int purpose, int epoch, long[] sums) {
        Entity.TerritoryBudget budget = view.territoryBudget(purpose, territory);
        Entity.NeedsAssessment needs = view.needs(purpose, epoch, territory);
        List<Long> byCriterion = new ArrayList<>();
        for (int i = 0; i < view.directoryMeta().criterionCount(); i++) {
            byCriterion.add(sums[BY_CRITERION + i]);
        }
        return new Row(territory, sums[0], sums[1], budget == null ? -1 : budget.amountCentsPerEpoch(),
                needs == null ? -1 : needs.amountCents(), sums[2], sums[3], byCriterion);
    }
}
