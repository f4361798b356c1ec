package org.targetedmoney.bridge.settlement;

import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.targetedmoney.bridge.funding.SourceKind;

/**
 * A declared funding account of the waterfall.
 *
 * @param id               stable id (e.g. "ssa-members", "state-food", "creation"): 1 to
 *                         {@link #MAX_ID_LENGTH} characters of [a-z0-9-]
 * @param kind             contributions, public account, or monetary creation (at most one creation account:
 *                         it has no balance, it draws on the plan's monthly ceiling)
 * @param earmarkPurposes  the ledger purposes it may fund; empty = any purpose (kept sorted, unmodifiable)
 */
public record FundingAccount(String id, SourceKind kind, Set<Integer> earmarkPurposes) {
    public static final int MAX_ID_LENGTH = 64;
    public static final int MAX_EARMARK_PURPOSES = 1_000;

    public FundingAccount {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(earmarkPurposes, "earmarkPurposes");
        if (id.isEmpty() || id.length() > MAX_ID_LENGTH || !id.chars().allMatch(c -> (c >= 'a' && c <= 'z')
                || (c >= '0' && c <= '9') || c == '-')) {
            throw new IllegalArgumentException("funding account id '" + id + "' is not 1 to " + MAX_ID_LENGTH
                    + " characters of [a-z0-9-]");
        }
        if (earmarkPurposes.size() > MAX_EARMARK_PURPOSES) {
            throw new IllegalArgumentException("funding account " + id + " lists more than " + MAX_EARMARK_PURPOSES
                    + " purposes");
        }
        earmarkPurposes = Collections.unmodifiableSortedSet(new TreeSet<>(earmarkPurposes));
    }

    /** An account that may fund any purpose. */
    public static FundingAccount any(String id, SourceKind kind) {
        return new FundingAccount(id, kind, Set.of());
    }

    /** Whether it may fund {@code purpose}. */
    public boolean covers(int purpose) {
        return earmarkPurposes.isEmpty() || earmarkPurposes.contains(purpose);
    }
}
