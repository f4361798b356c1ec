package org.targetedmoney.bridge.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.targetedmoney.bridge.contribution.ContributionCalendar;
import org.targetedmoney.bridge.contribution.MemberContribution;
import org.targetedmoney.bridge.contribution.MemberContributions;
import org.targetedmoney.bridge.contribution.Outcome;
import org.targetedmoney.bridge.contribution.PublicCredit;
import org.targetedmoney.bridge.contribution.PublicCredits;
import org.targetedmoney.bridge.engine.Applied;
import org.targetedmoney.bridge.engine.BridgeEngine;
import org.targetedmoney.bridge.engine.BridgeInput;
import org.targetedmoney.bridge.engine.BridgeStatus;
import org.targetedmoney.bridge.engine.BridgeView;
import org.targetedmoney.bridge.engine.PaymentOrder;
import org.targetedmoney.bridge.funding.FundingCredit;
import io.vertx.core.http.HttpMethod;
import java.util.EnumSet;
import java.util.Set;
import org.targetedmoney.bridge.http.Answer;
import org.targetedmoney.bridge.http.ApiTokens;
import org.targetedmoney.bridge.http.BearerAuth;
import org.targetedmoney.bridge.http.Role;
import org.targetedmoney.bridge.http.IdempotentOperation;
import org.targetedmoney.bridge.http.IdempotentRequest;
import org.targetedmoney.bridge.http.IdempotentRoutes;
import org.targetedmoney.bridge.http.Problem;
import org.targetedmoney.bridge.iso.BankFileParser;
import org.targetedmoney.bridge.iso.BankParseResult;
import org.targetedmoney.bridge.receipt.BankReceipt;
import org.targetedmoney.bridge.receipt.ReceiptBook;
import org.targetedmoney.bridge.receipt.ReceiptReport;
import org.targetedmoney.bridge.settlement.BatchState;
import org.targetedmoney.bridge.settlement.OutcomeResult;
import org.targetedmoney.bridge.settlement.ReconciliationReport;
import org.targetedmoney.bridge.store.IdempotencyKeys;
import org.targetedmoney.bridge.store.RejectedInput;
import org.targetedmoney.bridge.store.RejectedInputs;
import org.targetedmoney.bridge.store.Writes;

/**
 * The bridge's HTTP API (see {@code openapi.yaml}): idempotent POSTs for contributions, public credits, firms'
 * declarations to the inter-enterprise fund, bank messages and cut-offs (each needs an {@code Idempotency-Key});
 * GETs for status, batches, funding, payment orders (providers' and the fund's), a fund month's settlement
 * ({@link InterEnterpriseApi}), money received (receipts) and rejected inputs; operators' payees and escalations ({@link OperatorApi});
 * {@code /metrics} and {@code /health}. With {@link ApiTokens}, every /v1 route needs a bearer token of a role it
 * allows ({@link #rolesFor}); /metrics, /health and /openapi.yaml stay open.
 */
final class BridgeApi {
    /** Most items a list answers. */
    static final int MAX_LIST = 1_000;
    /** Code of the 503 answered before the first ledger read: the request changed nothing, retry it as it is. */
    static final String NOT_READY = "LEDGER_NOT_READ_YET";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final BridgeService service;
    private final RejectedInputs rejected;
    private final MemberContributions members;
    private final PublicCredits publicCredits;
    private final InterEnterpriseApi interEnterprise;
    private final Optional<ApiTokens> tokens;
    private final OperatorApi operators;

    /** An API open to anyone who reaches it (the server allows that on a loopback address only). */
    BridgeApi(BridgeService service, Optional<MemberContributions> members, PublicCredits publicCredits) {
        this(service, members, publicCredits, Optional.empty());
    }

    /** @param tokens the API's bearer tokens: every /v1 route needs one of a role it allows ({@link #rolesFor}) */
    BridgeApi(BridgeService service, Optional<MemberContributions> members, PublicCredits publicCredits,
              Optional<ApiTokens> tokens) {
        this.service = service;
        this.rejected = new RejectedInputs(service.store());
        this.members = members.orElse(null);
        this.publicCredits = publicCredits;
        this.interEnterprise = new InterEnterpriseApi(service);
        this.tokens = tokens;
        this.operators = new OperatorApi(service, tokens);
    }

