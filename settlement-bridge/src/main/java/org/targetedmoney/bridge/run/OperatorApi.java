package org.targetedmoney.bridge.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.targetedmoney.bridge.engine.Applied;
import org.targetedmoney.bridge.engine.BridgeInput;
import org.targetedmoney.bridge.engine.EscalationView;
import org.targetedmoney.bridge.engine.Payee;
import org.targetedmoney.bridge.http.Answer;
import org.targetedmoney.bridge.http.ApiTokens;
import org.targetedmoney.bridge.http.IdempotentOperation;
import org.targetedmoney.bridge.http.IdempotentRequest;
import org.targetedmoney.bridge.http.IdempotentRoutes;
import org.targetedmoney.bridge.http.Problem;
import org.targetedmoney.bridge.iso.IsoRefusal;
import org.targetedmoney.bridge.iso.SepaRules;
import org.targetedmoney.bridge.settlement.Batch;
import org.targetedmoney.bridge.settlement.BatchBuilder;
import org.targetedmoney.bridge.store.Writes;

/**
 * The operator's part of the HTTP API: providers' bank details ({@code PUT /v1/payees/{address}},
 * {@code GET /v1/payees}) and escalated transfers ({@code GET /v1/escalations}, {@code POST
 * /v1/escalations/{batchId}/{transferIndex}/reissue} and {@code .../abandon}). Each change is a journaled input
 * that names the operator (the API token's name, "" when the API runs without tokens).
 */
