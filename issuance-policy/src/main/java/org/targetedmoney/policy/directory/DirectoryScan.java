package org.targetedmoney.policy.directory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.targetedmoney.policy.Check;
import org.targetedmoney.policy.model.Address;
import org.targetedmoney.policy.state.Entity;
import org.targetedmoney.policy.state.Entity.Convention;
import org.targetedmoney.policy.state.Entity.DirectoryEntry;
import org.targetedmoney.policy.state.Entity.ProviderProfile;
import org.targetedmoney.policy.state.Keys;
import org.targetedmoney.policy.state.StateView;

/**
 * One page of a directory query. A provider may have several entries in the ranges (a purpose per
 * convention, territories at several levels); it is listed once, at its first entry in directory order, so
 * that pages never repeat a provider and a cursor is only a position: nothing else needs to be remembered
 * between pages.
 */
final class DirectoryScan {
    private final StateView view;
    private final int timeEpoch;
    private final DirectoryQuery q;
    private final List<byte[]> ranges;
    private final Map<Address, Match> matches = new HashMap<>();
    private final List<ProviderListing> listed = new ArrayList<>();
    private DirectoryCursor lastVisited;
    private int visited;
    private boolean stopped;

    /** What a provider shows for this query: its listing (null if filtered out) and its first position. */
    private record Match(DirectoryCursor first, Map<Integer, String> territoryByPurpose, ProviderListing listing) {}

    DirectoryScan(StateView view, int timeEpoch, DirectoryQuery q, List<byte[]> ranges) {
        this.view = view;
        this.timeEpoch = timeEpoch;
        this.q = q;
        this.ranges = ranges;
    }

    DirectoryPage run(DirectoryCursor start) {
        for (int range = start == null ? 0 : start.range(); range < ranges.size() && !stopped; range++) {
            int r = range;
            byte[] after = start != null && range == start.range() ? start.key() : null;
            view.scanAfter(ranges.get(range), after, e -> visit(r, (DirectoryEntry) e));
        }
        // Stopped early: either the page is full and another provider is waiting (seen, not taken), or the
        // page read all it may. The next page resumes after the last entry fully dealt with.
        return new DirectoryPage(listed, stopped ? lastVisited.encode() : null);
    }

    /** Deals with one index entry; false stops the scan. */
    private boolean visit(int range, DirectoryEntry e) {
        DirectoryCursor here = new DirectoryCursor(range, e.key().toBytes());
        ProviderListing listing = listingAt(here, e);
        if (listing != null && listed.size() == q.limit()) {
            stopped = true;
            return false;
        }
        if (listing != null) {
            listed.add(listing);
        }
        lastVisited = here;
        visited++;
        stopped = visited >= ProviderDirectory.MAX_ENTRIES_PER_PAGE;
        return !stopped;
    }

    /** The provider's listing if this entry is where it is listed, else null. */
    private ProviderListing listingAt(DirectoryCursor here, DirectoryEntry e) {
        if (!e.live() || (q.purpose() != 0 && e.purpose() != q.purpose())) {
            return null;
        }
        Match m = matches.computeIfAbsent(e.provider(), this::match);
        Check.that(e.territory().equals(m.territoryByPurpose().get(e.purpose())),
                "the live directory entry %s of %s for purpose %d matches its convention", e.territory(),
                e.provider(), e.purpose());
        return here.equals(m.first()) ? m.listing() : null;
    }

    /** The provider's conventions within the query, its first position among them, and its listing. */
    private Match match(Address provider) {
        List<ConventionListing> conventions = new ArrayList<>();
        Map<Integer, String> territoryByPurpose = new HashMap<>();
        DirectoryCursor[] first = {null};
        view.scan(Keys.conventionsPrefix(provider), entity -> {
            Convention c = (Convention) entity;
            int range = ProviderDirectory.rangeOf(q, c.territory());
            if (range < 0 || (q.purpose() != 0 && c.purpose() != q.purpose())) {
                return;
            }
            DirectoryCursor at = new DirectoryCursor(range,
                    Keys.directoryEntry(c.territory(), provider, c.purpose()).toBytes());
            first[0] = first[0] == null || at.compareTo(first[0]) < 0 ? at : first[0];
            territoryByPurpose.put(c.purpose(), c.territory());
            conventions.add(new ConventionListing(c.purpose(), view.purpose(c.purpose()).symbol(), c.territory(),
                    c.validFromEpoch(), c.validUntilEpoch(), ConventionStatus.of(c, timeEpoch), c.categories()));
        });
        ProviderProfile profile = view.providerProfile(provider);
        ProviderListing listing = selected(profile) ? new ProviderListing(provider,
                profile == null ? null : profile.name(), profile == null ? null : profile.specialty(),
                criteria(profile), conventions) : null;
        return new Match(first[0], territoryByPurpose, listing);
    }

    private boolean selected(ProviderProfile profile) {
        if (q.specialty() != null && (profile == null || !profile.specialty().equalsIgnoreCase(q.specialty()))) {
            return false;
        }
        int mask = profile == null ? 0 : profile.criteriaMask();
        return (mask & q.criteriaMask()) == q.criteriaMask();
    }

    /** The codes of the criteria a profile was attested to meet, by id. */
    private List<String> criteria(ProviderProfile profile) {
        List<String> codes = new ArrayList<>();
        for (int id = 0; profile != null && id < Integer.SIZE; id++) {
            if ((profile.criteriaMask() & (1 << id)) != 0) {
                Entity.Criterion c = view.criterion(id);
                Check.that(c != null, "criterion %d of the profile of %s is declared", id, profile.provider());
                codes.add(c.code());
            }
        }
        return codes;
    }
}
