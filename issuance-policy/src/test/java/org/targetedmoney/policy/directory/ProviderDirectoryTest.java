package org.targetedmoney.policy.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.targetedmoney.policy.LedgerFixture.AUTHORITY;
import static org.targetedmoney.policy.LedgerFixture.BOOKSHOP;
import static org.targetedmoney.policy.LedgerFixture.CULTURE;
import static org.targetedmoney.policy.LedgerFixture.DOCTOR;
import static org.targetedmoney.policy.LedgerFixture.FOOD;
import static org.targetedmoney.policy.LedgerFixture.GROCER;
import static org.targetedmoney.policy.LedgerFixture.HEALTH;
import static org.targetedmoney.policy.LedgerFixture.PARIS_MARKET;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.targetedmoney.policy.LedgerFixture;
import org.targetedmoney.policy.call.Call;
import org.targetedmoney.policy.model.Address;
import org.targetedmoney.policy.state.Entity;
import org.targetedmoney.policy.state.MemoryState;

/**
 * The map of conventioned providers: who serves a territory, for what, with which attested criteria, and
 * whether each convention can be paid now; page after page, each provider once.
 */
class ProviderDirectoryTest {
    static final int ORGANIC = 0;
    static final int LOCAL = 1;
    static final int SOCIAL = 2;
    static final int LOW_CARBON = 3;
    /** A cooperative conventioned for the whole country. */
    static final Address NATIONAL_COOP = LedgerFixture.address(0x2005);
    /** A shop of FR-OCC-345, whose code starts like FR-OCC-34's without being under it. */
    static final Address SIBLING_SHOP = LedgerFixture.address(0x2006);

    private final LedgerFixture ledger = map(LedgerFixture.fresh());

    /**
     * The grocer (FOOD, Hérault; organic and local), the bookshop (CULTURE, Sète; social economy), the Paris
     * market (FOOD, Paris; organic, low carbon), the doctor (HEALTH, Occitanie; not described), a national
     * cooperative (FOOD, France; local) and a shop of FR-OCC-345 (FOOD).
     */
    static LedgerFixture map(LedgerFixture l) {
        for (String code : List.of("ORGANIC_SUPPLY", "LOCAL_SUPPLY", "SOCIAL_ECONOMY", "LOW_CARBON")) {
            l.ok(AUTHORITY, new Call.AddCriterion(code, code.toLowerCase()));
        }
        l.ok(AUTHORITY, new Call.AddTerritory("FR-OCC-345"));
        l.convention(GROCER, "FR-OCC-34", FOOD).convention(BOOKSHOP, "FR-OCC-34-172", CULTURE)
                .convention(PARIS_MARKET, "FR-IDF-75", FOOD).convention(DOCTOR, "FR-OCC", HEALTH)
                .convention(NATIONAL_COOP, "FR", FOOD).convention(SIBLING_SHOP, "FR-OCC-345", FOOD);
        describe(l, GROCER, "Épicerie du port", "grocer", ORGANIC, LOCAL);
        describe(l, BOOKSHOP, "Librairie du canal", "bookshop", SOCIAL);
        describe(l, PARIS_MARKET, "Marché d'Aligre", "market gardener", ORGANIC, LOW_CARBON);
        describe(l, NATIONAL_COOP, "Coopérative nationale", "Grocer", LOCAL);
        describe(l, SIBLING_SHOP, "Boutique", "grocer");
        return l;
    }

    static void describe(LedgerFixture l, Address provider, String name, String specialty, int... criteria) {
        int mask = 0;
        for (int c : criteria) {
            mask |= 1 << c;
        }
        l.ok(AUTHORITY, new Call.DescribeProvider(provider, name, specialty, mask));
    }

    private DirectoryPage page(DirectoryQuery q) throws InvalidQueryException {
        return ProviderDirectory.query(ledger.state, ledger.timeEpoch(), q);
    }

    private List<Address> addresses(DirectoryQuery q) throws InvalidQueryException {
        return page(q).providers().stream().map(ProviderListing::address).toList();
    }

    @Test
    void aTerritory_listsItsProvidersThenThoseBelowIt_notASiblingWithALongerCode() throws Exception {
        DirectoryPage p = page(DirectoryQuery.of("FR-OCC-34"));

        assertThat(p.providers()).extracting(ProviderListing::address).containsExactly(GROCER, BOOKSHOP);
        assertThat(p.next()).isNull();
        assertThat(p.providers().get(0)).isEqualTo(new ProviderListing(GROCER, "Épicerie du port", "grocer",
                List.of("ORGANIC_SUPPLY", "LOCAL_SUPPLY"), List.of(new ConventionListing(FOOD, "FOOD", "FR-OCC-34", 0,
                        1000, ConventionStatus.IN_FORCE, List.of()))));
    }