final class OperatorApi {
    static final String PAYEE = "/v1/payees/:address";
    static final String REISSUE = "/v1/escalations/:batchId/:transferIndex/reissue";
    static final String ABANDON = "/v1/escalations/:batchId/:transferIndex/abandon";
    private static final Pattern ADDRESS = Pattern.compile("0x[0-9a-fA-F]{40}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final BridgeService service;
    private final Optional<ApiTokens> tokens;

    OperatorApi(BridgeService service, Optional<ApiTokens> tokens) {
        this.service = service;
        this.tokens = tokens;
    }

    void mount(Router router, IdempotentRoutes routes) {
        routes.mount(router.put(PAYEE), IdempotentOperation.of(this::payee));
        routes.post(router, REISSUE, IdempotentOperation.of(this::reissue));
        routes.post(router, ABANDON, IdempotentOperation.of(this::abandon));
    }

    /** The GET routes, mounted after the API's read failure handler. */
    void mountReads(Router router) {
        router.get("/v1/payees").handler(ctx -> answer(ctx, service.read(e -> payeesJson(e.payees()))));
        router.get("/v1/escalations").handler(this::escalations);
    }

    // ---- changes ----

    private Answer payee(IdempotentRequest request, Writes writes) {
        String address = request.pathParams().get("address");
        if (address == null || !ADDRESS.matcher(address).matches()) {
            return Problem.of(400, "INVALID_ADDRESS", "the path names a provider by its 0x-prefixed 20-byte address")
                    .answer();
        }
        JsonNode b = object(request);
        if (b == null) {
            return Problem.of(400, "MALFORMED_JSON", "the body must be a JSON object {name, iban, bic?}").answer();
        }
        Payee payee;
        try {
            String bic = b.has("bic") && !b.get("bic").isNull() ? BridgeApi.text(b, "bic") : "";
            payee = new Payee(address.toLowerCase(Locale.ROOT), BridgeApi.text(b, "name"),
                    BridgeApi.text(b, "iban").replace(" ", "").toUpperCase(Locale.ROOT), bic.toUpperCase(Locale.ROOT));
        } catch (BridgeApi.FieldException e) {
            return Problem.of(400, "INVALID_FIELD", e.getMessage()).answer();
        }
        Optional<IsoRefusal> bad = SepaRules.name("name", payee.name())
                .or(() -> SepaRules.iban("iban", payee.iban()))
                .or(() -> payee.bic().isEmpty() ? Optional.empty() : SepaRules.bic("bic", payee.bic()));
        if (bad.isPresent()) {
            return Problem.of(422, bad.get().code(), bad.get().message()).answer();
        }
        Applied applied = service.applyStaged(new BridgeInput.PayeeChanged(payee, operator(request)), writes);
        if (applied instanceof Applied.Nothing n) {
            return Answer.json(200, payeeJson(JSON.createObjectNode(), payee).put("note", n.why()));
        }
        return BridgeApi.applied(applied, 200);
    }

    private Answer reissue(IdempotentRequest request, Writes writes) {
        Transfer t = transfer(request);
        if (t.problem() != null) {
            return t.problem().answer();
        }
        Applied applied = service.applyStaged(new BridgeInput.Reissue(t.batchId(), t.index(), operator(request)),
                writes);
        if (applied instanceof Applied.Progress p) {
            return Answer.json(200, transferJson(t).put("status", "reissued").put("funded", p.funded() > 0)
                    .put("note", p.funded() > 0 ? "funded again from the same sources: paid by the next payment order"
                            : "waiting for its sources to hold the amount again (see GET /v1/escalations)"));
        }
        return BridgeApi.applied(applied, 200);
    }

    private Answer abandon(IdempotentRequest request, Writes writes) {
        Transfer t = transfer(request);
        if (t.problem() != null) {
            return t.problem().answer();
        }
        JsonNode b = object(request);
        JsonNode reason = b == null ? null : b.get("reason");
        if (reason == null || !reason.isTextual() || reason.textValue().isBlank()
                || reason.textValue().length() > BridgeInput.MAX_REASON_CHARS) {
            return Problem.of(400, "INVALID_FIELD", "the body must be {\"reason\": \"...\"}, 1 to "
                    + BridgeInput.MAX_REASON_CHARS + " characters: why the transfer is given up").answer();
        }
        Applied applied = service.applyStaged(new BridgeInput.Abandon(t.batchId(), t.index(), reason.textValue(),
                operator(request)), writes);
        if (applied instanceof Applied.Nothing n) {
            return Answer.json(200, transferJson(t).put("status", "abandoned").put("note", n.why()));
        }
        return BridgeApi.applied(applied, 200);
    }

    /** A transfer named by the path, or the problem with it. */
    private record Transfer(String batchId, int index, Problem problem) {}

    private static Transfer transfer(IdempotentRequest request) {
        String batchId = request.pathParams().getOrDefault("batchId", "");
        String index = request.pathParams().getOrDefault("transferIndex", "");
        if (batchId.isEmpty() || batchId.length() > Batch.MAX_ID_LENGTH) {
            return new Transfer("", 0, Problem.of(400, "INVALID_BATCH_ID", "a batch id has 1 to "
                    + Batch.MAX_ID_LENGTH + " characters"));
        }
        if (!index.matches("[0-9]{1,6}") || Integer.parseInt(index) >= BatchBuilder.MAX_LINES_PER_BATCH) {
            return new Transfer("", 0, Problem.of(400, "INVALID_TRANSFER_INDEX", "the transfer index is an integer"
                    + " from 0 to " + (BatchBuilder.MAX_LINES_PER_BATCH - 1) + " (0 in NET mode)"));
        }
        return new Transfer(batchId, Integer.parseInt(index), null);
    }

    /** The body as a JSON object; an empty body is an empty object; null if it is not one. */
    private static JsonNode object(IdempotentRequest request) {
        if (request.body().length == 0) {
            return JSON.createObjectNode();
        }
        try {
            JsonNode node = JSON.readTree(request.body());
            return node != null && node.isObject() ? node : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** Who asked: the name of the request's (already checked) token, "" without tokens. */
    private String operator(IdempotentRequest request) {
        String header = request.header("Authorization");
        if (tokens.isEmpty() || header == null || header.length() < 7) {
            return "";
        }
        return tokens.get().authenticate(header.substring(7).strip()).map(ApiTokens.Caller::name).orElse("");
    }

    // ---- reads ----

    private void escalations(RoutingContext ctx) {
        int limit = BridgeApi.limit(ctx);
        if (limit < 0) {
            Problem.of(400, "INVALID_QUERY", "limit must be an integer from 1 to " + BridgeApi.MAX_LIST)
                    .send(ctx.response());
            return;
        }
        answer(ctx, service.read(e -> escalationsJson(e.escalations(limit))));
    }

    static ArrayNode escalationsJson(List<EscalationView> list) {
        ArrayNode out = JSON.createArrayNode();
        for (EscalationView x : list) {
            out.addObject().put("batchId", x.batchId()).put("transferIndex", x.transferIndex())
                    .put("provider", x.provider()).put("amountCents", x.amountCents())
                    .put("endToEndId", x.endToEndId()).put("reasonCode", x.reasonCode()).put("cause", x.cause())
                    .put("status", x.status().code()).put("latestEndToEndId", x.latestEndToEndId())
                    .put("note", x.note()).put("payable", x.payable());
        }
        return out;
    }

    private static ArrayNode payeesJson(List<Payee> payees) {
        ArrayNode out = JSON.createArrayNode();
        payees.forEach(p -> payeeJson(out.addObject(), p));
        return out;
    }

    private static ObjectNode payeeJson(ObjectNode o, Payee p) {
        return o.put("provider", p.provider()).put("name", p.name()).put("iban", p.iban()).put("bic", p.bic());
    }

    private static ObjectNode transferJson(Transfer t) {
        return JSON.createObjectNode().put("batchId", t.batchId()).put("transferIndex", t.index());
    }

    private static <T> void answer(RoutingContext ctx, io.vertx.core.Future<T> json) {
        json.onSuccess(v -> BridgeApi.send(ctx, v)).onFailure(ctx::fail);
    }
}
