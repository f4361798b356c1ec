package org.targetedmoney.policy.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import org.targetedmoney.policy.LedgerFixture;
import org.targetedmoney.policy.call.Call;
import org.targetedmoney.policy.model.Address;
import org.targetedmoney.policy.state.Entity.Convention;
import org.targetedmoney.policy.state.Entity.DirectoryEntry;
import org.targetedmoney.policy.state.Entity.ProviderProfile;
import org.targetedmoney.policy.state.Keys;
import org.targetedmoney.policy.state.StateView;

/**
 * Whatever the conventions did (moved, suspended, revoked, described again), the index has one live entry
 * per convention, and the pages of any query, put end to end, are exactly what a scan of every convention
 * of the country would list, in the same order, each provider once.
 */
class DirectoryProperties {
    private static final int PROVIDERS = 5;
    private static final List<String> TERRITORIES = List.of("FR", "FR-OCC", "FR-OCC-34", "FR-OCC-34-172",
            "FR-OCC-345", "FR-IDF", "FR-IDF-75");
    private static final List<String> SPECIALTIES = List.of("grocer", "Grocer", "bookshop", "");

    sealed interface Op {}

    record Conventionate(int provider, int territory, List<Integer> purposes) implements Op {}

    record Revoke(int provider, int purpose) implements Op {}

    record Suspend(int provider, int purpose, boolean suspend) implements Op {}

    record Describe(int provider, int specialty, int criteria) implements Op {}

    static Address provider(int i) {
        return LedgerFixture.address(0x2001 + i);
    }

    @Property(tries = 300)
    void pagesEndToEnd_areTheDirectoryOfAFullScan(@ForAll("stories") List<Op> story,
                                                   @ForAll("queries") DirectoryQuery query) throws Exception {
        LedgerFixture l = LedgerFixture.fresh();
        for (String code : List.of("ORGANIC_SUPPLY", "LOCAL_SUPPLY", "LOW_CARBON")) {
            l.ok(LedgerFixture.AUTHORITY, new Call.AddCriterion(code, code));
        }
        l.ok(LedgerFixture.AUTHORITY, new Call.AddTerritory("FR-OCC-345"));
        story.forEach(op -> run(l, op));

        assertIndexConsistent(l.state);
        List<ProviderListing> expected = oracle(l.state, query);
        Statistics.label("providers listed").collect(Math.min(expected.size(), 3));
        assertThat(allPages(l.state, query)).isEqualTo(expected);
    }

    private static void run(LedgerFixture l, Op op) {
        Call call = switch (op) {
            case Conventionate c -> new Call.ConventionProvider(provider(c.provider()), c.purposes(),
                    TERRITORIES.get(c.territory()), 0, 1000);
            case Revoke r -> new Call.RevokeConvention(provider(r.provider()), r.purpose());
            case Suspend s -> s.suspend() ? new Call.SuspendConvention(provider(s.provider()), s.purpose())
                    : new Call.ResumeConvention(provider(s.provider()), s.purpose());
            case Describe d -> new Call.DescribeProvider(provider(d.provider()), "P" + d.provider(),
                    SPECIALTIES.get(d.specialty()), d.criteria());
        };
        l.apply(LedgerFixture.AUTHORITY, call);
    }

    private static List<ProviderListing> allPages(StateView state, DirectoryQuery q) throws InvalidQueryException {
        List<ProviderListing> out = new ArrayList<>();
        DirectoryQuery at = q;
        for (int pages = 0; pages <= PROVIDERS + 1; pages++) {
            DirectoryPage p = ProviderDirectory.query(state, 0, at);
            out.addAll(p.providers());
            if (p.next() == null) {
                return out;
            }
            at = at.withAfter(p.next());
        }
        throw new AssertionError("more pages than providers");
    }

    /** The directory computed from every convention, without the index. */
    private static List<ProviderListing> oracle(StateView state, DirectoryQuery q) {
        Map<Address, List<Convention>> byProvider = new LinkedHashMap<>();
        state.scan(Keys.conventionsPrefix(), e -> {
            Convention c = (Convention) e;
            if (range(q, c.territory()) >= 0 && (q.purpose() == 0 || c.purpose() == q.purpose())) {
                byProvider.computeIfAbsent(c.provider(), p -> new ArrayList<>()).add(c);
            }
        });
        List<Map.Entry<Address, List<Convention>>> selected = new ArrayList<>();
        for (Map.Entry<Address, List<Convention>> e : byProvider.entrySet()) {
            ProviderProfile p = state.providerProfile(e.getKey());
            int mask = p == null ? 0 : p.criteriaMask();
            boolean specialty = q.specialty() == null || (p != null && p.specialty().equalsIgnoreCase(q.specialty()));
            if (specialty && (mask & q.criteriaMask()) == q.criteriaMask()) {
                selected.add(e);
            }
        }
        selected.sort(Comparator.comparing(e -> first(q, e.getValue()), DirectoryProperties::compare));
        return selected.stream().map(e -> listing(state, e.getKey(), e.getValue())).toList();
    }