    /**
     * The roles allowed on a /v1 route: GETs for readers, contributions and public credits for collectors, firms'
     * declarations for the fund, bank messages for the bank; operators everything (cut-offs, payees, escalations
     * only them). /metrics, /health and /openapi.yaml are not under /v1: they stay open.
     */
    static Set<Role> rolesFor(HttpMethod method, String path) {
        if (method == HttpMethod.GET || method == HttpMethod.HEAD) {
            return EnumSet.of(Role.READER, Role.OPERATOR);
        }
        if (method == HttpMethod.POST) {
            switch (path) {
                case "/v1/member-contributions", "/v1/public-credits" -> {
                    return EnumSet.of(Role.COLLECTOR, Role.OPERATOR);
                }
                case "/v1/declarations" -> {
                    return EnumSet.of(Role.FUND, Role.OPERATOR);
                }
                case "/v1/bank/messages" -> {
                    return EnumSet.of(Role.BANK, Role.OPERATOR);
                }
                default -> { }
            }
        }
        return EnumSet.of(Role.OPERATOR);
    }

    Router router(io.vertx.core.Vertx vertx, Clock clock) {
        Router router = Router.router(vertx);
        tokens.ifPresent(t -> router.route("/v1/*").handler(new BearerAuth(t, BridgeApi::rolesFor)));
        IdempotentRoutes routes = new IdempotentRoutes(service.writer(), new IdempotencyKeys(service.store()),
                rejected, clock);
        routes.post(router, "/v1/member-contributions", new JsonOperation<>(this::memberContribution));
        routes.post(router, "/v1/public-credits", new JsonOperation<>(this::publicCredit));
        routes.post(router, "/v1/declarations", new JsonOperation<>(interEnterprise::declaration));
        routes.post(router, "/v1/bank/messages", bankMessage());
        routes.post(router, "/v1/cutoff", IdempotentOperation.of((req, writes) ->
                applied(service.applyStaged(new BridgeInput.Cutoff("operator cut-off"), writes), 200)));
        operators.mount(router, routes);
        router.route("/v1/*").method(io.vertx.core.http.HttpMethod.GET).failureHandler(BridgeApi::readFailed);
        operators.mountReads(router);
        router.get("/v1/status").handler(ctx -> answer(ctx, service.read(this::status)));
        router.get("/v1/batches").handler(this::batches);
        router.get("/v1/batches/:id").handler(this::batch);
        router.get("/v1/funding").handler(ctx -> answer(ctx, service.read(e -> funding(e.funding()))));
        router.get("/v1/orders").handler(ctx -> answer(ctx, service.read(e -> orders(e.newestOrders(MAX_LIST)))));
        router.get("/v1/orders/:id/pain001").handler(this::pain001);
        router.get("/v1/inter-enterprise/:period").handler(interEnterprise::statement);
        router.get("/v1/receipts").handler(this::receipts);
        router.get("/v1/rejected").handler(ctx -> answer(ctx, service.writer().submit(w -> rejectedList())));
        router.get("/metrics").handler(ctx -> service.scrapeMetrics().onSuccess(bytes -> ctx.response()
                .putHeader("Content-Type", service.metrics().contentType()).end(Buffer.buffer(bytes)))
                .onFailure(ctx::fail));
        router.get("/health").handler(ctx -> ctx.response().setStatusCode(service.failed() ? 503 : 200)
                .putHeader("Content-Type", "application/json")
                .end(service.failed() ? "{\"status\":\"failed\"}" : "{\"status\":\"ok\"}"));
        router.get("/openapi.yaml").handler(ctx -> ctx.response().putHeader("Content-Type", "application/yaml")
                .end(Buffer.buffer(openApi())));
        return router;
    }

    // ---- contributions ----

    /** An idempotent POST whose body is a JSON object, parsed off the writer thread. */
    private record JsonOperation<P>(Step step) implements IdempotentOperation<JsonNode> {
        interface Step {
            Answer apply(JsonNode body, Writes writes);
        }

        @Override
        public JsonNode prepare(IdempotentRequest request) {
            try {
                JsonNode node = JSON.readTree(request.body());
                return node != null && node.isObject() ? node : null;
            } catch (IOException e) {
                return null;
            }
        }

