package org.targetedmoney.policy.directory;

import java.util.ArrayList;
import java.util.List;
import org.targetedmoney.policy.model.Territory;
import org.targetedmoney.policy.rules.Limits;
import org.targetedmoney.policy.state.Keys;
import org.targetedmoney.policy.state.StateView;

/**
 * Answers directory queries from the directory index ({@code Entity.DirectoryEntry}): a page reads the
 * entries of the territory asked, then of the territories below it, then (with {@code includeCovering}) of
 * each territory above it, each range in key order, and stops when the page is full. It never reads the
 * conventions of territories outside the query.
 */
public final class ProviderDirectory {
    public static final int DEFAULT_LIMIT = 100;
    /** Providers one page may hold. */
    public static final int MAX_LIMIT = 1_000;
    /**
     * Index entries one page may read: a selective filter (a rare specialty over the whole country) returns
     * a short page with a cursor instead of holding a read thread for the whole index.
     */
    public static final int MAX_ENTRIES_PER_PAGE = 10_000;

    private ProviderDirectory() {}

    /** One page of the directory as of {@code view}; {@code timeEpoch} decides which conventions are in force. */
    public static DirectoryPage query(StateView view, int timeEpoch, DirectoryQuery q) throws InvalidQueryException {
        validate(view, q);
        List<byte[]> ranges = ranges(q);
        DirectoryCursor start = q.after() == null ? null : DirectoryCursor.parse(q.after(), ranges);
        return new DirectoryScan(view, timeEpoch, q, ranges).run(start);
    }

    private static void validate(StateView view, DirectoryQuery q) throws InvalidQueryException {
        if (q.territory() == null || q.territory().isEmpty()) {
            throw new InvalidQueryException("territory is required");
        }
        if (!Territory.isValidCode(q.territory())) {
            throw new InvalidQueryException("territory '" + q.territory()
                    + "' is not a territory code such as FR, FR-OCC or FR-OCC-34");
        }
        if (!view.hasTerritory(q.territory())) {
            throw new InvalidQueryException("unknown territory '" + q.territory() + "'");
        }
        if (q.purpose() < 0 || (q.purpose() > 0 && view.purpose(q.purpose()) == null)) {
            throw new InvalidQueryException("unknown purpose " + q.purpose());
        }
        if (q.specialty() != null && q.specialty().length() > Limits.MAX_SPECIALTY_LENGTH) {
            throw new InvalidQueryException("specialty is at most " + Limits.MAX_SPECIALTY_LENGTH + " characters");
        }
        int declared = view.directoryMeta().criterionCount();
        if ((Integer.toUnsignedLong(q.criteriaMask()) & ~((1L << declared) - 1)) != 0) {
            throw new InvalidQueryException(String.format("criteria 0x%x names a criterion never declared "
                    + "(%d declared: ids below %d)", Integer.toUnsignedLong(q.criteriaMask()), declared, declared));
        }
        if (q.limit() < 1 || q.limit() > MAX_LIMIT) {
            throw new InvalidQueryException("limit " + q.limit() + " is outside 1.." + MAX_LIMIT);
        }
    }

    /**
     * The key ranges of a query, in directory order: the territory itself, the territories below it, then
     * each territory above it from the nearest. Range i of a convention's territory is {@link #rangeOf}.
     */
    static List<byte[]> ranges(DirectoryQuery q) {
        List<byte[]> out = new ArrayList<>();
        out.add(Keys.directoryTerritoryPrefix(q.territory()));
        out.add(Keys.directoryBelowPrefix(q.territory()));
        if (q.includeCovering()) {
            for (String up = Territory.parentOf(q.territory()); up != null; up = Territory.parentOf(up)) {
                out.add(Keys.directoryTerritoryPrefix(up));
            }
        }
        return out;
    }

    /** The range that holds the entries of {@code territory} for this query, or -1 if the query excludes it. */
    static int rangeOf(DirectoryQuery q, String territory) {
        if (territory.equals(q.territory())) {
            return 0;
        }
        if (Territory.covers(q.territory(), territory)) {
            return 1;
        }
        if (q.includeCovering() && Territory.covers(territory, q.territory())) {
            return 1 + depth(q.territory()) - depth(territory);
        }
        return -1;
    }

    private static int depth(String code) {
        return (int) code.chars().filter(ch -> ch == '-').count();
    }
}
