package org.targetedmoney.bridge.journal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.targetedmoney.bridge.contribution.FirmDeclaration;
import org.targetedmoney.bridge.engine.BridgeInput;
import org.targetedmoney.bridge.engine.FirmPayee;
import org.targetedmoney.bridge.engine.Payee;
import org.targetedmoney.bridge.funding.FundingCredit;
import org.targetedmoney.bridge.funding.SourceKind;
import org.targetedmoney.bridge.line.LedgerLine;
import org.targetedmoney.bridge.line.LineKind;
import org.targetedmoney.bridge.receipt.BankReceipt;
import org.targetedmoney.bridge.settlement.BankOutcome;

/**
 * JSON encoding of journal entries. Explicit field by field (no reflection), so that renaming a Java field cannot
 * silently change what a store holds; {@code "v"} is the encoding version, checked on read.
 */
public final class JournalCodec {
    public static final int VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper();

    private JournalCodec() {}

    public static byte[] encode(BridgeInput input) {
        ObjectNode o = JSON.createObjectNode().put("v", VERSION);
        switch (input) {
            case BridgeInput.LinesRead r -> {
                o.put("type", "lines").put("nextBlock", r.nextBlock()).put("nextLogIndex", r.nextLogIndex())
                        .put("headBlock", r.headBlock()).put("headTimestamp", r.headTimestampSeconds());
                ArrayNode lines = o.putArray("lines");
                r.lines().forEach(l -> lines.add(line(l)));
            }
            case BridgeInput.CreditReceived c -> o.put("type", "credit").set("credit", credit(c.credit()));
            case BridgeInput.Cutoff c -> o.put("type", "cutoff").put("reason", c.reason());
            case BridgeInput.CutPayments c -> o.put("type", "cut").put("messageId", c.messageId())
                    .put("createdAt", c.createdAtSeconds()).put("executionDate", c.executionDate().toString());
            case BridgeInput.BankOutcomes b -> {
                o.put("type", "bank").put("messageId", b.messageId()).put("kind", b.messageKind());
                ArrayNode outcomes = o.putArray("outcomes");
                b.outcomes().forEach(x -> outcomes.add(outcome(x)));
            }
            case BridgeInput.Attested a -> o.put("type", "attested").put("batchId", a.batchId())
                    .put("tx", a.transactionHash());
            case BridgeInput.FirmDeclared f -> {
                o.put("type", "firm").put("correction", f.correction());
                o.set("declaration", declaration(f.declaration()));
                o.set("payee", payee(f.payee()));
            }
            case BridgeInput.ReceiptsBooked r -> {
                o.put("type", "receipts").put("messageId", r.messageId());
                ArrayNode receipts = o.putArray("receipts");
                r.receipts().forEach(x -> receipts.add(receipt(x)));
            }
            case BridgeInput.FundBankOutcomes b -> {
                o.put("type", "fund-bank").put("messageId", b.messageId()).put("kind", b.messageKind());
                ArrayNode outcomes = o.putArray("outcomes");
                b.outcomes().forEach(x -> outcomes.add(outcome(x)));
            }
            case BridgeInput.PayeeChanged c -> o.put("type", "payee").put("operator", c.operator())
                    .set("payee", providerPayee(c.payee()));
            case BridgeInput.Reissue r -> o.put("type", "reissue").put("batchId", r.batchId())
                    .put("transfer", r.transferIndex()).put("operator", r.operator());
            case BridgeInput.Abandon a -> o.put("type", "abandon").put("batchId", a.batchId())
                    .put("transfer", a.transferIndex()).put("reason", a.reason()).put("operator", a.operator());
        }
        try {
            return JSON.writeValueAsBytes(o);
        } catch (IOException e) {
            throw new UncheckedIOException("encoding a journal entry in memory cannot fail", e);
        }
    }