        @Override
        public Answer apply(IdempotentRequest request, JsonNode body, Writes writes) {
            if (body == null) {
                return Problem.of(400, "MALFORMED_JSON", "the body must be a JSON object").answer();
            }
            try {
                return step.apply(body, writes);
            } catch (FieldException e) {
                return Problem.of(400, "INVALID_FIELD", e.getMessage()).answer();
            } catch (NotReadyException e) {
                return Problem.of(503, NOT_READY, e.getMessage()).answer(); // 5xx: not recorded, retry
            }
        }
    }

    private Answer memberContribution(JsonNode b, Writes writes) {
        if (members == null) {
            return Problem.of(404, "NOT_CONFIGURED", "this bridge collects no member contributions").answer();
        }
        MemberContribution c = new MemberContribution(text(b, "contributionId"), month(b, "period"),
                text(b, "memberRef"), cents(b, "declaredIncomeCents"), cents(b, "paidCents"));
        return credit(members.validate(c, now()), writes);
    }

    private Answer publicCredit(JsonNode b, Writes writes) {
        PublicCredit c = new PublicCredit(text(b, "creditId"), text(b, "accountId"), month(b, "period"),
                cents(b, "amountCents"), text(b, "reference"));
        return credit(publicCredits.validate(c, now()), writes);
    }

    private Answer credit(Outcome<FundingCredit> outcome, Writes writes) {
        return switch (outcome) {
            case Outcome.Rejected<FundingCredit> r -> Problem.of(422, r.rejection().code().name(),
                    r.rejection().message()).answer();
            case Outcome.Accepted<FundingCredit> a -> {
                Applied applied = service.applyStaged(new BridgeInput.CreditReceived(a.value()), writes);
                yield applied(applied, 201);
            }
        };
    }

    /** The ledger's current month: contributions are dated by the ledger's clock, not the bridge's. */
    private YearMonth now() {
        return ledgerMonth(service);
    }

    /** The ledger's current month, on the writer thread; 503 (not recorded) before the bridge has read the ledger. */
    static YearMonth ledgerMonth(BridgeService service) {
        long ts = service.headTimestampOnWriter();
        if (ts == 0) {
            throw new NotReadyException("the bridge has not read the ledger yet (inputs are dated by the "
                    + "ledger's clock): retry with the same Idempotency-Key in a moment");
        }
        return ContributionCalendar.monthOf(ts);
    }

    // ---- bank messages ----

    private IdempotentOperation<BankParseResult> bankMessage() {
        return new IdempotentOperation<>() {
            @Override
            public BankParseResult prepare(IdempotentRequest request) {
                return BankFileParser.parse(request.body());
            }

            @Override
            public Answer apply(IdempotentRequest request, BankParseResult parsed, Writes writes) {
                BankMessages.Reading reading;
                String id;
                String kind;
                List<BankReceipt> receipts = List.of();
                switch (parsed) {
                    case BankParseResult.Refused r -> {
                        return Problem.of(422, r.refusals().getFirst().code(), describe(r.refusals())).answer();
                    }
                    case BankParseResult.Notification n -> {
                        id = n.notification().messageId();
                        kind = n.notification().kind();
                        Optional<String> fundIban = fundIban();
                        if (fundIban.isPresent() && BankMessages.onFundAccount(n.notification(), fundIban.get())) {
                            return fundBankMessage(id, kind,
                                    BankMessages.fundNotification(n.notification(), fundIban.get()), writes);
                        }
                        reading = BankMessages.notification(n.notification(), service.config().debtor().iban(),
                                service.config().collectionIbans());
                        receipts = BankMessages.receipts(n.notification(), service.config().collectionIbans());
                    }
                    case BankParseResult.Status s -> {
                        id = s.report().messageId();
                        kind = "pain.002";
                        Optional<List<String>> fundOrder = service.fundOrderOnWriter(s.report().originalMessageId());
                        if (fundOrder.isPresent()) {
                            return fundBankMessage(id, kind, BankMessages.fundStatusReport(s.report(),
                                    fundOrder.get()), writes);
                        }
                        reading = BankMessages.statusReport(s.report(),
                                service.orderOnWriter(s.report().originalMessageId()));
                    }
                }
                if (reading.refused()) {
                    return Problem.of(422, reading.refusalCode(), reading.refusalDetail()).answer();
                }
                if (receipts.size() > service.receiptRoomOnWriter()) { // checked first: the two inputs go together
                    return Problem.of(422, "TOO_MANY_RECEIPTS", "the bridge keeps at most "
                            + ReceiptBook.MAX_RECEIPTS + " bank receipts").answer();
                }
                Applied applied = service.applyStaged(new BridgeInput.BankOutcomes(id, kind, reading.outcomes()),
                        writes);
                if (!(applied instanceof Applied.Reconciled r)) {
                    return applied(applied, 200);
                }
                ObjectNode answer = reconciled(id, kind, r.run().report(), reading.ignored());
                if (!receipts.isEmpty()) {
                    Applied taken = service.applyStaged(new BridgeInput.ReceiptsBooked(id, receipts), writes);
                    if (!(taken instanceof Applied.Received)) { // its only refusal was checked above
                        throw new IllegalStateException("bank receipts of " + id + " not taken: " + taken);
                    }
                    answer.set("receipts", receiptsJson((Applied.Received) taken));
                }
                return Answer.json(200, answer);
            }
        };
    }

