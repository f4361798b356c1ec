package org.targetedmoney.policy.rules;

import java.util.regex.Pattern;
import org.targetedmoney.policy.call.Call;
import org.targetedmoney.policy.model.Address;
import org.targetedmoney.policy.model.Role;
import org.targetedmoney.policy.model.Territory;
import org.targetedmoney.policy.state.Entity;
import org.targetedmoney.policy.state.Entity.Account;
import org.targetedmoney.policy.state.Entity.Meta;

/** Roles, purposes and territories: what the authority declares. */
final class RegistryRules {
    static final Pattern SYMBOL = Pattern.compile("[A-Z][A-Z0-9_]{1," + (Limits.MAX_SYMBOL_LENGTH - 1) + "}");

    private RegistryRules() {}

    static Outcome grantRole(Overlay tx, TxContext ctx, Call.GrantRole c) {
        Outcome.Rejected denied = Auth.require(tx, ctx, Role.AUTHORITY);
        if (denied != null) {
            return denied;
        }
        Role role = Role.ofBit(c.roleBit());
        if (role == null) {
            return Outcome.reject(RejectionCode.INVALID_ARGUMENT, "unknown role bit %d", c.roleBit());
        }
        if (role == Role.PROVIDER) {
            return Outcome.reject(RejectionCode.INVALID_ARGUMENT,
                    "PROVIDER is not granted: it comes with a convention (conventionProvider)");
        }
        if (c.account().equals(Address.ZERO)) {
            return Outcome.reject(RejectionCode.INVALID_ARGUMENT, "the zero address cannot hold a role");
        }
        String scope = c.scopeTerritory().isEmpty() ? null : c.scopeTerritory();
        if (role == Role.COMMITTEE && (scope == null || !tx.hasTerritory(scope))) {
            return Outcome.reject(RejectionCode.UNKNOWN_TERRITORY,
                    "a COMMITTEE needs a known scope territory, got '%s'", c.scopeTerritory());
        }
        if (role != Role.COMMITTEE && scope != null) {
            return Outcome.reject(RejectionCode.INVALID_ARGUMENT, "only a COMMITTEE has a scope territory");
        }
        Account old = tx.account(c.account());
        if (old != null && old.has(role)) {
            return Outcome.reject(RejectionCode.ALREADY_EXISTS, "%s already has the %s role", c.account(), role);
        }
        int mask = (old == null ? 0 : old.roleMask()) | role.mask();
        String keptScope = role == Role.COMMITTEE ? scope : (old == null ? null : old.scopeTerritory());
        tx.put(new Account(c.account(), mask, keptScope));
        tx.emit(new LedgerEvent.RoleGranted(c.account(), role.bit(), scope == null ? "" : scope));
        return tx.applied();
    }

    static Outcome revokeRole(Overlay tx, TxContext ctx, Call.RevokeRole c) {
        Outcome.Rejected denied = Auth.require(tx, ctx, Role.AUTHORITY);
        if (denied != null) {
            return denied;
        }
        Role role = Role.ofBit(c.roleBit());
        Account old = tx.account(c.account());
        if (role == null || old == null || !old.has(role)) {
            return Outcome.reject(RejectionCode.INVALID_ARGUMENT, "%s does not have role bit %d", c.account(),
                    c.roleBit());
        }
        if (role == Role.AUTHORITY && c.account().equals(ctx.sender())) {
            return Outcome.reject(RejectionCode.INVALID_ARGUMENT,
                    "an authority cannot revoke its own AUTHORITY role (another authority must)");
        }
        String scope = role == Role.COMMITTEE ? null : old.scopeTerritory();
        tx.put(new Account(c.account(), old.roleMask() & ~role.mask(), scope));
        tx.emit(new LedgerEvent.RoleRevoked(c.account(), role.bit()));
        return tx.applied();
    }