    /**
     * @throws IllegalStateException if the bytes are not a journal entry of this version: the store is damaged or
     *                               from another build, and replaying it would give a wrong state
     */
    public static BridgeInput decode(byte[] bytes) {
        JsonNode o;
        try {
            o = JSON.readTree(bytes);
        } catch (IOException e) {
            throw new IllegalStateException("a journal entry is not JSON: " + e.getMessage(), e);
        }
        if (o == null || o.path("v").asInt() != VERSION) {
            throw new IllegalStateException("a journal entry has encoding version " + (o == null ? "none"
                    : o.path("v")) + ", this build reads " + VERSION);
        }
        String type = o.path("type").asText();
        return switch (type) {
            case "lines" -> new BridgeInput.LinesRead(lines(o.get("lines")), o.get("nextBlock").asLong(),
                    o.get("nextLogIndex").asInt(), o.get("headBlock").asLong(), o.get("headTimestamp").asLong());
            case "credit" -> new BridgeInput.CreditReceived(credit(o.get("credit")));
            case "cutoff" -> new BridgeInput.Cutoff(o.get("reason").asText());
            case "cut" -> new BridgeInput.CutPayments(o.get("messageId").asText(), o.get("createdAt").asLong(),
                    LocalDate.parse(o.get("executionDate").asText()));
            case "bank" -> new BridgeInput.BankOutcomes(o.get("messageId").asText(), o.get("kind").asText(),
                    outcomes(o.get("outcomes")));
            case "attested" -> new BridgeInput.Attested(o.get("batchId").asText(), o.get("tx").asText());
            case "firm" -> new BridgeInput.FirmDeclared(declaration(o.get("declaration")),
                    o.get("correction").asBoolean(), payee(o.get("payee")));
            case "receipts" -> new BridgeInput.ReceiptsBooked(o.get("messageId").asText(), receipts(o.get("receipts")));
            case "fund-bank" -> new BridgeInput.FundBankOutcomes(o.get("messageId").asText(), o.get("kind").asText(),
                    outcomes(o.get("outcomes")));
            case "payee" -> new BridgeInput.PayeeChanged(providerPayee(o.get("payee")), o.get("operator").asText());
            case "reissue" -> new BridgeInput.Reissue(o.get("batchId").asText(), o.get("transfer").asInt(),
                    o.get("operator").asText());
            case "abandon" -> new BridgeInput.Abandon(o.get("batchId").asText(), o.get("transfer").asInt(),
                    o.get("reason").asText(), o.get("operator").asText());
            default -> throw new IllegalStateException("unknown journal entry type '" + type + "'");
        };
    }

    private static ObjectNode line(LedgerLine l) {
        return JSON.createObjectNode().put("block", l.blockNumber()).put("log", l.logIndex())
                .put("tx", l.transactionHash()).put("ts", l.blockTimestampSeconds()).put("provider", l.provider())
                .put("purpose", l.purpose()).put("kind", l.kind().code()).put("cents", l.amountCents())
                .put("ref", l.reference());
    }

    private static List<LedgerLine> lines(JsonNode array) {
        List<LedgerLine> out = new ArrayList<>(array.size());
        for (JsonNode l : array) {
            out.add(new LedgerLine(l.get("block").asLong(), l.get("log").asInt(), l.get("tx").asText(),
                    l.get("ts").asLong(), l.get("provider").asText(), l.get("purpose").asInt(),
                    lineKind(l.get("kind").asText()), l.get("cents").asLong(), l.get("ref").asLong()));
        }
        return out;
    }

    private static LineKind lineKind(String code) {
        try {
            return LineKind.parse(code);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(e.getMessage() + " in the journal", e);
        }
    }

    private static ObjectNode credit(FundingCredit c) {
        return JSON.createObjectNode().put("account", c.accountId()).put("kind", c.kind().code())
                .put("period", c.period().toString()).put("cents", c.amountCents()).put("ref", c.reference());
    }

    private static FundingCredit credit(JsonNode c) {
        SourceKind kind;
        try {
            kind = SourceKind.parse(c.get("kind").asText());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(e.getMessage() + " in the journal", e);
        }
        return new FundingCredit(c.get("account").asText(), kind, YearMonth.parse(c.get("period").asText()),
                c.get("cents").asLong(), c.get("ref").asText());
    }