    /** The inter-enterprise fund's bank account, if the bridge runs the fund. */
    private Optional<String> fundIban() {
        return service.config().interEnterpriseFund().map(f -> f.fundAccount().iban());
    }

    /** A bank message about the fund's account or orders: applied as the fund's, answered with what it did. */
    private Answer fundBankMessage(String id, String kind, BankMessages.Reading reading, Writes writes) {
        if (reading.refused()) {
            return Problem.of(422, reading.refusalCode(), reading.refusalDetail()).answer();
        }
        Applied applied = service.applyStaged(new BridgeInput.FundBankOutcomes(id, kind, reading.outcomes()), writes);
        if (applied instanceof Applied.FundReconciled f) {
            return Answer.json(200, InterEnterpriseApi.reconciledJson(kind, f, reading.ignored()));
        }
        return applied(applied, 200);
    }

    /** "CODE field: message" per refusal, joined by "; ". */
    private static String describe(List<org.targetedmoney.bridge.iso.IsoRefusal> refusals) {
        return String.join("; ", refusals.stream().map(r -> r.code() + " " + r.field() + ": " + r.message()).toList());
    }

    private static ObjectNode reconciled(String id, String kind, ReconciliationReport report, int ignored) {
        ObjectNode o = JSON.createObjectNode().put("messageId", id).put("kind", kind).put("ignoredEntries", ignored)
                .put("refundedCents", report.refundedCents());
        ObjectNode counts = o.putObject("counts");
        report.countByClassification().forEach((c, n) -> counts.put(c.name().toLowerCase(java.util.Locale.ROOT), n));
        ArrayNode unmatched = o.putArray("unmatched");
        for (OutcomeResult.Unmatched u : report.unmatched()) {
            unmatched.addObject().put("endToEndId", u.outcome().endToEndId()).put("reason", u.reasonCode())
                    .put("detail", u.detail());
        }
        o.put("retries", report.retries().size()).put("escalations", report.escalations().size());
        o.put("report", report.render());
        return o;
    }

    // ---- answers ----

    static Answer applied(Applied applied, int okStatus) {
        return switch (applied) {
            case Applied.Refused r -> Problem.of(422, r.code(), r.message()).answer();
            case Applied.Progress p -> Answer.json(okStatus, JSON.createObjectNode().put("status", "accepted")
                    .put("batchesMade", p.batchesMade()).put("funded", p.funded()));
            case Applied.Nothing n -> Answer.json(okStatus, JSON.createObjectNode().put("status", "accepted")
                    .put("note", n.why()));
            case Applied.Ordered o -> Answer.json(okStatus, JSON.createObjectNode().put("status", "ordered")
                    .put("messageId", o.order().messageId()));
            case Applied.Reconciled r -> Answer.json(okStatus, JSON.createObjectNode().put("status", "reconciled"));
            case Applied.Declared d -> Answer.json(okStatus, InterEnterpriseApi.declaredJson(d));
            case Applied.Received r -> Answer.json(okStatus, receiptsJson(r).put("status", "received"));
            case Applied.FundReconciled f -> Answer.json(okStatus, InterEnterpriseApi.reconciledJson("", f, 0));
        };
    }

