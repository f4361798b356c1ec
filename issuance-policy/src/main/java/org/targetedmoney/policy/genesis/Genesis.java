package org.targetedmoney.policy.genesis;

import java.util.List;
import org.targetedmoney.policy.model.Address;
import org.targetedmoney.policy.model.EpochScheme;
import org.targetedmoney.policy.model.Role;

/**
 * The initial configuration of a ledger, already validated by whoever parsed it
 * ({@code network-config} reads it from JSON). Purpose ids are positions in {@link #purposes()} plus one.
 */
public record Genesis(
        long chainId,
        long timestampSeconds,
        EpochScheme epochScheme,
        List<PurposeSpec> purposes,
        List<String> territories,
        List<AccountSpec> accounts,
        List<AllowanceSpec> allowancePolicies,
        List<Address> validators) {

    public Genesis {
        purposes = List.copyOf(purposes);
        territories = List.copyOf(territories);
        accounts = List.copyOf(accounts);
        allowancePolicies = List.copyOf(allowancePolicies);
        validators = List.copyOf(validators);
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
}
