package org.targetedmoney.policy.genesis;

import java.util.List;
import org.targetedmoney.policy.model.Address;
import org.targetedmoney.policy.model.BodyKind;
import org.targetedmoney.policy.model.EpochScheme;
import org.targetedmoney.policy.model.Role;

/**
 * The initial configuration of a ledger, already validated by whoever parsed it
 * ({@code network-config} reads it from JSON). Purpose ids are positions in {@link #purposes()} plus one, and so
 * are body ids in {@link #bodies()}: the genesis creates its bodies as {@code createBody} calls would, in order.
 */
public record Genesis(
        long chainId,
        long timestampSeconds,
        EpochScheme epochScheme,
        List<PurposeSpec> purposes,
        List<String> territories,
        List<AccountSpec> accounts,
        List<AllowanceSpec> allowancePolicies,
        List<Address> validators,
        List<BodySpec> bodies,
        List<TariffSpec> tariffs) {

    public Genesis {
        purposes = List.copyOf(purposes);
        territories = List.copyOf(territories);
        accounts = List.copyOf(accounts);
        allowancePolicies = List.copyOf(allowancePolicies);
        validators = List.copyOf(validators);
        bodies = List.copyOf(bodies);
        tariffs = List.copyOf(tariffs);
    }

    /** A genesis without governance bodies or tariffs (they are optional, and were added later to the format). */
    public Genesis(long chainId, long timestampSeconds, EpochScheme epochScheme, List<PurposeSpec> purposes,
                   List<String> territories, List<AccountSpec> accounts, List<AllowanceSpec> allowancePolicies,
                   List<Address> validators) {
        this(chainId, timestampSeconds, epochScheme, purposes, territories, accounts, allowancePolicies, validators,
                List.of(), List.of());
    }

    /** This genesis with these bodies and tariffs instead of its own. */
    public Genesis withBodiesAndTariffs(List<BodySpec> newBodies, List<TariffSpec> newTariffs) {
        return new Genesis(chainId, timestampSeconds, epochScheme, purposes, territories, accounts, allowancePolicies,
                validators, newBodies, newTariffs);
    }

    /** An earmark: a short symbol ({@code FOOD}) and a readable name. */
    public record PurposeSpec(String symbol, String name) {}

    /** An account and its roles; {@code scopeTerritory} limits a committee (null: whole ledger). */
    public record AccountSpec(Address address, List<Role> roles, String scopeTerritory, String label) {
        public AccountSpec {
            roles = List.copyOf(roles);
        }
    }

    /**
     * An allowance policy: {@code amountCentsByHouseholdSize[i]} for a household of i+1 people (the last
     * entry applies to larger households), credit expiring after {@code expiryEpochs}.
     */
    public record AllowanceSpec(String purposeSymbol, List<Long> amountCentsByHouseholdSize, int expiryEpochs,
                                int effectiveFromEpoch) {
        public AllowanceSpec {
            amountCentsByHouseholdSize = List.copyOf(amountCentsByHouseholdSize);
        }
    }

    /**
     * A governance body that exists from block 0, as if created by {@code createBody}: a NATIONAL body acts as
     * the AUTHORITY, a LOCAL one as the COMMITTEE of {@code territory}, through the account
     * {@link BodyKind#account(int)} of its id; {@code quorum} approvals out of {@code members} decide.
     */
    public record BodySpec(String name, String territory, BodyKind kind, List<Address> members, int quorum) {
        public BodySpec {
            members = List.copyOf(members);
        }
    }

    /** The most the fund pays for one act ({@code actCode}, e.g. {@code G}) of a purpose paid by claims. */
    public record TariffSpec(String purposeSymbol, String actCode, long maxAmountCents) {}
}