    static ObjectNode receiptsJson(Applied.Received r) {
        return JSON.createObjectNode().put("matched", r.matched()).put("unmatched", r.unmatched())
                .put("duplicates", r.duplicates()).put("funded", r.funded());
    }

    private ObjectNode status(BridgeEngine e) {
        BridgeStatus v = e.status();
        ObjectNode o = JSON.createObjectNode().put("nextBlock", v.nextBlock()).put("nextLogIndex", v.nextLogIndex())
                .put("headBlock", v.headBlock()).put("headTimestamp", v.headTimestampSeconds())
                .put("linesRead", v.linesRead()).put("lastLedgerError", service.lastLedgerError());
        ObjectNode open = o.putObject("openLinesByWindow");
        v.openLinesByWindow().forEach(open::put);
        ObjectNode byState = o.putObject("batchesByState");
        for (BatchState s : BatchState.values()) {
            byState.put(s.code(), v.batches().countByState().get(s));
        }
        ObjectNode refused = o.putObject("refusedAttestations");
        service.refusedAttestations().forEach(refused::put);
        return o;
    }

    private void batches(RoutingContext ctx) {
        String state = ctx.queryParams().get("state");
        BatchState wanted;
        try {
            wanted = state == null ? null : BatchState.parse(state);
        } catch (IllegalArgumentException e) {
            Problem.of(400, "INVALID_QUERY", "state must be one of " + java.util.Arrays.stream(BatchState.values())
                    .map(BatchState::code).toList() + ", got '" + state + "'").send(ctx.response());
            return;
        }
        int limit = limit(ctx);
        if (limit < 0) {
            Problem.of(400, "INVALID_QUERY", "limit must be an integer from 1 to " + MAX_LIST).send(ctx.response());
            return;
        }
        answer(ctx, service.read(e -> {
            ArrayNode list = JSON.createArrayNode();
            e.batches(wanted, limit).forEach(b -> list.add(batchJson(b)));
            return list;
        }));
    }

    private void batch(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        service.read(e -> e.batch(id))
                .onSuccess(b -> {
                    if (b.isEmpty()) {
                        Problem.of(404, "UNKNOWN_BATCH", "no batch " + id).send(ctx.response());
                    } else {
                        send(ctx, batchJson(b.get()));
                    }
                }).onFailure(ctx::fail);
    }

    static ObjectNode batchJson(BridgeView.BatchSummary b) {
        ObjectNode o = JSON.createObjectNode().put("id", b.id()).put("provider", b.provider()).put("window", b.window())
                .put("part", b.part()).put("mode", b.mode().toLowerCase(java.util.Locale.ROOT))
                .put("lineCount", b.lineCount()).put("totalCents", b.totalCents()).put("hash", b.hashHex())
                .put("state", b.state().code()).put("waitingCode", b.waitingCode())
                .put("shortfallCents", b.shortfallCents()).put("payable", b.payable());
        o.put("attestationTx", b.attestationTx().orElse(null));
        ObjectNode paid = o.putObject("paidBySourceCents");
        b.paidBySourceCents().forEach((k, v) -> paid.put(k.code(), v));
        return o;
    }

    private ObjectNode funding(org.targetedmoney.bridge.settlement.FundingBook.Snapshot funding) {
        ObjectNode o = JSON.createObjectNode();
        ObjectNode balances = o.putObject("balancesCents");
        funding.balancesCents().forEach(balances::put);
        o.put("creationCeilingCentsPerMonth", service.config().funding().creationCeilingCentsPerMonth());
        ObjectNode creation = o.putObject("creationUsedCentsByMonth");
        funding.creationUsedByMonthCents().forEach((m, c) -> creation.put(m.toString(), c));
        return o;
    }

    /** Money received: matched pairs, unmatched receipts, credits expected and not yet seen (up to limit each). */
    private void receipts(RoutingContext ctx) {
        int limit = limit(ctx);
        if (limit < 0) {
            Problem.of(400, "INVALID_QUERY", "limit must be an integer from 1 to " + MAX_LIST).send(ctx.response());
            return;
        }
        answer(ctx, service.read(e -> receiptsJson(e.receipts().report(e.headTimestampSeconds(), limit),
                e.confirmation().code(), e.headTimestampSeconds())));
    }

