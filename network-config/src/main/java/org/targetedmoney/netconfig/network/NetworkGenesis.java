package org.targetedmoney.netconfig.network;

import static org.targetedmoney.netconfig.json.Fields.quote;

import java.util.ArrayList;
import java.util.List;
import org.targetedmoney.netconfig.genesis.GenesisWriter;
import org.targetedmoney.policy.genesis.Genesis;
import org.targetedmoney.policy.genesis.Genesis.AccountSpec;
import org.targetedmoney.policy.model.Address;
import org.targetedmoney.policy.model.Role;

/** The genesis of a generated network: a template's content with the network's validators instead of its own. */
public final class NetworkGenesis {
    private NetworkGenesis() {}

    /**
     * {@code template} with its validator accounts replaced: accounts whose only role is VALIDATOR are removed,
     * others lose that role, and {@code validators} come in as accounts labelled {@code validator-1} to
     * {@code validator-N} (role VALIDATOR) where the first removed account was (else at the end), and as the
     * genesis's {@code validators}. Everything else (chain id, time, purposes, bodies...) is the template's.
     *
     * @throws IllegalArgumentException if the result is not a valid genesis (e.g. a template account already uses
     *     a label {@code validator-i} or one of these addresses); the message names the problem
     */
    public static Genesis withValidators(Genesis template, List<Address> validators) {
        List<AccountSpec> accounts = new ArrayList<>();
        int insertAt = -1;
        for (AccountSpec account : template.accounts()) {
            if (!account.roles().contains(Role.VALIDATOR)) {
                accounts.add(account);
            } else if (account.roles().size() > 1) {
                accounts.add(new AccountSpec(account.address(), account.roles().stream()
                        .filter(r -> r != Role.VALIDATOR).toList(), account.scopeTerritory(), account.label()));
            } else if (insertAt < 0) {
                insertAt = accounts.size();
            }
        }
        List<AccountSpec> added = new ArrayList<>();
        for (int i = 0; i < validators.size(); i++) {
            String label = NetworkLayout.validatorLabel(i + 1);
            Address address = validators.get(i);
            for (AccountSpec kept : accounts) {
                if (label.equals(kept.label()) || address.equals(kept.address())) {
                    throw new IllegalArgumentException("the genesis template already has an account labelled "
                            + quote(String.valueOf(kept.label())) + " at " + kept.address() + ": " + label
                            + " is the label of the network's validator " + (i + 1));
                }
            }
            added.add(new AccountSpec(address, List.of(Role.VALIDATOR), null, label));
        }
        accounts.addAll(insertAt < 0 ? accounts.size() : insertAt, added);
        Genesis genesis = new Genesis(template.chainId(), template.timestampSeconds(), template.epochScheme(),
                template.purposes(), template.territories(), accounts, template.allowancePolicies(), validators,
                template.bodies(), template.tariffs());
        GenesisWriter.toJson(genesis); // refuses, with every problem, a genesis its reader would refuse
        return genesis;
    }
}
