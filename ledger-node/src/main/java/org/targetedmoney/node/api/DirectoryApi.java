package org.targetedmoney.node.api;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Set;
import java.util.function.LongSupplier;
import org.targetedmoney.node.ledger.ChainStore;
import org.targetedmoney.node.ledger.ChainView;
import org.targetedmoney.node.rpc.RpcException;
import org.targetedmoney.policy.directory.ConventionListing;
import org.targetedmoney.policy.directory.DirectoryPage;
import org.targetedmoney.policy.directory.DirectoryQuery;
import org.targetedmoney.policy.directory.InvalidQueryException;
import org.targetedmoney.policy.directory.ProviderDirectory;
import org.targetedmoney.policy.directory.ProviderListing;
import org.targetedmoney.policy.model.EpochScheme;

/**
 * {@code ledger_providers}: the provider directory, the map of conventioned providers, read from one state
 * snapshot. Parameter: one query object
 * {@code {territory, purpose?, specialty?, criteria?, includeCovering?, limit?, after?}}.
 */
final class DirectoryApi {
    static final String METHOD = "ledger_providers";
    private static final Set<String> MEMBERS =
            Set.of("territory", "purpose", "specialty", "criteria", "includeCovering", "limit", "after");
    /** The largest criteria mask: 32 criteria, one bit each. */
    private static final long MAX_CRITERIA_MASK = 0xFFFF_FFFFL;

    private final ChainStore store;
    private final EpochScheme epochs;
    private final LongSupplier clockSeconds;

    DirectoryApi(ChainStore store, EpochScheme epochs, LongSupplier clockSeconds) {
        this.store = store;
        this.epochs = epochs;
        this.clockSeconds = clockSeconds;
    }

    Object providers(JsonArray params) {
        DirectoryQuery query = query(new Params(METHOD, params).object(0,
                "a query object {territory, purpose, specialty, criteria, includeCovering, limit, after}"));
        try (ChainView v = store.openView()) {
            // Conventions are in force by block time, as for eth_call: the later of the clock and the head.
            int epoch = epochs.epochAt(Math.max(clockSeconds.getAsLong(), v.head().timestampSeconds()));
            DirectoryPage page = ProviderDirectory.query(v, epoch, query);
            JsonArray providers = new JsonArray();
            page.providers().forEach(p -> providers.add(json(p)));
            return new JsonObject().put("blockNumber", Hex.quantity(v.head().number())).put("providers", providers)
                    .put("next", page.next());
        } catch (InvalidQueryException e) {
            throw new RpcException(RpcException.INVALID_PARAMS, METHOD + ": " + e.getMessage());
        }
    }

    private static DirectoryQuery query(JsonObject o) {
        for (String name : o.fieldNames()) {
            if (!MEMBERS.contains(name)) {
                throw bad(name, "is not a query member (" + String.join(", ", MEMBERS.stream().sorted().toList())
                        + ")");
            }
        }
        if (!(o.getValue("territory") instanceof String territory)) {
            throw bad("territory", "is required: a territory code such as \"FR-OCC-34\"");
        }
        int purpose = (int) integer(o, "purpose", 0, 1, Integer.MAX_VALUE);
        String specialty = optional(o, "specialty");
        int criteria = (int) criteria(o);
        boolean covering = o.getValue("includeCovering") == null ? false : bool(o, "includeCovering");
        int limit = (int) integer(o, "limit", ProviderDirectory.DEFAULT_LIMIT, 1, ProviderDirectory.MAX_LIMIT);
        return new DirectoryQuery(territory, purpose, specialty, criteria, covering, limit, optional(o, "after"));
    }

    private static RpcException bad(String member, String why) {
        return new RpcException(RpcException.INVALID_PARAMS, METHOD + ": parameter 0." + member + " " + why);
    }

    private static long integer(JsonObject o, String member, long fallback, long min, long max) {
        Object v = o.getValue(member);
        if (v == null) {
            return fallback;
        }
        if (!(v instanceof Integer || v instanceof Long) || ((Number) v).longValue() < min
                || ((Number) v).longValue() > max) {
            throw bad(member, "must be an integer in " + min + ".." + max);
        }
        return ((Number) v).longValue();
    }

    private static String optional(JsonObject o, String member) {
        Object v = o.getValue(member);
        if (v != null && !(v instanceof String)) {
            throw bad(member, "must be a string");
        }
        return (String) v;
    }

    private static boolean bool(JsonObject o, String member) {
        if (!(o.getValue(member) instanceof Boolean b)) {
            throw bad(member, "must be true or false");
        }
        return b;
    }

    /** A mask of criteria ids (bit i for criterion i), as a hex quantity ("0x5") or a number. */
    private static long criteria(JsonObject o) {
        if (!(o.getValue("criteria") instanceof String s)) {
            return integer(o, "criteria", 0, 0, MAX_CRITERIA_MASK);
        }
        long mask;
        try {
            mask = Hex.parseQuantity(s);
        } catch (IllegalArgumentException e) {
            throw bad("criteria", "must be a hex mask of criteria ids such as \"0x5\": " + e.getMessage());
        }
        if (mask > MAX_CRITERIA_MASK) {
            throw bad("criteria", "is wider than the 32 criteria a mask can name: " + s);
        }
        return mask;
    }

    private static JsonObject json(ProviderListing p) {
        JsonArray conventions = new JsonArray();
        for (ConventionListing c : p.conventions()) {
            conventions.add(new JsonObject().put("purpose", c.purpose()).put("symbol", c.symbol())
                    .put("territory", c.territory()).put("validFromEpoch", c.validFromEpoch())
                    .put("validUntilEpoch", c.validUntilEpoch()).put("status", c.status().label())
                    .put("categories", new JsonArray(c.categories())));
        }
        return new JsonObject().put("address", p.address().toHex()).put("name", p.name())
                .put("specialty", p.specialty()).put("criteria", new JsonArray(p.criteria()))
                .put("conventions", conventions);
    }
}