    private ObjectNode receiptsJson(ReceiptReport report, String confirmation, long ledgerTime) {
        ObjectNode o = JSON.createObjectNode().put("creditConfirmation", confirmation).put("ledgerTime", ledgerTime);
        ArrayNode ibans = o.putArray("collectionIbans");
        new java.util.TreeSet<>(service.config().collectionIbans()).forEach(ibans::add);
        ReceiptBook.Totals t = report.totals();
        o.putObject("totals").put("expectedCount", t.expectedCount()).put("expectedCents", t.expectedCents())
                .put("confirmedCount", t.confirmedCount()).put("confirmedCents", t.confirmedCents())
                .put("unmatchedCount", t.unmatchedCount()).put("unmatchedCents", t.unmatchedCents());
        ArrayNode matched = o.putArray("matched");
        for (ReceiptReport.Matched m : report.matched()) {
            credit(matched.addObject(), m.credit()).put("receiptId", m.receipt().id())
                    .put("iban", m.receipt().accountIban()).put("bookingDate", m.receipt().bookingDate().toString())
                    .put("endToEndId", m.receipt().endToEndId()).put("ageDays", m.ageDays());
        }
        ArrayNode unmatched = o.putArray("unmatched");
        for (ReceiptReport.Unmatched u : report.unmatched()) {
            BankReceipt r = u.receipt();
            unmatched.addObject().put("receiptId", r.id()).put("iban", r.accountIban())
                    .put("amountCents", r.amountCents()).put("currency", r.currency())
                    .put("bookingDate", r.bookingDate().toString()).put("endToEndId", r.endToEndId())
                    .put("remittance", r.remittance()).put("code", u.code()).put("ageDays", u.ageDays());
        }
        ArrayNode expected = o.putArray("expected");
        for (ReceiptReport.Expected x : report.expected()) {
            credit(expected.addObject(), x.credit()).put("code", x.code()).put("ageDays", x.ageDays());
        }
        return o;
    }

    private static ObjectNode credit(ObjectNode o, FundingCredit c) {
        return o.put("reference", c.reference()).put("accountId", c.accountId()).put("kind", c.kind().code())
                .put("period", c.period().toString()).put("amountCents", c.amountCents());
    }

    private ArrayNode orders(List<PaymentOrder> newest) {
        ArrayNode list = JSON.createArrayNode();
        for (PaymentOrder o : newest) {
            list.addObject().put("messageId", o.messageId()).put("createdAt", o.createdAtSeconds())
                    .put("executionDate", o.executionDate().toString()).put("transfers", o.items().size())
                    .put("totalCents", o.totalCents())
                    .put("file", service.files().pathOf(o.messageId()).toString())
                    .put("fileWritten", java.nio.file.Files.exists(service.files().pathOf(o.messageId())));
        }
        return list;
    }

    /** A provider payment order's pain.001, an inter-enterprise fund payout order's, or a fund collection's pain.008. */
    private void pain001(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        service.read(e -> renderer(e, id)).onSuccess(o -> {
            if (o.isEmpty()) {
                Problem.of(404, "UNKNOWN_ORDER", "no payment order " + id).send(ctx.response());
                return;
            }
            ctx.vertx().executeBlocking(() -> o.get().get())
                    .onSuccess(xml -> ctx.response().putHeader("Content-Type", "application/xml")
                            .end(Buffer.buffer(xml)))
                    .onFailure(ctx::fail);
        }).onFailure(ctx::fail);
    }

    /** How to render order {@code id} (off the writer: orders are immutable values), if the engine made it. */
    private Optional<Supplier<byte[]>> renderer(BridgeEngine e, String id) {
        Optional<PaymentOrder> order = e.order(id);
        if (order.isPresent()) {
            return Optional.of(() -> service.files().render(order.get()));
        }
        Optional<Supplier<byte[]>> payout = e.interEnterprise().flatMap(b -> b.order(id))
                .map(o -> () -> service.files().render(o));
        return payout.isPresent() ? payout : e.interEnterprise().flatMap(b -> b.collectionOrder(id))
                .map(o -> () -> service.files().render(o));
    }