    static Outcome addPurpose(Overlay tx, TxContext ctx, Call.AddPurpose c) {
        Outcome.Rejected denied = Auth.require(tx, ctx, Role.AUTHORITY);
        if (denied != null) {
            return denied;
        }
        if (!SYMBOL.matcher(c.symbol()).matches()) {
            return Outcome.reject(RejectionCode.INVALID_ARGUMENT,
                    "purpose symbol '%s' must match %s", c.symbol(), SYMBOL.pattern());
        }
        if (c.name().isBlank() || c.name().length() > Limits.MAX_NAME_LENGTH) {
            return Outcome.reject(RejectionCode.INVALID_ARGUMENT, "purpose name must be 1..%d characters",
                    Limits.MAX_NAME_LENGTH);
        }
        Meta meta = tx.meta();
        for (int id = 1; id <= meta.purposeCount(); id++) {
            if (tx.purpose(id).symbol().equals(c.symbol())) {
                return Outcome.reject(RejectionCode.ALREADY_EXISTS, "purpose %s exists (id %d)", c.symbol(), id);
            }
        }
        if (meta.purposeCount() >= Limits.MAX_PURPOSES) {
            return Outcome.reject(RejectionCode.LIMIT_EXCEEDED, "at most %d purposes", Limits.MAX_PURPOSES);
        }
        int id = meta.purposeCount() + 1;
        tx.put(new Entity.Purpose(id, c.symbol(), c.name(), 0));
        tx.put(new Entity.PurposeTotals(id, 0, 0, 0, 0, 0));
        tx.put(meta.withPurposeCount(id));
        tx.emit(new LedgerEvent.PurposeAdded(id, c.symbol(), c.name()));
        return tx.applied();
    }

    static Outcome addTerritory(Overlay tx, TxContext ctx, Call.AddTerritory c) {
        Outcome.Rejected denied = Auth.require(tx, ctx, Role.AUTHORITY);
        if (denied != null) {
            return denied;
        }
        if (!Territory.isValidCode(c.code())) {
            return Outcome.reject(RejectionCode.INVALID_ARGUMENT,
                    "territory code '%s' must look like FR, FR-OCC or FR-OCC-34", c.code());
        }
        if (tx.hasTerritory(c.code())) {
            return Outcome.reject(RejectionCode.ALREADY_EXISTS, "territory %s exists", c.code());
        }
        String parent = Territory.parentOf(c.code());
        if (parent != null && !tx.hasTerritory(parent)) {
            return Outcome.reject(RejectionCode.UNKNOWN_TERRITORY, "parent territory %s of %s is unknown",
                    parent, c.code());
        }
        Meta meta = tx.meta();
        if (meta.territoryCount() >= Limits.MAX_TERRITORIES) {
            return Outcome.reject(RejectionCode.LIMIT_EXCEEDED, "at most %d territories", Limits.MAX_TERRITORIES);
        }
        tx.put(new Entity.TerritoryEntry(c.code()));
        tx.put(meta.withTerritoryCount(meta.territoryCount() + 1));
        tx.emit(new LedgerEvent.TerritoryAdded(c.code()));
        return tx.applied();
    }

    /** Product categories are declared nationally, so that a category means the same everywhere. */
    static Outcome addCategory(Overlay tx, TxContext ctx, Call.AddCategory c) {
        Outcome.Rejected denied = Auth.require(tx, ctx, Role.AUTHORITY);
        if (denied != null) {
            return denied;
        }
        Entity.Purpose purpose = tx.purpose(c.purpose());
        if (purpose == null) {
            return Outcome.reject(RejectionCode.UNKNOWN_PURPOSE, "purpose %d is unknown", c.purpose());
        }
        if (!SYMBOL.matcher(c.code()).matches() || c.name().isEmpty() || c.name().length() > Limits.MAX_NAME_LENGTH) {
            return Outcome.reject(RejectionCode.INVALID_ARGUMENT,
                    "a category code is 2..%d of A-Z, 0-9 and _, starting with a letter; its name 1..%d characters",
                    Limits.MAX_SYMBOL_LENGTH, Limits.MAX_NAME_LENGTH);
        }
        for (int id = 1; id <= purpose.categoryCount(); id++) {
            if (tx.category(c.purpose(), id).code().equals(c.code())) {
                return Outcome.reject(RejectionCode.ALREADY_EXISTS, "category %s of %s exists (id %d)", c.code(),
                        purpose.symbol(), id);
            }
        }
        if (purpose.categoryCount() >= Limits.MAX_CATEGORIES_PER_PURPOSE) {
            return Outcome.reject(RejectionCode.LIMIT_EXCEEDED, "at most %d categories per purpose",
                    Limits.MAX_CATEGORIES_PER_PURPOSE);
        }
        int id = purpose.categoryCount() + 1;
        tx.put(new Entity.Category(c.purpose(), id, c.code(), c.name()));
        tx.put(purpose.withCategoryCount(id));
        tx.emit(new LedgerEvent.CategoryAdded(c.purpose(), id, c.code(), c.name()));
        return tx.applied();
    }
}
