package org.targetedmoney.bench.bridge;

import io.vertx.core.json.JsonObject;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.targetedmoney.bridge.contribution.ContributionCalendar;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Load on the bridge's HTTP contribution API: starts a ledger node and a bridge in this JVM on 127.0.0.1
 * ({@link BridgeUnderLoad}), warms up, then posts members' contributions or public credits (each with its own
 * Idempotency-Key and id) closed-loop from {@code --clients} clients or open-loop at {@code --rate} requests per
 * second, for {@code --requests} requests or {@code --duration} seconds, whichever ends first. Reports throughput
 * and latency (p50, p90, p99, p99.9, max) and checks outcomes: a sample of accepted requests sent again must be
 * answered as replays, and the account's balance (GET /v1/funding) must equal the sum of the amounts accepted,
 * each counted once.
 */
@Command(name = "bridge-load", mixinStandardHelpOptions = true,
        description = "Requests per second and latency of the settlement bridge's contribution API.")
public final class ContributionLoad implements Callable<Integer> {
    static final int MAX_REQUESTS = 10_000_000;
    static final int MAX_CLIENTS = 1_000;
    static final int MAX_RATE = 1_000_000;
    static final int MAX_DURATION_SECONDS = 3_600;
    static final int MAX_REPLAYS = 10_000;

    @Option(names = "--kind", defaultValue = "MEMBER",
            description = "MEMBER (POST /v1/member-contributions) or PUBLIC (POST /v1/public-credits).")
    ContributionRequests.Kind kind;

    @Option(names = "--requests", defaultValue = "20000", description = "Measured requests (default ${DEFAULT-VALUE}).")
    int requests;

    @Option(names = "--duration", defaultValue = "600",
            description = "Stop starting requests after this many seconds (default ${DEFAULT-VALUE}).")
    int durationSeconds;

    @Option(names = "--clients", defaultValue = "16",
            description = "Closed loop: concurrent clients (default ${DEFAULT-VALUE}); ignored with --rate.")
    int clients;

    @Option(names = "--rate", description = "Open loop: requests started per second.")
    Integer rate;

    @Option(names = "--max-in-flight", defaultValue = "256",
            description = "Open loop: most unanswered requests (default ${DEFAULT-VALUE}).")
    int maxInFlight;

    @Option(names = "--warmup", defaultValue = "2000",
            description = "Requests sent closed-loop before measuring (default ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--replays", defaultValue = "100",
            description = "Accepted requests sent again after the run to check replays (default ${DEFAULT-VALUE}).")
    int replays;

    @Option(names = "--dir", description = "Where the node and the bridge keep their data (default: a new temporary "
            + "directory, deleted afterwards).")
    Path dir;

    @Option(names = "--out", description = "Write the result as JSON to this file.")
    Path out;

    /** What is wrong with the arguments, or null. */
    String problem() {
        if (requests < 1 || requests > MAX_REQUESTS || warmup < 0 || warmup > MAX_REQUESTS) {
            return "--requests must be 1.." + MAX_REQUESTS + " and --warmup 0.." + MAX_REQUESTS;
        }
        if (durationSeconds < 1 || durationSeconds > MAX_DURATION_SECONDS) {
            return "--duration must be 1.." + MAX_DURATION_SECONDS + " seconds";
        }
        if (clients < 1 || clients > MAX_CLIENTS || maxInFlight < 1 || maxInFlight > MAX_CLIENTS) {
            return "--clients and --max-in-flight must be 1.." + MAX_CLIENTS;
        }
        if (rate != null && (rate < 1 || rate > MAX_RATE)) {
            return "--rate must be 1.." + MAX_RATE + " requests per second";
        }
        if (replays < 0 || replays > Math.min(MAX_REPLAYS, warmup + requests)) {
            return "--replays must be 0.." + MAX_REPLAYS + " and at most --warmup + --requests";
        }
        return null;
    }