    @Test
    void includeCovering_addsTheProvidersAboveTheTerritory_nearestFirst() throws Exception {
        assertThat(addresses(DirectoryQuery.of("FR-OCC-34-172").withCovering(true)))
                .containsExactly(BOOKSHOP, GROCER, DOCTOR, NATIONAL_COOP);
        assertThat(addresses(DirectoryQuery.of("FR-OCC-34-172"))).containsExactly(BOOKSHOP);
    }

    @Test
    void purpose_keepsTheConventionsOfThatPurposeOnly() throws Exception {
        assertThat(addresses(DirectoryQuery.of("FR-OCC-34").withCovering(true).withPurpose(FOOD)))
                .containsExactly(GROCER, NATIONAL_COOP);
        assertThat(addresses(DirectoryQuery.of("FR").withPurpose(HEALTH))).containsExactly(DOCTOR);
    }

    @Test
    void specialty_matchesExactlyWhateverTheCase() throws Exception {
        assertThat(addresses(DirectoryQuery.of("FR").withSpecialty("GROCER")))
                .containsExactlyInAnyOrder(GROCER, NATIONAL_COOP, SIBLING_SHOP);
        assertThat(addresses(DirectoryQuery.of("FR").withSpecialty("groc"))).isEmpty();
        assertThat(addresses(DirectoryQuery.of("FR").withSpecialty("")))
                .as("an empty specialty asks for providers described without one").isEmpty();
    }

    @Test
    void criteria_keepsProvidersMeetingThemAll() throws Exception {
        assertThat(addresses(DirectoryQuery.of("FR").withCriteria(1 << ORGANIC)))
                .containsExactlyInAnyOrder(GROCER, PARIS_MARKET);
        assertThat(addresses(DirectoryQuery.of("FR").withCriteria(1 << ORGANIC | 1 << LOW_CARBON)))
                .containsExactly(PARIS_MARKET);
    }

    @Test
    void anUndescribedProvider_isListedWithoutNameOrCriteria_butNotWhenTheyAreAskedFor() throws Exception {
        ProviderListing doctor = page(DirectoryQuery.of("FR-OCC")).providers().get(0);

        assertThat(doctor).isEqualTo(new ProviderListing(DOCTOR, null, null, List.of(), List.of(
                new ConventionListing(HEALTH, "HEALTH", "FR-OCC", 0, 1000, ConventionStatus.IN_FORCE, List.of()))));
        assertThat(addresses(DirectoryQuery.of("FR-OCC").withPurpose(HEALTH).withSpecialty("doctor"))).isEmpty();
        assertThat(addresses(DirectoryQuery.of("FR-OCC").withPurpose(HEALTH).withCriteria(1))).isEmpty();
    }

    @Test
    void eachConvention_showsItsStatus() throws Exception {
        ledger.convention(GROCER, "FR-OCC-34", CULTURE);
        ledger.ok(AUTHORITY, new Call.ConventionProvider(GROCER, List.of(HEALTH), "FR-OCC-34", 5, 9));
        ledger.ok(AUTHORITY, new Call.SuspendConvention(GROCER, CULTURE));
        ledger.ok(AUTHORITY, new Call.RevokeConvention(GROCER, FOOD));

        List<ConventionListing> conventions = page(DirectoryQuery.of("FR-OCC-34")).providers().get(0).conventions();

        assertThat(conventions).extracting(ConventionListing::purpose, ConventionListing::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple(FOOD, ConventionStatus.REVOKED),
                org.assertj.core.groups.Tuple.tuple(HEALTH, ConventionStatus.NOT_IN_FORCE),
                org.assertj.core.groups.Tuple.tuple(CULTURE, ConventionStatus.SUSPENDED));
        ledger.atEpoch(5);
        assertThat(page(DirectoryQuery.of("FR-OCC-34").withPurpose(HEALTH)).providers().get(0).conventions().get(0)
                .status().label()).isEqualTo("in force");
    }

    @Test
    void aProviderWithSeveralConventions_isListedOnce_withThoseInTheQuery() throws Exception {
        ledger.convention(GROCER, "FR-OCC-34-172", CULTURE);
        ledger.convention(GROCER, "FR-IDF-75", HEALTH);

        List<ProviderListing> listed = page(DirectoryQuery.of("FR-OCC-34")).providers();

        assertThat(listed).extracting(ProviderListing::address).containsExactly(GROCER, BOOKSHOP);
        assertThat(listed.get(0).conventions()).extracting(ConventionListing::territory)
                .containsExactly("FR-OCC-34", "FR-OCC-34-172");
    }

