package org.targetedmoney.bridge.contribution;

import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.targetedmoney.bridge.funding.SourceKind;

/**
 * A declared public funding account (the State, a social security branch, a local authority) and its earmark.
 *
 * @param id              stable id, as in funding credits
 * @param name            for people, e.g. "Région Occitanie"
 * @param earmarkPurposes the ledger purpose ids this account may fund; empty means any purpose
 */
public record PublicAccount(String id, String name, SortedSet<Integer> earmarkPurposes) {
    /** Most earmarked purposes per account. */
    public static final int MAX_EARMARKS = 256;
    public static final int MAX_NAME_LENGTH = 140;

    public PublicAccount {
        Fields.id("id", id).ifPresent(r -> {
            throw new IllegalArgumentException(r.message());
        });
        Objects.requireNonNull(name, "name");
        if (name.isBlank() || name.length() > MAX_NAME_LENGTH || name.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("account " + id + ": name must be 1.." + MAX_NAME_LENGTH
                    + " printable characters");
        }
        if (earmarkPurposes.size() > MAX_EARMARKS) {
            throw new IllegalArgumentException("account " + id + ": more than " + MAX_EARMARKS + " earmarked purposes");
        }
        if (earmarkPurposes.stream().anyMatch(p -> p < 0)) {
            throw new IllegalArgumentException("account " + id + ": purpose ids are >= 0: " + earmarkPurposes);
        }
        earmarkPurposes = Collections.unmodifiableSortedSet(new TreeSet<>(earmarkPurposes));
    }

    /** An account earmarked for {@code purposes} (none: any purpose). */
    public static PublicAccount of(String id, String name, Set<Integer> purposes) {
        return new PublicAccount(id, name, new TreeSet<>(purposes));
    }

    /** Always PUBLIC_ACCOUNT: the waterfall spends these after contributions. */
    public SourceKind kind() {
        return SourceKind.PUBLIC_ACCOUNT;
    }

    /** Whether this account may fund a line of ledger purpose {@code purpose}. */
    public boolean funds(int purpose) {
        return earmarkPurposes.isEmpty() || earmarkPurposes.contains(purpose);
    }
}
