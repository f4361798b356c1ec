package org.targetedmoney.bridge.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.ext.web.RoutingContext;
import java.nio.file.Files;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.targetedmoney.bridge.contribution.FirmDeclaration;
import org.targetedmoney.bridge.contribution.FirmNet;
import org.targetedmoney.bridge.contribution.FundSettlement;
import org.targetedmoney.bridge.engine.Applied;
import org.targetedmoney.bridge.engine.BridgeInput;
import org.targetedmoney.bridge.engine.FirmPayee;
import org.targetedmoney.bridge.engine.FundPayoutOrder;
import org.targetedmoney.bridge.engine.InterEnterpriseBook;
import org.targetedmoney.bridge.http.Answer;
import org.targetedmoney.bridge.http.Problem;
import org.targetedmoney.bridge.iso.IsoRefusal;
import org.targetedmoney.bridge.iso.SepaRules;
import org.targetedmoney.bridge.store.Writes;

/**
 * The inter-enterprise fund's part of the HTTP API: {@code POST /v1/declarations} (a firm's monthly declaration
 * or correction, with the bank account the fund pays) and {@code GET /v1/inter-enterprise/{period}} (a month's
 * preview while open, its settlement once closed: per-firm nets, totals, carry, payout orders).
 */
final class InterEnterpriseApi {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final BridgeService service;

    InterEnterpriseApi(BridgeService service) {
        this.service = service;
    }

    // ---- POST /v1/declarations ----

    /** On the writer thread: reads the body, checks the payee by SEPA rules, applies the declaration. */
    Answer declaration(JsonNode b, Writes writes) {
        if (service.config().interEnterpriseFund().isEmpty()) {
            return Problem.of(404, InterEnterpriseBook.NOT_CONFIGURED, "this bridge runs no inter-enterprise fund")
                    .answer();
        }
        FirmDeclaration d = new FirmDeclaration(BridgeApi.text(b, "declarationId"), BridgeApi.month(b, "period"),
                BridgeApi.text(b, "firmId"), BridgeApi.cents(b, "valueAddedCents"),
                BridgeApi.integer(b, "fteHundredths"));
        boolean correction = BridgeApi.flag(b, "correction");
        FirmPayee payee = payee(b.get("payee"));
        Optional<IsoRefusal> badPayee = check(payee);
        if (badPayee.isPresent()) {
            return Problem.of(422, badPayee.get().code(), badPayee.get().message()).answer();
        }
        BridgeApi.ledgerMonth(service); // declarations are dated by the ledger's clock: it must have been read
        Applied applied = service.applyStaged(new BridgeInput.FirmDeclared(d, correction, payee), writes);
        if (applied instanceof Applied.Declared declared) {
            return Answer.json(declared.kind() == Applied.Declared.Kind.REPLAYED ? 200 : 201, declaredJson(declared));
        }
        return BridgeApi.applied(applied, 201);
    }

    private static FirmPayee payee(JsonNode p) {
        if (p == null || !p.isObject()) {
            throw new BridgeApi.FieldException("field 'payee' must be an object {name, iban, bic?}: the account the"
                    + " fund pays if the firm's allowance exceeds its contribution");
        }
        String bic = p.has("bic") && !p.get("bic").isNull() ? BridgeApi.text(p, "bic") : "";
        return new FirmPayee(BridgeApi.text(p, "name"),
                BridgeApi.text(p, "iban").replace(" ", "").toUpperCase(Locale.ROOT), bic.toUpperCase(Locale.ROOT));
    }

    /** The SEPA rules the payee breaks, checked here so that a payout file is never refused for them. */
    private static Optional<IsoRefusal> check(FirmPayee payee) {
        return SepaRules.name("payee.name", payee.name())
                .or(() -> SepaRules.iban("payee.iban", payee.iban()))
                .or(() -> payee.bic().isEmpty() ? Optional.empty() : SepaRules.bic("payee.bic", payee.bic()));
    }

    static ObjectNode declaredJson(Applied.Declared d) {
        FirmDeclaration f = d.declaration();
        ObjectNode o = JSON.createObjectNode().put("status", d.kind().name().toLowerCase(Locale.ROOT))
                .put("declarationId", f.declarationId()).put("period", f.period().toString())
                .put("firmId", f.firmId()).put("contributionCents", d.contributionCents());
        if (d.allowanceCents().isPresent()) {
            long allowance = d.allowanceCents().getAsLong();
            o.put("allowanceCents", allowance).put("netCents", Math.subtractExact(d.contributionCents(), allowance));
        } else {
            o.putNull("allowanceCents").putNull("netCents").put("note", "the allowance is an equal share per FTE of"
                    + " what the fund collects for the month: it is set when the period closes");
        }
        return o;
    }

