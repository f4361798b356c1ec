package org.targetedmoney.policy.rules;

import java.util.ArrayList;
import java.util.List;
import org.targetedmoney.policy.Check;
import org.targetedmoney.policy.state.Entity;
import org.targetedmoney.policy.state.Entity.Bucket;
import org.targetedmoney.policy.state.Entity.EpochCounters;
import org.targetedmoney.policy.state.Entity.PurposeTotals;
import org.targetedmoney.policy.state.Keys;
import org.targetedmoney.policy.state.StateView;

/**
 * Conservation of units: for each purpose, issued = member balances + provider balances + redeemed +
 * expired. {@link #checkTotals} runs on every write (cheap, counters only); {@link #check} recomputes
 * every balance from scratch (O(members), for tests, the RPC and the auditor).
 */
public final class Conservation {
    private Conservation() {}

    /** The figures of one purpose, recomputed; {@code problems} is empty when conservation holds. */
    public record PurposeReport(int purpose, String symbol, long issuedCents, long spentCents, long redeemedCents,
                                long expiredCents, long providerBalancesCents, long memberBalancesCents,
                                List<String> problems) {
        public PurposeReport {
            problems = List.copyOf(problems);
        }

        public boolean holds() {
            return problems.isEmpty();
        }
    }

    static void checkTotals(PurposeTotals t) {
        Check.that(t.issuedCents() >= 0 && t.spentCents() >= 0 && t.redeemedCents() >= 0 && t.expiredCents() >= 0
                && t.providerBalancesCents() >= 0, "totals of purpose %d are non-negative: %s", t.purpose(), t);
        Check.that(t.spentCents() == t.providerBalancesCents() + t.redeemedCents(),
                "purpose %d: spent = provider balances + redeemed (%s)", t.purpose(), t);
        Check.that(t.memberBalancesCents() >= 0, "purpose %d: spent + expired <= issued (%s)", t.purpose(), t);
    }

    static void checkCounters(EpochCounters c) {
        Check.that(c.spentCents() >= 0 && c.expiredCents() >= 0 && c.unspentCents() >= 0,
                "epoch %d purpose %d: spent + expired <= issued (%s)", c.epoch(), c.purpose(), c);
        Check.that(!c.expired() || c.unspentCents() == 0, "an expired epoch has nothing unspent (%s)", c);
    }

    /** Recomputes every purpose's balances from members, providers and counters. */
    public static List<PurposeReport> check(StateView view) {
        int purposes = view.meta().purposeCount();
        long[] members = new long[purposes + 1];
        long[] providers = new long[purposes + 1];
        long[] liveUnspent = new long[purposes + 1];
        view.scan(Keys.membersPrefix(), e -> {
            for (Bucket b : MemberCredit.liveBuckets(view, (Entity.Member) e)) {
                members[b.purpose()] = Math.addExact(members[b.purpose()], b.amountCents());
            }
        });
        view.scan(Keys.providerBalancesPrefix(), e -> {
            Entity.ProviderBalance b = (Entity.ProviderBalance) e;
            providers[b.purpose()] = Math.addExact(providers[b.purpose()], b.amountCents());
        });
        view.scan(Keys.epochCountersPrefix(), e -> {
            EpochCounters c = (EpochCounters) e;
            liveUnspent[c.purpose()] = Math.addExact(liveUnspent[c.purpose()], c.unspentCents());
        });
        List<PurposeReport> reports = new ArrayList<>(purposes);
        for (int p = 1; p <= purposes; p++) {
            reports.add(report(view, p, members[p], providers[p], liveUnspent[p]));
        }
        return reports;
    }

    private static PurposeReport report(StateView view, int p, long members, long providers, long liveUnspent) {
        PurposeTotals t = view.totals(p);
        List<String> problems = new ArrayList<>();
        long accounted = Math.addExact(Math.addExact(members, providers),
                Math.addExact(t.redeemedCents(), t.expiredCents()));
        if (t.issuedCents() != accounted) {
            problems.add("issued " + t.issuedCents() + " != members " + members + " + providers " + providers
                    + " + redeemed " + t.redeemedCents() + " + expired " + t.expiredCents());
        }
        if (providers != t.providerBalancesCents()) {
            problems.add("provider balances sum to " + providers + ", totals say " + t.providerBalancesCents());
        }
        if (members != liveUnspent) {
            problems.add("member balances sum to " + members + ", unexpired epoch counters say " + liveUnspent);
        }
        return new PurposeReport(p, view.purpose(p).symbol(), t.issuedCents(), t.spentCents(), t.redeemedCents(),
                t.expiredCents(), providers, members, problems);
    }
}
