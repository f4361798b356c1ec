package org.targetedmoney.bridge.run;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import org.targetedmoney.bridge.funding.SourceKind;

/**
 * What callers send the bridge while it runs, dies and restarts: members' contributions and public credits, each
 * posted until answered under its own Idempotency-Key; the bank's answers to its payment orders ({@link CrashBank});
 * and, now and then, a credit or a bank notification sent again under a new key, which the bridge must refuse
 * (a duplicate reference, a duplicate message id), whatever crashes happened since it took the first. Not
 * thread-safe: one thread runs it.
 */
final class CreditActivity {
    /** Declared monthly income and the contribution the default SSA scale asks for it, in cents. */
    private static final long[][] SCALE = {{40_000, 100}, {60_000, 500}, {90_000, 1_000}, {120_000, 2_000},
            {150_000, 3_000}, {220_000, 6_000}};
    /** Least pause between two actions; the most is three times as long. */
    static final long PAUSE_MILLIS = 30;

    /** A credit the bridge accepted (201). */
    record Credit(String id, String accountId, SourceKind kind, long amountCents, String path, String body) {}

    private final RetryingClient client;
    private final CrashBank bank;
    private final Supplier<YearMonth> month;
    private final Random random;
    private int number;
    /** Accepted credits by credit id, in sending order. */
    final Map<String, Credit> accepted = new LinkedHashMap<>();
    long duplicateCreditsRefused;
    long duplicateBankMessagesRefused;

    CreditActivity(RetryingClient client, CrashBank bank, Supplier<YearMonth> month, Random random) {
        this.client = client;
        this.bank = bank;
        this.month = month;
        this.random = random;
    }

    /** One random action, then the bank answers what the bridge ordered. */
    void step() throws Exception {
        int r = random.nextInt(100);
        if (r < 40) {
            long[] band = SCALE[random.nextInt(SCALE.length)];
            memberContribution(band[0], band[1]);
        } else if (r < 70) {
            publicCredit(random.nextBoolean() ? "state" : "region", 500 + random.nextInt(4_500));
        } else if (r < 85) {
            sendAgainUnderANewKey();
        }
        bank.answerNewOrders();
        Thread.sleep(PAUSE_MILLIS + random.nextInt((int) PAUSE_MILLIS * 2));
    }

    void memberContribution(long incomeCents, long paidCents) throws Exception {
        String id = String.format("c-%05d", ++number);
        ObjectNode body = RetryingClient.JSON.createObjectNode().put("contributionId", id)
                .put("period", month.get().toString()).put("memberRef", "m." + Integer.toHexString(number))
                .put("declaredIncomeCents", incomeCents).put("paidCents", paidCents);
        send(new Credit(id, "ssa-members", SourceKind.CONTRIBUTIONS, paidCents, "/v1/member-contributions",
                body.toString()));
    }

    void publicCredit(String accountId, long amountCents) throws Exception {
        String id = String.format("pc-%05d", ++number);
        ObjectNode body = RetryingClient.JSON.createObjectNode().put("creditId", id).put("accountId", accountId)
                .put("period", month.get().toString()).put("amountCents", amountCents).put("reference", "crash-test");
        send(new Credit(id, accountId, SourceKind.PUBLIC_ACCOUNT, amountCents, "/v1/public-credits", body.toString()));
    }

    private void send(Credit c) throws Exception {
        RetryingClient.Reply r = client.post(c.path(), "key-" + c.id(), c.body());
        if (r.status() != 201) {
            throw new AssertionError("credit " + c.id() + " answered " + r.status() + ": " + r.body());
        }
        if (accepted.put(c.id(), c) != null) {
            throw new AssertionError("credit " + c.id() + " sent twice by the test");
        }
    }

    /** A caller that lost track re-sends something the bridge took, under a new key: it must be refused. */
    private void sendAgainUnderANewKey() throws Exception {
        String key = String.format("again-%05d", ++number);
        if (random.nextBoolean() && !accepted.isEmpty()) {
            List<Credit> all = new ArrayList<>(accepted.values());
            Credit c = all.get(random.nextInt(all.size()));
            expectRefused(client.post(c.path(), key, c.body()), "DUPLICATE_REFERENCE", c.id());
            duplicateCreditsRefused++;
        } else if (!bank.camtByOrder.isEmpty()) {
            List<String> orders = new ArrayList<>(bank.camtByOrder.keySet());
            String order = orders.get(random.nextInt(orders.size()));
            expectRefused(client.post("/v1/bank/messages", key, bank.camtByOrder.get(order)), "DUPLICATE_MESSAGE_ID",
                    "the camt.054 of " + order);
            duplicateBankMessagesRefused++;
        }
    }

    private static void expectRefused(RetryingClient.Reply r, String code, String what) {
        if (r.status() != 422 || !r.body().contains(code)) {
            throw new AssertionError(what + " sent again under a new key: expected 422 " + code + ", got "
                    + r.status() + ": " + r.body());
        }
    }
}