    private static ProviderListing listing(StateView state, Address provider, List<Convention> conventions) {
        ProviderProfile p = state.providerProfile(provider);
        List<String> criteria = new ArrayList<>();
        for (int id = 0; p != null && id < 3; id++) {
            if ((p.criteriaMask() & 1 << id) != 0) {
                criteria.add(state.criterion(id).code());
            }
        }
        return new ProviderListing(provider, p == null ? null : p.name(), p == null ? null : p.specialty(), criteria,
                conventions.stream().map(c -> new ConventionListing(c.purpose(), state.purpose(c.purpose()).symbol(),
                        c.territory(), c.validFromEpoch(), c.validUntilEpoch(), ConventionStatus.of(c, 0),
                        c.categories())).toList());
    }

    /** Where a provider is listed: its convention that comes first in directory order (range, then key). */
    private static byte[][] first(DirectoryQuery q, List<Convention> conventions) {
        byte[][] best = null;
        for (Convention c : conventions) {
            byte[][] at = {{(byte) range(q, c.territory())},
                    Keys.directoryEntry(c.territory(), c.provider(), c.purpose()).toBytes()};
            best = best == null || compare(at, best) < 0 ? at : best;
        }
        return best;
    }

    private static int compare(byte[][] a, byte[][] b) {
        int r = Integer.compare(a[0][0], b[0][0]);
        return r != 0 ? r : Arrays.compareUnsigned(a[1], b[1]);
    }

    private static int range(DirectoryQuery q, String t) {
        if (t.equals(q.territory())) {
            return 0;
        }
        if (t.startsWith(q.territory() + "-")) {
            return 1;
        }
        if (q.includeCovering() && q.territory().startsWith(t + "-")) {
            return 1 + dashes(q.territory()) - dashes(t);
        }
        return -1;
    }

    private static int dashes(String t) {
        return (int) t.chars().filter(ch -> ch == '-').count();
    }

    private static void assertIndexConsistent(StateView state) {
        List<Convention> conventions = new ArrayList<>();
        state.scan(Keys.conventionsPrefix(), e -> conventions.add((Convention) e));
        List<DirectoryEntry> live = new ArrayList<>();
        state.scan(Keys.directoryPrefix(), e -> {
            if (((DirectoryEntry) e).live()) {
                live.add((DirectoryEntry) e);
            }
        });
        assertThat(live).containsExactlyInAnyOrderElementsOf(conventions.stream()
                .map(c -> new DirectoryEntry(c.territory(), c.provider(), c.purpose(), true)).toList());
    }

    // ---------------------------------------------------------------- generators

    @Provide
    Arbitrary<List<Op>> stories() {
        Arbitrary<Integer> provider = Arbitraries.integers().between(0, PROVIDERS - 1);
        Arbitrary<Integer> purpose = Arbitraries.integers().between(1, 3);
        Arbitrary<Op> op = Arbitraries.frequencyOf(
                Tuple.of(4, Combinators.combine(provider, Arbitraries.integers().between(0, TERRITORIES.size() - 1),
                        purpose.set().ofMinSize(1).ofMaxSize(3).map(s -> List.copyOf(new java.util.TreeSet<>(s))))
                        .as(Conventionate::new)),
                Tuple.of(1, Combinators.combine(provider, purpose).as(Revoke::new)),
                Tuple.of(1, Combinators.combine(provider, purpose, Arbitraries.of(true, false)).as(Suspend::new)),
                Tuple.of(3, Combinators.combine(provider, Arbitraries.integers().between(0, SPECIALTIES.size() - 1),
                        Arbitraries.integers().between(0, 7)).as(Describe::new)));
        return op.list().ofMinSize(8).ofMaxSize(40);
    }

    @Provide
    Arbitrary<DirectoryQuery> queries() {
        // Filters are drawn rarely enough that most queries list someone.
        return Combinators.combine(Arbitraries.of(TERRITORIES), Arbitraries.of(0, 0, 0, 1, 2, 3),
                Arbitraries.of(SPECIALTIES).injectNull(0.75), Arbitraries.of(0, 0, 0, 0, 1, 2, 5),
                Arbitraries.of(true, false), Arbitraries.integers().between(1, 4))
                .as((t, p, s, c, covering, limit) -> new DirectoryQuery(t, p, s, c, covering, limit, null));
    }
}