    private static ObjectNode declaration(FirmDeclaration d) {
        return JSON.createObjectNode().put("id", d.declarationId()).put("period", d.period().toString())
                .put("firm", d.firmId()).put("valueAddedCents", d.valueAddedCents())
                .put("fteHundredths", d.fteHundredths());
    }

    private static FirmDeclaration declaration(JsonNode d) {
        return new FirmDeclaration(d.get("id").asText(), YearMonth.parse(d.get("period").asText()),
                d.get("firm").asText(), d.get("valueAddedCents").asLong(), d.get("fteHundredths").asLong());
    }

    /** A payee; its mandate only when it has one (so entries written before mandates existed read the same). */
    private static ObjectNode payee(FirmPayee p) {
        ObjectNode o = JSON.createObjectNode().put("name", p.name()).put("iban", p.iban()).put("bic", p.bic());
        p.mandate().ifPresent(m -> o.putObject("mandate").put("id", m.mandateId())
                .put("signedOn", m.signedOn().toString()));
        return o;
    }

    private static FirmPayee payee(JsonNode p) {
        JsonNode m = p.get("mandate");
        Optional<FirmPayee.Mandate> mandate = m == null || m.isNull() ? Optional.empty()
                : Optional.of(new FirmPayee.Mandate(m.get("id").asText(), LocalDate.parse(m.get("signedOn").asText())));
        return new FirmPayee(p.get("name").asText(), p.get("iban").asText(), p.get("bic").asText(), mandate);
    }

    private static ObjectNode receipt(BankReceipt r) {
        ObjectNode o = JSON.createObjectNode().put("id", r.id()).put("iban", r.accountIban())
                .put("cents", r.amountCents()).put("ccy", r.currency()).put("booked", r.bookingDate().toString());
        if (r.endToEndId() != null) {
            o.put("e2e", r.endToEndId());
        }
        if (r.remittance() != null) {
            o.put("rmt", r.remittance());
        }
        return o;
    }

    private static List<BankReceipt> receipts(JsonNode array) {
        List<BankReceipt> out = new ArrayList<>(array.size());
        for (JsonNode r : array) {
            out.add(new BankReceipt(r.get("id").asText(), r.get("iban").asText(), r.get("cents").asLong(),
                    r.get("ccy").asText(), LocalDate.parse(r.get("booked").asText()), optionalText(r, "e2e"),
                    optionalText(r, "rmt")));
        }
        return out;
    }

    private static String optionalText(JsonNode o, String field) {
        JsonNode v = o.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static ObjectNode providerPayee(Payee p) {
        return JSON.createObjectNode().put("provider", p.provider()).put("name", p.name()).put("iban", p.iban())
                .put("bic", p.bic());
    }

    private static Payee providerPayee(JsonNode p) {
        return new Payee(p.get("provider").asText(), p.get("name").asText(), p.get("iban").asText(),
                p.get("bic").asText());
    }

    private static ObjectNode outcome(BankOutcome x) {
        ObjectNode o = JSON.createObjectNode().put("e2e", x.endToEndId());
        return switch (x) {
            case BankOutcome.Booked b -> o.put("status", "booked").put("cents", b.amountCents())
                    .put("bankRef", b.bankReference());
            case BankOutcome.Rejected r -> o.put("status", "rejected").put("reason", r.reasonCode());
            case BankOutcome.Returned r -> o.put("status", "returned").put("cents", r.amountCents())
                    .put("reason", r.reasonCode());
        };
    }

    private static List<BankOutcome> outcomes(JsonNode array) {
        List<BankOutcome> out = new ArrayList<>(array.size());
        for (JsonNode o : array) {
            String e2e = o.get("e2e").asText();
            out.add(switch (o.get("status").asText()) {
                case "booked" -> new BankOutcome.Booked(e2e, o.get("cents").asLong(), o.get("bankRef").asText());
                case "rejected" -> new BankOutcome.Rejected(e2e, o.get("reason").asText());
                case "returned" -> new BankOutcome.Returned(e2e, o.get("cents").asLong(), o.get("reason").asText());
                default -> throw new IllegalStateException("unknown bank outcome '" + o.get("status").asText() + "'");
            });
        }
        return out;
    }
}
