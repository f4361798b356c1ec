package org.targetedmoney.bridge.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.ext.web.RoutingContext;
import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.targetedmoney.bridge.contribution.FirmDeclaration;
import org.targetedmoney.bridge.contribution.FirmNet;
import org.targetedmoney.bridge.contribution.FundSettlement;
import org.targetedmoney.bridge.engine.Applied;
import org.targetedmoney.bridge.engine.BridgeInput;
import org.targetedmoney.bridge.engine.FirmPayee;
import org.targetedmoney.bridge.engine.FundClaim;
import org.targetedmoney.bridge.engine.FundCollectionOrder;
import org.targetedmoney.bridge.engine.FundReconciliation;
import org.targetedmoney.bridge.engine.FundPayoutOrder;
import org.targetedmoney.bridge.engine.InterEnterpriseBook;
import org.targetedmoney.bridge.http.Answer;
import org.targetedmoney.bridge.http.Problem;
import org.targetedmoney.bridge.iso.IsoRefusal;
import org.targetedmoney.bridge.iso.SepaRules;
import org.targetedmoney.bridge.store.Writes;

/**
 * The inter-enterprise fund's part of the HTTP API: {@code POST /v1/declarations} (a firm's monthly declaration
 * or correction, with the bank account the fund pays and, for collecting what the firm owes, its SEPA direct-debit
 * mandate) and {@code GET /v1/inter-enterprise/{period}} (a month's preview while open, its settlement once closed:
 * per-firm nets and where each payout or due stands, totals, carry, payout and collection orders, escalations).
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
        Optional<IsoRefusal> badMandate = payee.mandate().flatMap(m -> SepaRules.mandate("payee.mandate",
                m.mandateId(), m.signedOn(), ledgerDay()));
        if (badMandate.isPresent()) {
            return Problem.of(422, badMandate.get().code(), badMandate.get().message()).answer();
        }
        Applied applied = service.applyStaged(new BridgeInput.FirmDeclared(d, correction, payee), writes);
        if (applied instanceof Applied.Declared declared) {
            return Answer.json(declared.kind() == Applied.Declared.Kind.REPLAYED ? 200 : 201, declaredJson(declared));
        }
        return BridgeApi.applied(applied, 201);
    }

    private static FirmPayee payee(JsonNode p) {
        if (p == null || !p.isObject()) {
            throw new BridgeApi.FieldException("field 'payee' must be an object {name, iban, bic?, mandate?}: the"
                    + " account the fund pays if the firm's allowance exceeds its contribution, or debits if not");
        }
        String bic = p.has("bic") && !p.get("bic").isNull() ? BridgeApi.text(p, "bic") : "";
        return new FirmPayee(BridgeApi.text(p, "name"),
                BridgeApi.text(p, "iban").replace(" ", "").toUpperCase(Locale.ROOT), bic.toUpperCase(Locale.ROOT),
                mandate(p.get("mandate")));
    }

    /** The optional {@code payee.mandate} {id, signedOn}: the firm's SEPA direct-debit mandate for the fund. */
    private static Optional<FirmPayee.Mandate> mandate(JsonNode m) {
        if (m == null || m.isNull()) {
            return Optional.empty();
        }
        if (!m.isObject()) {
            throw new BridgeApi.FieldException("field 'payee.mandate' must be an object {id, signedOn}");
        }
        String signed = BridgeApi.text(m, "signedOn");
        try {
            return Optional.of(new FirmPayee.Mandate(BridgeApi.text(m, "id"), LocalDate.parse(signed)));
        } catch (DateTimeParseException e) {
            throw new BridgeApi.FieldException("field 'payee.mandate.signedOn' must be a date as YYYY-MM-DD, got '"
                    + signed + "'");
        }
    }

    /** The ledger's current day (UTC): a mandate cannot be signed after it. */
    private LocalDate ledgerDay() {
        return Instant.ofEpochSecond(service.headTimestampOnWriter()).atOffset(ZoneOffset.UTC).toLocalDate();
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
        service.read(e -> e.interEnterprise().flatMap(b -> b.statement(period)
                .map(st -> new Page(st, claimsOfPage(b, st, limit, afterFirm))))).onSuccess(page -> {
            if (page.isEmpty()) {
                Problem.of(404, "UNKNOWN_PERIOD", "the fund has no declaration for " + period).send(ctx.response());
            } else {
                BridgeApi.send(ctx, statementJson(page.get().statement(), page.get().claimsByFirm(), limit,
                        afterFirm));
            }
        }).onFailure(ctx::fail);
    }

    /** A statement and the payouts and dues of the firms on the page asked for (read on the writer thread). */
    private record Page(InterEnterpriseBook.Statement statement, Map<String, List<FundClaim>> claimsByFirm) {}

    private static Map<String, List<FundClaim>> claimsOfPage(InterEnterpriseBook b, InterEnterpriseBook.Statement st,
                                                             int limit, String afterFirm) {
        Map<String, List<FundClaim>> out = new TreeMap<>();
        if (st.closed()) {
            st.settlement().firms().stream().filter(f -> f.firmId().compareTo(afterFirm) > 0).limit(limit)
                    .forEach(f -> out.put(f.firmId(), b.claimsOf(st.settlement().period(), f.firmId())));
        }
        return out;
    }

    private ObjectNode statementJson(InterEnterpriseBook.Statement st, Map<String, List<FundClaim>> claimsByFirm,
                                     int limit, String afterFirm) {
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
        ArrayNode collections = o.putArray("collectionOrders");
        for (FundCollectionOrder co : st.collectionOrders()) {
            collections.addObject().put("messageId", co.messageId()).put("debits", co.items().size())
                    .put("totalCents", co.totalCents()).put("collectionDate", co.collectionDate().toString())
                    .put("file", service.files().pathOf(co.messageId()).toString())
                    .put("fileWritten", Files.exists(service.files().pathOf(co.messageId())));
        }
        ArrayNode escalations = o.putArray("escalations");
        st.escalated().forEach(c -> escalations.add(claimJson(c)));
        // Paged by firm id: a month may hold millions of firms.
        List<FirmNet> page = s.firms().stream().filter(f -> f.firmId().compareTo(afterFirm) > 0).limit(limit + 1L)
                .toList();
        ArrayNode firms = o.putArray("firms");
        page.stream().limit(limit).forEach(f -> {
            ObjectNode firm = firmJson(f);
            List<FundClaim> claims = claimsByFirm.getOrDefault(f.firmId(), List.of());
            if (!claims.isEmpty()) {
                ArrayNode parts = firm.putArray(claims.get(0).flow() == FundClaim.Flow.PAYOUT ? "payout" : "due");
                claims.forEach(c -> parts.add(claimJson(c)));
            }
            firms.add(firm);
        });
        o.put("nextAfterFirm", page.size() > limit ? page.get(limit - 1).firmId() : null);
        return o;
    }

    /** Where one payout or due (part) stands. */
    static ObjectNode claimJson(FundClaim c) {
        return JSON.createObjectNode().put("reference", c.reference())
                .put("flow", c.flow().name().toLowerCase(Locale.ROOT)).put("firmId", c.firmId())
                .put("amountCents", c.amountCents()).put("status", c.status().code()).put("attempt", c.attempt())
                .put("endToEndId", c.endToEndId()).put("orderId", c.orderId()).put("lastReason", c.lastReason());
    }

    /** The answer to a bank message about the fund's account or orders. */
    static ObjectNode reconciledJson(String kind, Applied.FundReconciled f, int ignored) {
        FundReconciliation r = f.reconciliation();
        ObjectNode o = JSON.createObjectNode().put("messageId", r.messageId()).put("kind", kind)
                .put("account", "inter-enterprise-fund").put("ignoredEntries", ignored).put("paid", r.paid())
                .put("collected", r.collected()).put("creditedCents", r.creditedCents()).put("retried", r.retried())
                .put("escalated", r.escalated());
        ArrayNode made = o.putArray("ordersMade");
        r.ordersMade().forEach(made::add);
        ArrayNode unmatched = o.putArray("unmatched");
        for (FundReconciliation.Unmatched u : r.unmatched()) {
            unmatched.addObject().put("endToEndId", u.endToEndId()).put("reason", u.reasonCode())
                    .put("detail", u.detail());
        }
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
