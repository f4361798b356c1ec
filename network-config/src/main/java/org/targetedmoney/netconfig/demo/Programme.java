package org.targetedmoney.netconfig.demo;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.targetedmoney.netconfig.demo.DemoNetwork.AccountTemplate;
import org.targetedmoney.netconfig.demo.DemoNetwork.BodyTemplate;
import org.targetedmoney.policy.genesis.Genesis.PurposeSpec;
import org.targetedmoney.policy.genesis.Genesis.TariffSpec;

/**
 * One programme a demo genesis can be made for, as data: its purposes, territories (parents first), demo
 * accounts (every one gets a key; those with roles are also genesis accounts), governance bodies, allowance
 * policies and tariffs. {@link Programmes} lists them; {@link DemoNetwork#generate(Programme, DemoNetwork.Options)}
 * turns one into a genesis and keys. The genesis rules themselves (parents before children, a policy per
 * purpose at most, ...) are checked when the genesis is written, by {@code GenesisWriter}.
 *
 * @param name what {@code demo --programme} takes, lower case
 * @param summary one line saying what the programme is, for the command's output and help
 */
public record Programme(String name, String summary, List<PurposeSpec> purposes, List<String> territories,
                        List<AccountTemplate> accounts, List<BodyTemplate> bodies, List<Allowance> allowances,
                        List<TariffSpec> tariffs) {
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,31}");

    /**
     * An allowance policy in force from the genesis epoch: {@code centsByHouseholdSize[i]} for a household of
     * i+1 people, the last entry for larger households too; unspent credit expires after {@code expiryEpochs}.
     */
    public record Allowance(String purpose, List<Long> centsByHouseholdSize, int expiryEpochs) {
        public Allowance {
            centsByHouseholdSize = List.copyOf(centsByHouseholdSize);
        }
    }

    public Programme {
        Objects.requireNonNull(summary, "summary");
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("programme name must match " + NAME + ", got " + name);
        }
        purposes = List.copyOf(purposes);
        territories = List.copyOf(territories);
        accounts = List.copyOf(accounts);
        bodies = List.copyOf(bodies);
        allowances = List.copyOf(allowances);
        tariffs = List.copyOf(tariffs);
        checkLabels(name, accounts, bodies);
    }

    /** Labels name keys: each must be unique, and every body member must be a demo account. */
    private static void checkLabels(String name, List<AccountTemplate> accounts, List<BodyTemplate> bodies) {
        Set<String> labels = new HashSet<>();
        for (AccountTemplate account : accounts) {
            if (!labels.add(account.label())) {
                throw new IllegalArgumentException("programme " + name + " lists account " + account.label()
                        + " twice");
            }
        }
        for (BodyTemplate body : bodies) {
            for (String member : body.memberLabels()) {
                if (!labels.contains(member)) {
                    throw new IllegalArgumentException("programme " + name + ": member " + member + " of body "
                            + body.name() + " is not a demo account");
                }
            }
        }
    }
}
