package org.targetedmoney.policy.rules;

import java.util.List;
import java.util.TreeSet;
import org.targetedmoney.policy.call.Call;
import org.targetedmoney.policy.model.Address;
import org.targetedmoney.policy.model.Role;
import org.targetedmoney.policy.state.Entity;
import org.targetedmoney.policy.state.Entity.Account;
import org.targetedmoney.policy.state.Entity.Convention;

/** Conventions: which provider may be paid for which purpose, where, and when. */
final class ConventionRules {
    private ConventionRules() {}

    static Outcome convention(Overlay tx, TxContext ctx, Call.ConventionProvider c) {
        if (!tx.hasTerritory(c.territory())) {
            return Outcome.reject(RejectionCode.UNKNOWN_TERRITORY, "territory '%s' is unknown", c.territory());
        }
        Outcome.Rejected denied = Auth.requireTerritorial(tx, ctx, c.territory());
        if (denied != null) {
            return denied;
        }
        Outcome.Rejected invalid = validate(tx, c);
        if (invalid != null) {
            return invalid;
        }
        for (int purpose : c.purposes()) {
            Convention old = tx.convention(c.provider(), purpose);
            // A committee may not override a convention decided for a wider area than its own.
            Outcome.Rejected outOfScope = old == null ? null : Auth.requireTerritorial(tx, ctx, old.territory());
            if (outOfScope != null) {
                return outOfScope;
            }
            // A renewal keeps the categories the convention was restricted to.
            tx.put(new Convention(c.provider(), purpose, c.territory(), c.validFromEpoch(), c.validUntilEpoch(),
                    false, old == null ? List.of() : old.categories(), false));
            index(tx, old, c.provider(), purpose, c.territory());
            tx.emit(new LedgerEvent.ProviderConventioned(c.provider(), purpose, c.territory(), c.validFromEpoch(),
                    c.validUntilEpoch()));
        }
        Account old = tx.account(c.provider());
        if (old == null || !old.has(Role.PROVIDER)) {
            int mask = (old == null ? 0 : old.roleMask()) | Role.PROVIDER.mask();
            tx.put(new Account(c.provider(), mask, old == null ? null : old.scopeTerritory()));
        }
        return tx.applied();
    }

    private static Outcome.Rejected validate(Overlay tx, Call.ConventionProvider c) {
        if (c.provider().equals(Address.ZERO)) {
            return Outcome.reject(RejectionCode.INVALID_ARGUMENT, "the zero address cannot be a provider");
        }
        if (c.purposes().isEmpty() || c.purposes().size() > Limits.MAX_PURPOSES_PER_CONVENTION) {
            return Outcome.reject(RejectionCode.INVALID_ARGUMENT, "a convention lists 1..%d purposes, got %d",
                    Limits.MAX_PURPOSES_PER_CONVENTION, c.purposes().size());
        }
        if (new TreeSet<>(c.purposes()).size() != c.purposes().size()) {
            return Outcome.reject(RejectionCode.INVALID_ARGUMENT, "a purpose is listed twice");
        }
        for (int purpose : c.purposes()) {
            if (tx.purpose(purpose) == null) {
                return Outcome.reject(RejectionCode.UNKNOWN_PURPOSE, "purpose %d is unknown", purpose);
            }
        }
        if (c.validFromEpoch() < 0 || c.validUntilEpoch() < c.validFromEpoch()) {
            return Outcome.reject(RejectionCode.INVALID_ARGUMENT, "validity %d..%d is empty",
                    c.validFromEpoch(), c.validUntilEpoch());
        }
        return null;
    }