    @Override
    public Integer call() throws Exception {
        String problem = problem();
        if (problem != null) {
            System.err.println("error: " + problem);
            return 2;
        }
        boolean temporary = dir == null;
        Path base = temporary ? Files.createTempDirectory("bridge-load") : Files.createDirectories(dir);
        double loadBefore = loadAverage();
        try (BridgeUnderLoad target = BridgeUnderLoad.start(base);
             LoadClient client = new LoadClient(target.httpPort(), rate == null ? clients : maxInFlight,
                     warmup + requests)) {
            YearMonth month = ledgerMonth(client);
            ContributionRequests generated = new ContributionRequests(kind, Long.toString(System.currentTimeMillis(),
                    36), month);
            JsonObject result = run(client, generated).put("loadAverageBefore", loadBefore)
                    .put("loadAverageAfter", loadAverage()).put("cores", Runtime.getRuntime().availableProcessors())
                    .put("dataDir", base.toString()).put("period", month.toString());
            System.out.println(result.encodePrettily());
            if (out != null) {
                Files.writeString(out, result.encodePrettily());
            }
            return result.getBoolean("outcomesHold") ? 0 : 1;
        } finally {
            if (temporary) {
                deleteTree(base);
            }
        }
    }

    private JsonObject run(LoadClient client, ContributionRequests generated) throws Exception {
        System.out.printf("warming up: %,d %s requests from %d clients...%n", warmup, kind, clients);
        LoadClient.Stats warm = new LoadClient.Stats();
        client.closedLoop(generated, 0, warmup, clients, System.nanoTime() + TimeUnit.SECONDS.toNanos(
                MAX_DURATION_SECONDS), warm);
        System.out.printf("measuring: up to %,d requests or %d s, %s...%n", requests, durationSeconds,
                rate == null ? clients + " clients, closed loop" : rate + " requests/s, open loop");
        LoadClient.Stats measured = new LoadClient.Stats();
        Thread progress = Thread.ofPlatform().daemon().start(() -> printProgress(measured));
        long start = System.nanoTime();
        long deadline = start + TimeUnit.SECONDS.toNanos(durationSeconds);
        if (rate == null) {
            client.closedLoop(generated, warmup, (long) warmup + requests, clients, deadline, measured);
        } else {
            client.openLoop(generated, warmup, (long) warmup + requests, rate, maxInFlight, deadline, measured);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        progress.interrupt();
        JsonObject result = LoadReport.of(kind, rate == null ? "closed" : "open", rate == null ? clients : rate,
                measured, seconds).put("warmupRequests", warm.sent);
        long replayedSame = replay(client, generated, warm.sent + measured.sent);
        long balance = client.getJson("/v1/funding").toCompletionStage().toCompletableFuture().get(30,
                TimeUnit.SECONDS).getJsonObject("balancesCents").getLong(generated.accountId());
        long acceptedCents = Math.addExact(warm.acceptedCents, measured.acceptedCents);
        boolean holds = balance == acceptedCents && replayedSame == replays && warm.errors() == 0
                && measured.errors() == 0;
        return result.put("replays", new JsonObject().put("sent", replays).put("answeredAsFirst", replayedSame))
                .put("acceptedCentsIncludingWarmup", acceptedCents).put("account", generated.accountId())
                .put("balanceCents", balance).put("balanceMatches", balance == acceptedCents)
                .put("outcomesHold", holds);
    }

    /** Sends accepted requests again, spread over the run: each must be answered as a replay, same status. */
    private long replay(LoadClient client, ContributionRequests generated, long sent) throws Exception {
        long same = 0;
        for (int k = 0; k < replays; k++) {
            long i = k * sent / replays;
            int first = client.firstStatus(i);
            LoadClient.Reply again = client.send(generated.request(i)).toCompletionStage().toCompletableFuture()
                    .get(30, TimeUnit.SECONDS);
            if (first / 100 == 2 && again.status() == first && again.replayed()) {
                same++;
            }
        }
        return same;
    }

    private YearMonth ledgerMonth(LoadClient client) throws Exception {
        for (int i = 0; i < 300; i++) {
            long head = client.getJson("/v1/status").toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS)
                    .getLong("headTimestamp");
            if (head > 0) {
                return ContributionCalendar.monthOf(head);
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the bridge did not read the ledger's head within 30 s");
    }

    private void printProgress(LoadClient.Stats stats) {
        long last = 0;
        try {
            while (true) {
                Thread.sleep(1_000);
                long now = stats.answeredOrFailed();
                System.out.printf("  %,d / %,d answered, %,d/s, %,d errors%n", now, requests, now - last,
                        stats.errors());
                last = now;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static void deleteTree(Path root) throws java.io.IOException {
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    public static void main(String[] args) {
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
        System.exit(new CommandLine(new ContributionLoad()).setCaseInsensitiveEnumValuesAllowed(true).execute(args));
    }
}