    @Test
    void aConventionThatMoved_isFoundWhereItIsNow_only() throws Exception {
        ledger.convention(GROCER, "FR-IDF-75", FOOD);

        assertThat(addresses(DirectoryQuery.of("FR-OCC-34"))).containsExactly(BOOKSHOP);
        assertThat(addresses(DirectoryQuery.of("FR-IDF"))).containsExactly(GROCER, PARIS_MARKET);
    }

    @Test
    void pages_coverTheWholeListingOnce_andTheLastHasNoNext() throws Exception {
        DirectoryQuery all = DirectoryQuery.of("FR-OCC-34-172").withCovering(true);
        List<Address> whole = addresses(all);

        for (int limit = 1; limit <= whole.size(); limit++) {
            assertThat(paged(all.withLimit(limit))).as("pages of %d", limit).isEqualTo(whole);
        }
        assertThat(page(all.withLimit(whole.size())).next()).isNull();
        assertThat(page(all.withLimit(whole.size() - 1)).next()).isNotNull();
    }

    private List<Address> paged(DirectoryQuery q) throws InvalidQueryException {
        List<Address> out = new ArrayList<>();
        DirectoryQuery at = q;
        for (int pages = 0; pages < 100; pages++) {
            DirectoryPage p = page(at);
            assertThat(p.providers().size()).isLessThanOrEqualTo(q.limit());
            p.providers().forEach(l -> out.add(l.address()));
            if (p.next() == null) {
                return out;
            }
            at = at.withAfter(p.next());
        }
        throw new AssertionError("no last page");
    }

    @Test
    void aPageReadsABoundedNumberOfEntries_andTheNextPageGoesOn() throws Exception {
        MemoryState state = new MemoryState();
        state.putAll(ledger.state.all());
        int many = ProviderDirectory.MAX_ENTRIES_PER_PAGE + 5;
        for (int i = 0; i < many; i++) {
            Address p = LedgerFixture.address(0x10_0000 + i);
            state.put(new Entity.Convention(p, FOOD, "FR-IDF", 0, 10, false));
            state.put(new Entity.DirectoryEntry("FR-IDF", p, FOOD, true));
        }
        // The region's entries come before those of Paris, where the only market gardener is.
        DirectoryQuery market = DirectoryQuery.of("FR-IDF").withSpecialty("market gardener");

        DirectoryPage first = ProviderDirectory.query(state, 0, market);
        DirectoryPage second = ProviderDirectory.query(state, 0, market.withAfter(first.next()));

        assertThat(first.providers()).isEmpty();
        assertThat(first.next()).isNotNull();
        assertThat(second.providers()).extracting(ProviderListing::address).containsExactly(PARIS_MARKET);
        assertThat(second.next()).isNull();
    }

    @Test
    void badQueries_areRefusedNamingTheProblem() throws Exception {
        String cursor = page(DirectoryQuery.of("FR").withLimit(1)).next();

        assertInvalid(DirectoryQuery.of("FR-BRE"), "unknown territory 'FR-BRE'");
        assertInvalid(DirectoryQuery.of("fr-occ"), "not a territory code");
        assertInvalid(DirectoryQuery.of(null), "territory is required");
        assertInvalid(DirectoryQuery.of("FR").withPurpose(9), "unknown purpose 9");
        assertInvalid(DirectoryQuery.of("FR").withCriteria(1 << 4), "criteria 0x10");
        assertInvalid(DirectoryQuery.of("FR").withLimit(0), "limit 0 is outside 1..1000");
        assertInvalid(DirectoryQuery.of("FR").withLimit(ProviderDirectory.MAX_LIMIT + 1), "limit 1001");
        assertInvalid(DirectoryQuery.of("FR").withSpecialty("x".repeat(65)), "specialty");
        assertInvalid(DirectoryQuery.of("FR").withAfter("not base64!"), "after is not");
        assertInvalid(DirectoryQuery.of("FR").withAfter("AQ"), "after is not");
        assertInvalid(DirectoryQuery.of("FR-IDF").withAfter(cursor), "after is not");
        assertThat(page(DirectoryQuery.of("FR").withAfter(cursor)).providers()).isNotEmpty();
    }

    private void assertInvalid(DirectoryQuery q, String message) {
        assertThatThrownBy(() -> page(q)).isInstanceOf(InvalidQueryException.class).hasMessageContaining(message);
    }
}
