package org.targetedmoney.bench.bridge;

import java.io.IOException;
import java.io.InputStream;
import java.time.YearMonth;
import java.util.SplittableRandom;
import org.targetedmoney.bridge.contribution.Outcome;
import org.targetedmoney.bridge.contribution.ScaleLimits;
import org.targetedmoney.bridge.contribution.SlidingScale;

/**
 * The requests of one load run, request {@code i} computed from {@code i} alone (so a replay resends the same
 * bytes): its own Idempotency-Key and id (prefixed by the run's id), for the current month. A member's
 * contribution declares an income drawn from 0 to 6 000 euros and pays exactly what the bridge's default SSA
 * sliding scale asks for it; a public credit is 1 to 10 000 euros to the public account.
 */
final class ContributionRequests {
    /** What the load sends: members' contributions or public credits. */
    enum Kind { MEMBER, PUBLIC }

    /** One POST and the cents it credits if accepted. */
    record Request(String path, String key, String body, long amountCents) {}

    private final Kind kind;
    private final String runId;
    private final YearMonth period;
    private final SlidingScale scale;

    ContributionRequests(Kind kind, String runId, YearMonth period) throws IOException {
        this.kind = kind;
        this.runId = runId;
        this.period = period;
        this.scale = ssaScale();
    }

    /** The account the requests credit, whose balance the run checks. */
    String accountId() {
        return kind == Kind.MEMBER ? BridgeUnderLoad.MEMBERS_ACCOUNT : BridgeUnderLoad.PUBLIC_ACCOUNT;
    }

    Request request(long i) {
        SplittableRandom random = new SplittableRandom(i);
        String id = runId + "-" + i;
        if (kind == Kind.MEMBER) {
            long income = random.nextLong(600_001);
            long paid = scale.contributionFor(income);
            String body = "{\"contributionId\":\"c-" + id + "\",\"period\":\"" + period + "\",\"memberRef\":\"m."
                    + Long.toHexString(random.nextLong()) + "\",\"declaredIncomeCents\":" + income + ",\"paidCents\":"
                    + paid + "}";
            return new Request("/v1/member-contributions", "k-" + id, body, paid);
        }
        long amount = 100 + random.nextLong(1_000_000);
        String body = "{\"creditId\":\"p-" + id + "\",\"accountId\":\"" + BridgeUnderLoad.PUBLIC_ACCOUNT
                + "\",\"period\":\"" + period + "\",\"amountCents\":" + amount + ",\"reference\":\"load " + id + "\"}";
        return new Request("/v1/public-credits", "k-" + id, body, amount);
    }

    private static SlidingScale ssaScale() throws IOException {
        try (InputStream in = SlidingScale.class.getResourceAsStream(SlidingScale.SSA_DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IOException("the bridge's default sliding scale is missing from the class path");
            }
            return switch (SlidingScale.parseCsv(in.readAllBytes(), ScaleLimits.SSA)) {
                case Outcome.Accepted<SlidingScale> a -> a.value();
                case Outcome.Rejected<SlidingScale> r -> throw new IOException(r.rejection().message());
            };
        }
    }
}
