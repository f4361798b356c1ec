package org.targetedmoney.policy.rules;

import java.util.ArrayList;
import java.util.List;
import org.targetedmoney.policy.call.Call;
import org.targetedmoney.policy.model.Address;
import org.targetedmoney.policy.model.Role;
import org.targetedmoney.policy.state.Entity;
import org.targetedmoney.policy.state.Entity.Convention;
import org.targetedmoney.policy.state.Entity.DirectoryMeta;

/**
 * The provider directory: social and ecological criteria declared nationally, and provider profiles (name,
 * specialty, criteria met) written by those who convention the provider, so that the criteria a member
 * reads are attested, not self-declared. A provider is an organisation: its name may be public.
 */
final class DirectoryRules {
    private DirectoryRules() {}

    /** Criteria are declared by the authority so that a criterion means the same everywhere. */
    static Outcome addCriterion(Overlay tx, TxContext ctx, Call.AddCriterion c) {
        Outcome.Rejected denied = Auth.require(tx, ctx, Role.AUTHORITY);
        if (denied != null) {
            return denied;
        }
        if (!RegistryRules.SYMBOL.matcher(c.code()).matches() || c.name().isBlank()
                || c.name().length() > Limits.MAX_NAME_LENGTH) {
            return Outcome.reject(RejectionCode.INVALID_ARGUMENT,
                    "a criterion code is 2..%d of A-Z, 0-9 and _, starting with a letter; its name 1..%d characters",
                    Limits.MAX_SYMBOL_LENGTH, Limits.MAX_NAME_LENGTH);
        }
        DirectoryMeta meta = tx.directoryMeta();
        for (int id = 0; id < meta.criterionCount(); id++) {
            if (tx.criterion(id).code().equals(c.code())) {
                return Outcome.reject(RejectionCode.ALREADY_EXISTS, "criterion %s exists (id %d)", c.code(), id);
            }
        }
        if (meta.criterionCount() >= Limits.MAX_CRITERIA) {
            return Outcome.reject(RejectionCode.LIMIT_EXCEEDED, "at most %d criteria (one bit each of a uint32)",
                    Limits.MAX_CRITERIA);
        }
        int id = meta.criterionCount();
        tx.put(new Entity.Criterion(id, c.code(), c.name()));
        tx.put(new DirectoryMeta(id + 1));
        tx.emit(new LedgerEvent.CriterionAdded(id, c.code(), c.name()));
        return tx.applied();
    }

    /**
     * Describes a provider: by the authority, or by a committee competent for the territory of one of the
     * provider's conventions (revoked ones included, so that an attestation can be withdrawn after a
     * revocation). The profile is replaced as a whole.
     */
    static Outcome describeProvider(Overlay tx, TxContext ctx, Call.DescribeProvider c) {
        List<Convention> conventions = conventionsOf(tx, c.provider());
        if (conventions.isEmpty()) {
            return Outcome.reject(RejectionCode.NOT_CONVENTIONED,
                    "%s has no convention: the directory describes conventioned providers only", c.provider());
        }
        Outcome.Rejected denied = requireAttester(tx, ctx, c.provider(), conventions);
        if (denied != null) {
            return denied;
        }
        Outcome.Rejected invalid = validateProfile(tx, c);
        if (invalid != null) {
            return invalid;
        }
        tx.put(new Entity.ProviderProfile(c.provider(), c.name(), c.specialty(), c.criteriaMask()));
        tx.emit(new LedgerEvent.ProviderDescribed(c.provider(), c.name(), c.specialty(), c.criteriaMask()));
        return tx.applied();
    }

    /** The provider's conventions, by purpose; the purposes are bounded by {@link Limits#MAX_PURPOSES}. */
    private static List<Convention> conventionsOf(Overlay tx, Address provider) {
        List<Convention> out = new ArrayList<>();
        for (int purpose = 1; purpose <= tx.meta().purposeCount(); purpose++) {
            Convention conv = tx.convention(provider, purpose);
            if (conv != null) {
                out.add(conv);
            }
        }
        return out;
    }

    /** Those who convention a provider attest its criteria: the authority, or a committee of one of its areas. */
    private static Outcome.Rejected requireAttester(Overlay tx, TxContext ctx, Address provider,
                                                    List<Convention> conventions) {
        // Competent for every convention in force (or for all of them if every one was revoked): otherwise a
        // committee could convention a provider of another area itself, revoke it, and rewrite its profile.
        List<Convention> live = conventions.stream().filter(conv -> !conv.revoked()).toList();
        for (Convention conv : live.isEmpty() ? conventions : live) {
            Outcome.Rejected denied = Auth.requireTerritorial(tx, ctx, conv.territory());
            if (denied != null && denied.rejection().code() != RejectionCode.OUT_OF_SCOPE) {
                return denied;
            }
            if (denied != null) {
                return Outcome.reject(RejectionCode.OUT_OF_SCOPE,
                        "committee %s of %s cannot describe %s, also conventioned in %s", ctx.sender(),
                        tx.account(ctx.sender()).scopeTerritory(), provider, conv.territory());
            }
        }
        return null;
    }

    private static Outcome.Rejected validateProfile(Overlay tx, Call.DescribeProvider c) {
        if (c.name().isEmpty() || c.name().length() > Limits.MAX_NAME_LENGTH || !isCleanText(c.name())) {
            return Outcome.reject(RejectionCode.INVALID_ARGUMENT,
                    "a provider name is 1..%d characters, without control characters or surrounding spaces",
                    Limits.MAX_NAME_LENGTH);
        }
        if (c.specialty().length() > Limits.MAX_SPECIALTY_LENGTH || !isCleanText(c.specialty())) {
            return Outcome.reject(RejectionCode.INVALID_ARGUMENT,
                    "a specialty is 0..%d characters, without control characters or surrounding spaces",
                    Limits.MAX_SPECIALTY_LENGTH);
        }
        int declared = tx.directoryMeta().criterionCount();
        long known = (1L << declared) - 1;
        if ((Integer.toUnsignedLong(c.criteriaMask()) & ~known) != 0) {
            return Outcome.reject(RejectionCode.UNKNOWN_CRITERION,
                    "criteria mask 0x%x names a criterion never declared (%d declared: ids below %d)",
                    Integer.toUnsignedLong(c.criteriaMask()), declared, declared);
        }
        return null;
    }

    /** Directory text is matched exactly (case aside), so stray spaces and control characters are refused. */
    private static boolean isCleanText(String s) {
        return s.equals(s.strip()) && s.chars().noneMatch(Character::isISOControl);
    }
}
