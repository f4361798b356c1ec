package org.targetedmoney.node.api;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.targetedmoney.node.ledger.ChainStore;
import org.targetedmoney.node.ledger.ChainView;
import org.targetedmoney.node.rpc.RpcException;
import org.targetedmoney.policy.model.EpochScheme;
import org.targetedmoney.policy.rules.Planning;
import org.targetedmoney.policy.state.Entity;

/**
 * {@code ledger_planning}: needs, budget, entitlement and spending of a territory and of each of its direct
 * sub-territories, for a purpose and an epoch, computed by the rules' own {@link Planning} on one snapshot.
 */
final class PlanningReads {
    private static final String METHOD = "ledger_planning";

    private final ChainStore store;
    private final EpochScheme epochs;

    PlanningReads(ChainStore store, EpochScheme epochs) {
        this.store = store;
        this.epochs = epochs;
    }

    /** {@code {territory, purpose, epoch?}}; the epoch defaults to that of the latest block. */
    JsonObject planning(JsonObject query) {
        String territory = query.getValue("territory") instanceof String s ? s : null;
        Integer purpose = query.getValue("purpose") instanceof Number n ? n.intValue() : null;
        Object epochValue = query.getValue("epoch");
        if (territory == null || purpose == null || (epochValue != null && !(epochValue instanceof Number))) {
            throw new RpcException(RpcException.INVALID_PARAMS,
                    METHOD + ": expected {\"territory\": \"FR-OCC-34\", \"purpose\": 1, \"epoch\": 682 (optional)}");
        }
        try (ChainView v = store.openView()) {
            Entity.Purpose known = v.purpose(purpose);
            if (known == null || !v.hasTerritory(territory)) {
                throw new RpcException(RpcException.INVALID_PARAMS, METHOD + ": " + (known == null
                        ? "purpose " + purpose + " is unknown" : "territory '" + territory + "' is unknown"));
            }
            int epoch = epochValue == null ? epochs.epochAt(v.head().timestampSeconds())
                    : ((Number) epochValue).intValue();
            Planning.Report r = Planning.report(v, territory, purpose, epoch);
            JsonArray children = new JsonArray();
            r.children().forEach(row -> children.add(row(v, row)));
            return new JsonObject().put("purpose", purpose).put("symbol", known.symbol()).put("epoch", epoch)
                    .put("policyVersion", r.policyVersion()).put("blockNumber", Hex.quantity(v.head().number()))
                    .put("total", row(v, r.total())).put("children", children);
        }
    }

    /** Paid to providers meeting each declared criterion, and its share of all spending in basis points. */
    private static JsonArray byCriterion(ChainView v, Planning.Row r) {
        long all = Math.addExact(r.spentCents(), r.claimsCents());
        JsonArray out = new JsonArray();
        for (int i = 0; i < r.byCriterionCents().size(); i++) {
            long cents = r.byCriterionCents().get(i);
            out.add(new JsonObject().put("criterion", v.criterion(i).code()).put("cents", Long.toString(cents))
                    .put("shareBasisPoints", all == 0 ? 0 : Math.multiplyExact(cents, 10_000L) / all));
        }
        return out;
    }

    /** Amounts in cents as decimal strings (JSON numbers lose precision above 2^53); null where nothing was decided. */
    private static JsonObject row(ChainView v, Planning.Row r) {
        return new JsonObject().put("territory", r.territory()).put("members", r.members())
                .put("byCriterion", byCriterion(v, r))
                .put("entitledCents", Long.toString(r.entitledCents()))
                .put("budgetCents", r.budgetCents() < 0 ? null : Long.toString(r.budgetCents()))
                .put("needsCents", r.needsCents() < 0 ? null : Long.toString(r.needsCents()))
                .put("spentCents", Long.toString(r.spentCents()))
                .put("claimsCents", Long.toString(r.claimsCents()));
    }
}