    private ArrayNode rejectedList() {
        ArrayNode list = JSON.createArrayNode();
        for (RejectedInput r : rejected.newest(Math.min(MAX_LIST, RejectedInputs.MAX_LIST))) {
            list.addObject().put("number", r.number()).put("scope", r.scope()).put("reasonCode", r.reasonCode())
                    .put("message", r.message()).put("receivedAt", r.receivedAt().toString())
                    .put("sizeBytes", r.sizeBytes()).put("sha256", r.sha256());
        }
        return list;
    }

    static int limit(RoutingContext ctx) {
        String l = ctx.queryParams().get("limit");
        try {
            int n = l == null ? MAX_LIST : Integer.parseInt(l);
            return n < 1 || n > MAX_LIST ? -1 : n;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** A read that failed: the writer's queue is full (503, retry later) or a bug (500), as a problem body. */
    private static void readFailed(RoutingContext ctx) {
        Throwable t = ctx.failure();
        if (t instanceof org.targetedmoney.bridge.store.BridgeWriter.WriterBusyException) {
            Problem.of(503, "SERVICE_BUSY", "too many writes are waiting: retry later").send(ctx.response());
        } else {
            Problem.of(500, "INTERNAL_ERROR", t == null ? "status " + ctx.statusCode() : t.getMessage())
                    .send(ctx.response());
        }
    }

    private static <T> void answer(RoutingContext ctx, Future<T> json) {
        json.onSuccess(v -> send(ctx, v)).onFailure(ctx::fail);
    }

    static void send(RoutingContext ctx, Object json) {
        try {
            ctx.response().putHeader("Content-Type", "application/json").end(Buffer.buffer(JSON.writeValueAsBytes(json)));
        } catch (IOException e) {
            ctx.fail(e);
        }
    }

    private static byte[] openApi() {
        try (InputStream in = BridgeApi.class.getResourceAsStream("/openapi.yaml")) {
            if (in == null) {
                throw new IllegalStateException("openapi.yaml is missing from the bridge's resources");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- field reading ----

    /**
     * The bridge cannot date a request yet, having read no ledger block (answered 503 {@value #NOT_READY}, not
     * recorded: the same key may be retried).
     */
    static final class NotReadyException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotReadyException(String message) {
            super(message);
        }
    }

    /** A field of a request body is missing or malformed (answered 400 INVALID_FIELD). */
    static final class FieldException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        FieldException(String message) {
            super(message);
        }
    }

    static String text(JsonNode b, String field) {
        JsonNode v = b.get(field);
        if (v == null || !v.isTextual()) {
            throw new FieldException("field '" + field + "' must be a string");
        }
        return v.textValue();
    }

    static long cents(JsonNode b, String field) {
        JsonNode v = b.get(field);
        if (v == null || !v.isIntegralNumber() || !v.canConvertToLong()) {
            throw new FieldException("field '" + field + "' must be an integer number of cents");
        }
        return v.longValue();
    }

    static long integer(JsonNode b, String field) {
        JsonNode v = b.get(field);
        if (v == null || !v.isIntegralNumber() || !v.canConvertToLong()) {
            throw new FieldException("field '" + field + "' must be an integer");
        }
        return v.longValue();
    }

    /** An optional boolean field, false when absent. */
    static boolean flag(JsonNode b, String field) {
        JsonNode v = b.get(field);
        if (v != null && !v.isBoolean()) {
            throw new FieldException("field '" + field + "' must be true or false");
        }
        return v != null && v.booleanValue();
    }

    static YearMonth month(JsonNode b, String field) {
        String t = text(b, field);
        try {
            return YearMonth.parse(t);
        } catch (java.time.format.DateTimeParseException e) {
            throw new FieldException("field '" + field + "' must be a month as YYYY-MM, got '" + t + "'");
        }
    }

    static List<String> routes() {
        return List.of("/v1/member-contributions", "/v1/public-credits", "/v1/declarations", "/v1/bank/messages",
                "/v1/cutoff", "/v1/escalations/{batchId}/{transferIndex}/reissue",
                "/v1/escalations/{batchId}/{transferIndex}/abandon");
    }

    /** The idempotent PUT routes, in OpenAPI form. */
    static List<String> putRoutes() {
        return List.of("/v1/payees/{address}");
    }
}
