package org.targetedmoney.bridge.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.prowidesoftware.swift.model.mx.MxPain00100109;
import com.prowidesoftware.swift.model.mx.dic.CreditTransferTransaction34;
import com.prowidesoftware.swift.model.mx.dic.PaymentInstruction30;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.targetedmoney.bridge.iso.BankSimulator;

/**
 * The bank of the crash test: answers every payment order whose pain.001 the bridge wrote, once, with
 * {@link BankSimulator}: a pain.002 refusing some first attempts with a retryable reason (AM04, insufficient
 * funds: the bridge must retry them), then a camt.054 booking the rest. Both are posted until answered, under keys
 * derived from the order id, so a bridge killed mid-way sees the same message again. Remembers what it booked: the
 * euros that actually left the payer's account. Not thread-safe: one thread answers.
 */
final class CrashBank {
    /** Reason of the refusals: insufficient funds, which the bridge retries. */
    static final String RETRYABLE_REASON = "AM04";

    /** One credit transfer of a pain.001 file. */
    record Transfer(String endToEndId, long amountCents, String batchId, int attempt) {}

    private final RetryingClient client;
    private final long seed;
    private final int rejectPercent;
    private final Set<String> answered = new TreeSet<>();
    /** End-to-end id to amount, of every transfer booked. */
    final Map<String, Long> booked = new TreeMap<>();
    /** End-to-end id of every transfer refused. */
    final Set<String> refused = new TreeSet<>();
    /** camt.054 bodies posted, by order id (to send one again under a new key). */
    final Map<String, String> camtByOrder = new TreeMap<>();

    CrashBank(RetryingClient client, long seed, int rejectPercent) {
        this.client = client;
        this.seed = seed;
        this.rejectPercent = rejectPercent;
    }

    /** Answers the orders not answered yet whose file is written; returns how many. */
    int answerNewOrders() throws Exception {
        JsonNode orders = client.get("/v1/orders");
        List<JsonNode> todo = new ArrayList<>();
        for (JsonNode o : orders) {
            if (o.get("fileWritten").asBoolean() && !answered.contains(o.get("messageId").asText())) {
                todo.add(o);
            }
        }
        todo.sort((a, b) -> a.get("messageId").asText().compareTo(b.get("messageId").asText()));
        for (JsonNode o : todo) {
            answer(o);
        }
        return todo.size();
    }

    private void answer(JsonNode order) throws Exception {
        String id = order.get("messageId").asText();
        byte[] pain001 = client.getBytes("/v1/orders/" + id + "/pain001");
        List<Transfer> transfers = transfers(pain001);
        Map<String, String> rejected = new TreeMap<>();
        for (Transfer t : transfers) {
            // Decided per end-to-end id, so a replay of the seed refuses the same transfers.
            if (t.attempt() == 1 && new Random(seed ^ t.endToEndId().hashCode()).nextInt(100) < rejectPercent) {
                rejected.put(t.endToEndId(), RETRYABLE_REASON);
            }
        }
        Instant created = Instant.ofEpochSecond(order.get("createdAt").asLong());
        BankSimulator.Answer bank = BankSimulator.answer(pain001, new BankSimulator.Instructions("N" + id, "S" + id,
                created.atOffset(ZoneOffset.UTC), LocalDate.parse(order.get("executionDate").asText()), rejected,
                Map.of()));
        if (!rejected.isEmpty()) {
            RetryingClient.Reply r = client.post("/v1/bank/messages", "pain002-" + id,
                    new String(bank.pain002(), StandardCharsets.UTF_8));
            expect(r, id, "pain.002", "rejected", rejected.size());
        }
        if (bank.camt054() != null) {
            String camt = new String(bank.camt054(), StandardCharsets.UTF_8);
            RetryingClient.Reply r = client.post("/v1/bank/messages", "camt054-" + id, camt);
            expect(r, id, "camt.054", "matched", transfers.size() - rejected.size());
            camtByOrder.put(id, camt);
        }
        for (Transfer t : transfers) {
            if (rejected.containsKey(t.endToEndId())) {
                refused.add(t.endToEndId());
            } else if (booked.put(t.endToEndId(), t.amountCents()) != null) {
                throw new AssertionError("the bank booked " + t.endToEndId() + " twice");
            }
        }
        answered.add(id);
    }

    /** The bridge took the message and classified each of its transfers as {@code classification}, none else. */
    private static void expect(RetryingClient.Reply r, String orderId, String kind, String classification, int count)
            throws Exception {
        if (r.status() != 200) {
            throw new AssertionError(kind + " of " + orderId + " answered " + r.status() + ": " + r.body());
        }
        JsonNode counts = r.json().get("counts");
        long total = 0;
        for (JsonNode c : counts) {
            total += c.asLong();
        }
        if (counts.path(classification).asLong() != count || total != count) {
            throw new AssertionError(kind + " of " + orderId + ": expected " + count + " " + classification
                    + ", got " + counts);
        }
    }

    /** Orders answered. */
    int ordersAnswered() {
        return answered.size();
    }

    /** The credit transfers of a pain.001.001.09 file, in file order. */
    static List<Transfer> transfers(byte[] pain001) {
        MxPain00100109 file = MxPain00100109.parse(new String(pain001, StandardCharsets.UTF_8));
        List<Transfer> out = new ArrayList<>();
        for (PaymentInstruction30 instruction : file.getCstmrCdtTrfInitn().getPmtInf()) {
            for (CreditTransferTransaction34 t : instruction.getCdtTrfTxInf()) {
                String e2e = t.getPmtId().getEndToEndId();
                // "Targeted money settlement <batch id> window ..." (run.BridgeEngine's remittance text)
                String batchId = t.getRmtInf().getUstrd().getFirst().split(" ")[3];
                if (!e2e.startsWith(batchId + "-")) {
                    throw new AssertionError("end-to-end id " + e2e + " is not of batch " + batchId);
                }
                int attempt = Integer.parseInt(e2e.substring(batchId.length() + 1).split("-")[0]);
                out.add(new Transfer(e2e, t.getAmt().getInstdAmt().getValue().movePointRight(2).longValueExact(),
                        batchId, attempt));
            }
        }
        return out;
    }
}
