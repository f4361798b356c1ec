package org.targetedmoney.policy.genesis;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.targetedmoney.policy.model.Role;
import org.targetedmoney.policy.model.Territory;
import org.targetedmoney.policy.state.Entity;

/** The entities of the state at block 0, in a deterministic order. */
public final class GenesisState {
    private GenesisState() {}

    public static List<Entity> entities(Genesis g) {
        List<Entity> out = new ArrayList<>();
        List<String> symbols = new ArrayList<>();
        for (Genesis.PurposeSpec p : g.purposes()) {
            symbols.add(p.symbol());
        }
        for (int i = 0; i < g.purposes().size(); i++) {
            Genesis.PurposeSpec p = g.purposes().get(i);
            int id = i + 1;
            int versions = 0;
            for (Genesis.AllowanceSpec a : g.allowancePolicies()) {
                if (a.purposeSymbol().equals(p.symbol())) {
                    versions++;
                    out.add(new Entity.AllowancePolicy(id, versions, a.effectiveFromEpoch(),
                            a.amountCentsByHouseholdSize(), a.expiryEpochs()));
                }
            }
            out.add(new Entity.Purpose(id, p.symbol(), p.name(), versions));
            out.add(new Entity.PurposeTotals(id, 0, 0, 0, 0, 0));
        }
        for (Genesis.AllowanceSpec a : g.allowancePolicies()) {
            require(symbols.contains(a.purposeSymbol()), "allowance policy for unknown purpose " + a.purposeSymbol());
        }
        Set<String> territories = new HashSet<>();
        for (String t : g.territories()) {
            require(Territory.isValidCode(t), "invalid territory code " + t);
            String parent = Territory.parentOf(t);
            require(parent == null || territories.contains(parent), "territory " + t + " listed before its parent");
            require(territories.add(t), "territory " + t + " listed twice");
            out.add(new Entity.TerritoryEntry(t));
        }
        for (Genesis.AccountSpec a : g.accounts()) {
            int mask = 0;
            for (Role r : a.roles()) {
                mask |= r.mask();
            }
            require(a.scopeTerritory() == null || territories.contains(a.scopeTerritory()),
                    "account " + a.address() + " has unknown scope " + a.scopeTerritory());
            out.add(new Entity.Account(a.address(), mask, a.scopeTerritory()));
        }
        addBodies(g, territories, out);
        addTariffs(g.tariffs(), symbols, out);
        out.add(new Entity.Meta(g.purposes().size(), g.territories().size(), -1, 0, 1));
        return out;
    }

    /**
     * Bodies 1..n in order, each with the account it acts through, exactly as {@code createBody} makes them, and
     * the governance counters. A genesis without bodies writes no counters: the ledger reads their absence as
     * zero, and block 0 of such a genesis must keep the state root it had before bodies existed.
     */
    private static void addBodies(Genesis g, Set<String> territories, List<Entity> out) {
        List<Genesis.BodySpec> bodies = g.bodies();
        for (int i = 0; i < bodies.size(); i++) {
            Genesis.BodySpec b = bodies.get(i);
            int id = i + 1;
            require(territories.contains(b.territory()), "body " + id + " has unknown territory " + b.territory());
            require(new HashSet<>(b.members()).size() == b.members().size(), "body " + id + " lists a member twice");
            Entity.Account account = Entity.Account.ofBody(id, b.kind(), b.territory());
            require(g.accounts().stream().noneMatch(a -> a.address().equals(account.address())),
                    "account " + account.address() + " is the account of body " + id);
            out.add(new Entity.Body(id, b.name(), b.territory(), b.kind().code(), b.members(), b.quorum()));
            out.add(account);
        }
        if (!bodies.isEmpty()) {
            out.add(new Entity.GovernanceMeta(bodies.size(), 0));
        }
    }

    private static void addTariffs(List<Genesis.TariffSpec> tariffs, List<String> symbols, List<Entity> out) {
        Set<String> seen = new HashSet<>();
        for (Genesis.TariffSpec t : tariffs) {
            int purpose = symbols.indexOf(t.purposeSymbol()) + 1;
            require(purpose > 0, "tariff for unknown purpose " + t.purposeSymbol());
            require(seen.add(t.purposeSymbol() + " " + t.actCode()),
                    "two tariffs for act " + t.actCode() + " of " + t.purposeSymbol());
            require(t.maxAmountCents() > 0, "tariff of act " + t.actCode() + " is not positive");
            out.add(new Entity.Tariff(purpose, t.actCode(), t.maxAmountCents()));
        }
    }

    private static void require(boolean ok, String problem) {
        if (!ok) {
            throw new IllegalArgumentException("invalid genesis: " + problem);
        }
    }
}