    // ---- GET /v1/inter-enterprise/:period ----

    void statement(RoutingContext ctx) {
        YearMonth period;
        try {
            period = YearMonth.parse(ctx.pathParam("period"));
        } catch (DateTimeParseException e) {
            Problem.of(400, "INVALID_PERIOD", "the period must be a month as YYYY-MM").send(ctx.response());
            return;
        }
        if (service.config().interEnterpriseFund().isEmpty()) {
            Problem.of(404, InterEnterpriseBook.NOT_CONFIGURED, "this bridge runs no inter-enterprise fund")
                    .send(ctx.response());
            return;
        }
        int limit = BridgeApi.limit(ctx);
        if (limit < 0) {
            Problem.of(400, "INVALID_QUERY", "limit must be an integer from 1 to " + BridgeApi.MAX_LIST)
                    .send(ctx.response());
            return;
        }
        String afterFirm = Optional.ofNullable(ctx.queryParams().get("afterFirm")).orElse("");
        service.read(e -> e.interEnterprise().flatMap(b -> b.statement(period))).onSuccess(st -> {
            if (st.isEmpty()) {
                Problem.of(404, "UNKNOWN_PERIOD", "the fund has no declaration for " + period).send(ctx.response());
            } else {
                BridgeApi.send(ctx, statementJson(st.get(), limit, afterFirm));
            }
        }).onFailure(ctx::fail);
    }

    private ObjectNode statementJson(InterEnterpriseBook.Statement st, int limit, String afterFirm) {
        FundSettlement s = st.settlement();
        ObjectNode o = JSON.createObjectNode().put("period", s.period().toString())
                .put("state", st.closed() ? "closed" : "open").put("provisional", !st.closed())
                .put("allowanceMode", s.allowanceMode().name().toLowerCase(Locale.ROOT).replace('_', '-'))
                .put("allowancePerFteCents", s.allowancePerFteCents())
                .put("carriedInCents", s.carriedInCents()).put("carriedOutCents", s.carriedOutCents())
                .put("shortfallCents", s.shortfallCents());
        o.set("totals", totals(s));
        ArrayNode orders = o.putArray("payoutOrders");
        for (FundPayoutOrder po : st.payoutOrders()) {
            orders.addObject().put("messageId", po.messageId()).put("transfers", po.items().size())
                    .put("totalCents", po.totalCents()).put("executionDate", po.executionDate().toString())
                    .put("file", service.files().pathOf(po.messageId()).toString())
                    .put("fileWritten", Files.exists(service.files().pathOf(po.messageId())));
        }
        // Paged by firm id: a month may hold millions of firms.
        List<FirmNet> page = s.firms().stream().filter(f -> f.firmId().compareTo(afterFirm) > 0).limit(limit + 1L)
                .toList();
        ArrayNode firms = o.putArray("firms");
        page.stream().limit(limit).forEach(f -> firms.add(firmJson(f)));
        o.put("nextAfterFirm", page.size() > limit ? page.get(limit - 1).firmId() : null);
        return o;
    }

    private static ObjectNode totals(FundSettlement s) {
        long dues = 0;
        long payouts = 0;
        int paying = 0;
        int paid = 0;
        for (FirmNet f : s.firms()) {
            if (f.netCents() > 0) {
                dues = Math.addExact(dues, f.netCents());
                paying++;
            } else if (f.netCents() < 0) {
                payouts = Math.subtractExact(payouts, f.netCents());
                paid++;
            }
        }
        return JSON.createObjectNode().put("firms", s.firms().size()).put("fteHundredths", s.totalFteHundredths())
                .put("contributionsCents", s.totalContributionsCents())
                .put("allowancesCents", s.totalAllowancesCents()).put("firmsPaying", paying)
                .put("duesCents", dues).put("firmsPaid", paid).put("payoutsCents", payouts);
    }

    private static ObjectNode firmJson(FirmNet f) {
        String direction = f.netCents() > 0 ? "pays" : f.netCents() < 0 ? "is-paid" : "even";
        return JSON.createObjectNode().put("firmId", f.firmId()).put("declarationId", f.declarationId())
                .put("fteHundredths", f.fteHundredths()).put("contributionCents", f.contributionCents())
                .put("allowanceCents", f.allowanceCents()).put("netCents", f.netCents()).put("direction", direction);
    }
}