    static Outcome suspend(Overlay tx, TxContext ctx, Address provider, int purpose, boolean suspend) {
        Convention old = tx.convention(provider, purpose);
        Outcome.Rejected refused = decidable(tx, ctx, old, provider, purpose);
        if (refused != null) {
            return refused;
        }
        if (old.revoked()) {
            return Outcome.reject(RejectionCode.CONVENTION_REVOKED,
                    "the convention of %s for purpose %d was revoked: it takes a new conventionProvider decision",
                    provider, purpose);
        }
        if (old.suspended() == suspend) {
            return Outcome.reject(RejectionCode.INVALID_ARGUMENT, "the convention is already %s",
                    suspend ? "suspended" : "in force");
        }
        tx.put(new Convention(provider, purpose, old.territory(), old.validFromEpoch(), old.validUntilEpoch(),
                suspend, old.categories(), old.revoked()));
        tx.emit(suspend ? new LedgerEvent.ConventionSuspended(provider, purpose)
                : new LedgerEvent.ConventionResumed(provider, purpose));
        return tx.applied();
    }

    /** Which product categories of its purpose a convention covers, decided within the convention's territory. */
    static Outcome restrict(Overlay tx, TxContext ctx, Call.RestrictConvention c) {
        Convention old = tx.convention(c.provider(), c.purpose());
        Outcome.Rejected refused = decidable(tx, ctx, old, c.provider(), c.purpose());
        if (refused != null) {
            return refused;
        }
        if (c.categories().size() > Limits.MAX_CATEGORIES_PER_CONVENTION
                || new TreeSet<>(c.categories()).size() != c.categories().size()) {
            return Outcome.reject(RejectionCode.INVALID_ARGUMENT, "a convention lists 0..%d distinct categories",
                    Limits.MAX_CATEGORIES_PER_CONVENTION);
        }
        int known = tx.purpose(c.purpose()).categoryCount();
        for (int category : c.categories()) {
            if (category < 1 || category > known) {
                return Outcome.reject(RejectionCode.UNKNOWN_CATEGORY, "purpose %d has no category %d", c.purpose(),
                        category);
            }
        }
        List<Integer> sorted = List.copyOf(new TreeSet<>(c.categories()));
        tx.put(new Convention(old.provider(), old.purpose(), old.territory(), old.validFromEpoch(),
                old.validUntilEpoch(), old.suspended(), sorted, old.revoked()));
        tx.emit(new LedgerEvent.ConventionCategoriesSet(c.provider(), c.purpose(), sorted));
        return tx.applied();
    }

    /**
     * Ends a convention, decided by whoever may suspend it. Unlike a suspension it is not lifted: the
     * convention stays in the directory as revoked until a new conventionProvider decision replaces it.
     */
    static Outcome revoke(Overlay tx, TxContext ctx, Call.RevokeConvention c) {
        Convention old = tx.convention(c.provider(), c.purpose());
        Outcome.Rejected refused = decidable(tx, ctx, old, c.provider(), c.purpose());
        if (refused != null) {
            return refused;
        }
        if (old.revoked()) {
            return Outcome.reject(RejectionCode.CONVENTION_REVOKED, "the convention of %s for purpose %d is "
                    + "already revoked", c.provider(), c.purpose());
        }
        tx.put(old.withRevoked(true));
        tx.emit(new LedgerEvent.ConventionRevoked(c.provider(), c.purpose()));
        return tx.applied();
    }

    /** Why {@code ctx}'s sender may not decide on this existing convention (none, or outside its territory). */
    private static Outcome.Rejected decidable(Overlay tx, TxContext ctx, Convention old, Address provider,
                                              int purpose) {
        if (old == null) {
            return Outcome.reject(RejectionCode.NOT_CONVENTIONED, "%s has no convention for purpose %d",
                    provider, purpose);
        }
        return Auth.requireTerritorial(tx, ctx, old.territory());
    }

    /**
     * Files a convention in the directory index under its territory. The state cannot delete, so a convention
     * that moves to another territory leaves its old entry behind, written again as dead (live false); one
     * that stays put keeps its entry as it is. Status (suspended, revoked) is read from the convention itself.
     */
    private static void index(Overlay tx, Convention old, Address provider, int purpose, String territory) {
        if (old != null && old.territory().equals(territory)) {
            return;
        }
        if (old != null) {
            tx.put(new Entity.DirectoryEntry(old.territory(), provider, purpose, false));
        }
        tx.put(new Entity.DirectoryEntry(territory, provider, purpose, true));
    }
}
