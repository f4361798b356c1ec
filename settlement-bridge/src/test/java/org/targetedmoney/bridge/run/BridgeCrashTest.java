package org.targetedmoney.bridge.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.targetedmoney.bridge.funding.SourceKind;
import org.targetedmoney.netconfig.demo.DemoNetwork;
import org.targetedmoney.netconfig.demo.Programmes;
import org.targetedmoney.node.run.LedgerNode;
import org.targetedmoney.node.run.NodeConfig;
import org.targetedmoney.wallet.auditor.EventDecoder;
import org.targetedmoney.wallet.auditor.EventQuery;
import org.targetedmoney.wallet.auditor.LedgerEvent;
import org.targetedmoney.wallet.auditor.PositionedEvent;
import org.targetedmoney.wallet.authority.AuthorityClient;
import org.targetedmoney.wallet.core.LedgerConnection;
import org.targetedmoney.wallet.member.MemberClient;
import org.targetedmoney.wallet.provider.ProviderClient;
import org.targetedmoney.wallet.settlement.RecordedAttestation;
import org.targetedmoney.wallet.settlement.SettlementClient;
import org.targetedmoney.wallet.settlement.SettlementTotals;
import org.web3j.crypto.Credentials;

/**
 * The bridge's exactly-once test (issue 5): the bridge runs as a child JVM ({@code BridgeCli run}) against a real
 * one-validator ledger node in this JVM, and is killed with SIGKILL at random moments while it ingests and settles,
 * then restarted on the same data directory. Meanwhile, whether it is up or not: members pay food shops and the
 * shops redeem, a doctor and a pharmacy are paid health claims and capitation, the ledger's clock moves day by day
 * ({@link LedgerActivity}); contributions and public credits are posted, each until answered, under one
 * Idempotency-Key; the bank answers every payment order, refusing some first attempts with a retryable reason
 * ({@link CreditActivity}, {@link CrashBank}). At the end the bridge is let to settle everything, and:
 * <ol>
 *   <li>every line on the ledger (Redeemed, ClaimPaid, CapitationPaid, read here independently) is in exactly one
 *       batch: per provider and day, the batches' line counts and totals are the ledger's;</li>
 *   <li>no provider is paid twice: across every pain.001 file written, each end-to-end id appears once; what the
 *       bank booked pays each transfer of each batch exactly once, and each batch's total exactly;</li>
 *   <li>funding reconciles: each account's balance is what was credited to it (each accepted credit once) less
 *       what its booked transfers took; the creation used is what creation paid;</li>
 *   <li>every batch is settled and attested on the ledger exactly once, with the figures the bridge shows.</li>
 * </ol>
 *
 * <p>Replay a run with {@code -Dcrash.seed=S} (printed; it also decides net or gross mode unless
 * {@code -Dcrash.mode=net|gross}); the threads' interleaving is not replayed, the kill points and choices are.
 * The default is {@value #DEFAULT_ROUNDS} kills, for CI. The long mode is e.g.
 * {@code ./mvnw -B -o -pl settlement-bridge test -Dtest=BridgeCrashTest -Dcrash.rounds=50}
 * (5 to 10 s a kill, most of it the child JVM's start; the ledger's month then changes, so epochs open and
 * credits change period too).
 *
 * <p>A process kill leaves the operating system's buffers to be written: this tests atomicity, ordering and
 * idempotency across crashes, not the disk sync (which only a power cut would).
 */
class BridgeCrashTest {
    static final long GENESIS_TIME = BridgeTestbed.GENESIS_TIME;
    static final int EPOCH = BridgeTestbed.EPOCH;
    static final int HEALTH = LedgerActivity.HEALTH;
    static final int FOOD = LedgerActivity.FOOD;
    static final int DEFAULT_ROUNDS = 3;
    /** Percentage of first attempts the bank refuses (AM04, retried by the bridge). */
    static final int REJECT_PERCENT = 15;
    /** Small, so that batches wait for credits; the final top-up pays what still waits. */
    static final long CREATION_CEILING_CENTS = 3_000;
    /** Days the workload moves the clock at most (one more closes the last window). */
    static final int MAX_DAYS = 60;
    static final long SETTLE_TIMEOUT_MILLIS = 120_000;
    static final long WORKER_JOIN_MILLIS = 120_000;
    static final int MAX_TOP_UPS = 5;
    /** How long the workload goes on once the last restart serves. */
    static final long LAST_RUN_MILLIS = 2_000;
    static final String DEBTOR_IBAN = "FR7630006000011234567890189";

    @TempDir
    Path dir;
    DemoNetwork.Demo demo;
    LedgerNode node;
    LedgerConnection ledger;
    final AtomicLong shiftSeconds = new AtomicLong(GENESIS_TIME + 10 * 86_400 - Instant.now().getEpochSecond());
    final BridgeTestbed.ShiftedClock clock = new BridgeTestbed.ShiftedClock(shiftSeconds);

    @AfterEach
    void stopNode() {
        if (node != null) {
            node.close();
        }
    }

    @Test
    void sigkillAtRandomPoints_thenRestart_everyLinePaidOnce_fundingReconciles_attestedOnce() throws Exception {
        long seed = Long.getLong("crash.seed", System.nanoTime());
        int rounds = Integer.getInteger("crash.rounds", DEFAULT_ROUNDS);
        Random random = new Random(seed);
        String mode = System.getProperty("crash.mode", random.nextBoolean() ? "net" : "gross");
        int maxBlockRange = 2 + random.nextInt(20);
        System.out.printf("bridge crash test: seed %d, %d kills, %s mode, maxBlockRange %d%n", seed, rounds, mode,
                maxBlockRange);
        long started = System.nanoTime();
        LedgerActivity onLedger = startLedger(random);
        int port = BridgeTestbed.freePort();
        RetryingClient client = new RetryingClient(port);
        CrashBank bank = new CrashBank(client, seed, REJECT_PERCENT);
        CreditActivity credits = new CreditActivity(client, bank, onLedger::month, new Random(seed + 1));
        try (BridgeProcess bridge = new BridgeProcess(writeConfig(port, mode, maxBlockRange),
                dir.resolve("bridge.log"), port)) {
            try {
                // No wait for the bridge's first ledger read: until then credits are answered 503 and retried.
                bridge.start();
                Worker ledgerWorker = Worker.start("crash-ledger", onLedger::step);
                Worker creditWorker = Worker.start("crash-credits", credits::step);
                killAtRandomPoints(bridge, rounds, random, ledgerWorker, creditWorker);
                bridge.awaitHealthy();
                Thread.sleep(LAST_RUN_MILLIS); // some work with a bridge that stays up
                ledgerWorker.stop();
                creditWorker.stop();
                onLedger.nextDay(); // closes the last window
                long head = EventQuery.headBlock(ledger); // no line after it: the workload is over
                List<Line> lines = ledgerLines(head);
                settle(client, bank, credits, lines.size(), head);
                Outcome outcome = check(client, bank, credits, lines);
                report(rounds, bridge, onLedger, lines, outcome, bank, credits, client, started);
                assertThat(bridge.logLinesContaining("snapshot taken at journal entry")).as("snapshots taken")
                        .isPositive();
            } catch (Throwable t) {
                System.out.println("bridge crash test failed (seed " + seed + "); bridge log tail:\n"
                        + bridge.logTail(80));
                throw t;
            }
        }
    }

    private static void report(int rounds, BridgeProcess bridge, LedgerActivity onLedger, List<Line> lines,
                               Outcome outcome, CrashBank bank, CreditActivity credits, RetryingClient client,
                               long startedNanos) {
        System.out.printf("bridge crash test: %d kills (%d starts); ledger: %d txs (refused: %s), %d days, %d lines "
                        + "(%d cents); bridge: %d batches, %d orders, %d transfers in pain.001 files; bank: %d booked, "
                        + "%d refused (retried); %d credits accepted (%d cents), %d sent again and refused; %d "
                        + "requests retried; %d starts from a snapshot (%d snapshots taken); %d s%n", rounds,
                bridge.starts(), onLedger.transactions,
                onLedger.refusals, onLedger.days, lines.size(), lines.stream().mapToLong(Line::amountCents).sum(),
                outcome.batches(), outcome.orders(), outcome.transfers(), bank.booked.size(), bank.refused.size(),
                credits.accepted.size(),
                credits.accepted.values().stream().mapToLong(CreditActivity.Credit::amountCents).sum(),
                credits.duplicateCreditsRefused + credits.duplicateBankMessagesRefused, client.retries.get(),
                bridge.logLinesContaining("restored from the snapshot"),
                bridge.logLinesContaining("snapshot taken at journal entry"),
                TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - startedNanos));
    }

    // ---- the ledger ----

    private LedgerActivity startLedger(Random random) throws Exception {
        demo = DemoNetwork.generate(Programmes.ALL, new DemoNetwork.Options(DemoNetwork.DEFAULT_CHAIN_ID,
                Instant.ofEpochSecond(GENESIS_TIME), null, "demo"));
        DemoNetwork.write(demo, dir.resolve("config"), false);
        node = LedgerNode.start(new NodeConfig(dir.resolve("config").resolve(DemoNetwork.GENESIS_FILE),
                dir.resolve("node"), "127.0.0.1", BridgeTestbed.freePort(), BridgeTestbed.freePort(), clock));
        ledger = LedgerConnection.connect("http://127.0.0.1:" + node.rpcPort());
        AuthorityClient authority = new AuthorityClient(ledger, key("authority"));
        AuthorityClient registrar = new AuthorityClient(ledger, key("registrar"));
        List<MemberClient> members = new ArrayList<>();
        int household = 1;
        for (String m : List.of("alice", "bob", "chloe")) {
            MemberClient member = new MemberClient(ledger, key(m));
            registrar.enrolMember(member.address(), "FR-OCC-34-172", household++);
            members.add(member);
        }
        List<ProviderClient> shops = List.of(provider("biocoop-montpellier"), provider("supermarket-paris"));
        ProviderClient doctor = provider("medecin-sete");
        ProviderClient pharmacy = provider("pharmacie-lodeve");
        for (ProviderClient shop : shops) {
            authority.conventionProvider(shop.address(), List.of(FOOD), LedgerActivity.TERRITORY, EPOCH, EPOCH + 12);
        }
        for (ProviderClient carer : List.of(doctor, pharmacy)) {
            authority.conventionProvider(carer.address(), List.of(HEALTH), LedgerActivity.TERRITORY, EPOCH,
                    EPOCH + 12);
        }
        authority.setCapitation(HEALTH, 500);
        authority.openEpoch(EPOCH);
        for (MemberClient member : members) {
            member.choosePractitioner(doctor.address(), HEALTH);
        }
        return new LedgerActivity(new LedgerActivity.Actors(authority, members, shops, doctor, pharmacy),
                shiftSeconds, clock, new Random(random.nextLong()), EPOCH, MAX_DAYS);
    }

    private ProviderClient provider(String label) {
        return new ProviderClient(ledger, key(label));
    }

    private Credentials key(String label) {
        return demo.keys().byLabel(label).credentials();
    }

    private Path writeConfig(int port, String mode, int maxBlockRange) throws Exception {
        Path keyFile = dir.resolve("bridge.key");
        Files.writeString(keyFile, key(DemoNetwork.BRIDGE_LABEL).getEcKeyPair().getPrivateKey().toString(16));
        Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
        String json = """
                {
                  "dataDir": "bridge-data",
                  "ledger": {"rpcUrl": "http://127.0.0.1:%d", "keyFile": "bridge.key", "pollMillis": 50,
                             "maxBlockRange": %d},
                  "http": {"port": %d},
                  "settlement": {"window": "daily", "mode": "%s"},
                  "debtor": {"name": "Caisse commune", "iban": "%s", "bic": "AGRIFRPP"},
                  "funding": {
                    "accounts": [
                      {"id": "ssa-members", "kind": "contributions", "earmarks": [%d]},
                      {"id": "state", "kind": "public-account", "earmarks": [%d]},
                      {"id": "region", "kind": "public-account", "earmarks": [%d, %d]},
                      {"id": "creation", "kind": "monetary-creation"}
                    ],
                    "creationCeilingCentsPerMonth": %d
                  },
                  "memberContributions": {"accountId": "ssa-members"},
                  "payees": [
                    {"provider": "%s", "name": "Biocoop Montpellier", "iban": "DE89370400440532013000"},
                    {"provider": "%s", "name": "Supermarche Paris", "iban": "NL91ABNA0417164300"},
                    {"provider": "%s", "name": "Cabinet Sete", "iban": "FR1420041010050500013M02606",
                     "bic": "PSSTFRPPMON"},
                    {"provider": "%s", "name": "Pharmacie Lodeve", "iban": "BE68539007547034"}
                  ]
                }
                """.formatted(node.rpcPort(), maxBlockRange, port, mode, DEBTOR_IBAN, FOOD, HEALTH, HEALTH, FOOD,
                CREATION_CEILING_CENTS, address("biocoop-montpellier"), address("supermarket-paris"),
                address("medecin-sete"), address("pharmacie-lodeve"));
        Path file = dir.resolve("bridge.json");
        Files.writeString(file, json);
        return file;
    }

    private String address(String label) {
        return demo.keys().byLabel(label).address().toHex();
    }

    // ---- the crashes ----

    /**
     * Kills the child {@code rounds} times and restarts it at once: a quarter of the kills come 0.1 to 1.6 s after
     * the start (while it replays its journal, rewrites files, starts serving), the others 0.3 to 4 s after it
     * serves (while it follows the ledger, cuts orders, attests, answers).
     */
    private static void killAtRandomPoints(BridgeProcess bridge, int rounds, Random random, Worker... workers)
            throws Exception {
        for (int k = 1; k <= rounds; k++) {
            boolean early = random.nextInt(4) == 0;
            long delayMillis = early ? 100 + random.nextInt(1_500) : 300 + random.nextInt(3_700);
            if (!early) {
                bridge.awaitHealthy();
            }
            Thread.sleep(delayMillis);
            for (Worker w : workers) {
                w.check();
            }
            bridge.kill();
            System.out.printf("kill %d: %d ms after %s%n", k, delayMillis, early ? "the start" : "serving");
            bridge.start();
        }
    }

    // ---- the end: settle everything ----

    /**
     * Lets the bridge read every line, batch, fund, order and settle, the bank answering; what waits for funding
     * once nothing else moves gets a public credit covering it (at most {@value #MAX_TOP_UPS}). Bounded.
     */
    private static void settle(RetryingClient client, CrashBank bank, CreditActivity credits, int lineCount,
                               long lastLineBlock) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(SETTLE_TIMEOUT_MILLIS);
        String picture = "";
        long stillSince = System.nanoTime();
        int topUps = 0;
        while (System.nanoTime() < deadline) {
            int answered = bank.answerNewOrders();
            JsonNode status = client.get("/v1/status");
            JsonNode batches = client.get("/v1/batches");
            long linesRead = status.get("linesRead").asLong();
            boolean allRead = linesRead == lineCount && status.get("openLinesByWindow").isEmpty();
            if (status.get("nextBlock").asLong() > lastLineBlock && linesRead != lineCount) {
                throw new AssertionError("the bridge read the ledger up to block " + lastLineBlock + " and took "
                        + linesRead + " lines; the ledger has " + lineCount + " there");
            }
            List<JsonNode> unsettled = batches.valueStream().filter(b -> !b.get("state").asText().equals("settled")
                    || b.get("attestationTx").isNull()).toList();
            if (allRead && unsettled.isEmpty()) {
                return;
            }
            String now = status.get("linesRead") + " " + batches;
            if (!now.equals(picture) || answered > 0) {
                picture = now;
                stillSince = System.nanoTime();
            } else if (allRead && System.nanoTime() - stillSince > TimeUnit.SECONDS.toNanos(1)) {
                long owed = unsettled.stream().filter(b -> List.of("waiting-funding", "retrying")
                        .contains(b.get("state").asText())).mapToLong(b -> b.get("totalCents").asLong()).sum();
                if (owed > 0 && topUps < MAX_TOP_UPS) {
                    credits.publicCredit("region", owed);
                    topUps++;
                    stillSince = System.nanoTime();
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the bridge did not settle everything in " + SETTLE_TIMEOUT_MILLIS + " ms; status "
                + client.get("/v1/status") + "; batches not settled: " + client.get("/v1/batches").valueStream()
                .filter(b -> !b.get("state").asText().equals("settled") || b.get("attestationTx").isNull()).toList());
    }

    // ---- the checks ----

    /** A line the bridge must pay, as read here from the ledger's events (not through the bridge's follower). */
    record Line(String id, String provider, String day, long amountCents) {}

    private List<Line> ledgerLines(long head) throws Exception {
        List<String> topics = List.of(EventDecoder.REDEEMED_TOPIC, EventDecoder.CLAIM_PAID_TOPIC,
                EventDecoder.CAPITATION_PAID_TOPIC);
        Map<Long, String> days = new HashMap<>();
        List<Line> lines = new ArrayList<>();
        for (long from = 0; from <= head; from += 500) {
            for (PositionedEvent p : EventQuery.positionedEvents(ledger, from, Math.min(head, from + 499), topics)) {
                String day = days.computeIfAbsent(p.blockNumber(), this::dayOf);
                String id = p.blockNumber() + ":" + p.logIndex();
                lines.add(switch (p.event()) {
                    case LedgerEvent.Redeemed r -> new Line(id, r.provider().toLowerCase(), day, r.amountCents());
                    case LedgerEvent.ClaimPaid c -> new Line(id, c.provider().toLowerCase(), day, c.amountCents());
                    case LedgerEvent.CapitationPaid c -> new Line(id, c.provider().toLowerCase(), day, c.amountCents());
                    default -> throw new AssertionError("unexpected event " + p.event());
                });
            }
        }
        return lines;
    }

    private String dayOf(long block) {
        try {
            long ts = EventQuery.blockTimestampSeconds(ledger, block);
            return LocalDate.ofInstant(Instant.ofEpochSecond(ts), ZoneOffset.UTC).toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    record Outcome(int batches, int orders, int transfers) {}

    private Outcome check(RetryingClient client, CrashBank bank, CreditActivity credits, List<Line> lines)
            throws Exception {
        List<JsonNode> batches = client.get("/v1/batches").valueStream().toList();
        List<JsonNode> orders = client.get("/v1/orders").valueStream().toList();
        assertThat(batches).as("batches").isNotEmpty();
        assertThat(client.get("/v1/status").get("refusedAttestations")).as("attestations the ledger refused").isEmpty();
        assertThat(orders.size()).as("orders listed (the list is capped)").isLessThan(BridgeApi.MAX_LIST);
        everyLineInExactlyOneBatch(lines, batches);
        int transfers = noProviderPaidTwice(client, bank, orders, batches);
        fundingReconciles(client.get("/v1/funding"), batches, credits);
        everyBatchAttestedOnce(batches);
        return new Outcome(batches.size(), orders.size(), transfers);
    }

    /** 1. Per provider and day, the batches hold as many lines, for as much, as the ledger has. */
    private static void everyLineInExactlyOneBatch(List<Line> lines, List<JsonNode> batches) {
        assertThat(lines.stream().map(Line::id).distinct().count()).isEqualTo(lines.size());
        Map<String, List<Long>> onLedger = new TreeMap<>();
        for (Line l : lines) {
            add(onLedger, l.provider() + " " + l.day(), 1, l.amountCents());
        }
        Map<String, List<Long>> inBatches = new TreeMap<>();
        for (JsonNode b : batches) {
            add(inBatches, b.get("provider").asText() + " " + b.get("window").asText(), b.get("lineCount").asLong(),
                    b.get("totalCents").asLong());
        }
        assertThat(inBatches).as("[line count, cents] per provider and day: batches vs ledger").isEqualTo(onLedger);
    }

    private static void add(Map<String, List<Long>> map, String key, long count, long cents) {
        map.merge(key, List.of(count, cents), (a, b) -> List.of(a.get(0) + b.get(0), a.get(1) + b.get(1)));
    }

    /**
     * 2. Each end-to-end id is in one pain.001 file only; the files are the orders' and read as the bridge renders
     * them; the bank booked each transfer of each batch once (a refused attempt was retried under the next attempt
     * number) and each batch's total exactly. Returns the number of transfers in the files.
     */
    private int noProviderPaidTwice(RetryingClient client, CrashBank bank, List<JsonNode> orders,
                                    List<JsonNode> batches) throws Exception {
        Path out = dir.resolve("bridge-data").resolve("out");
        List<Path> files;
        try (Stream<Path> s = Files.list(out)) {
            files = s.filter(p -> p.getFileName().toString().matches("TM\\d{12}\\.xml")).sorted().toList();
        }
        assertThat(files).extracting(p -> p.getFileName().toString().replace(".xml", ""))
                .as("one file per payment order").containsExactlyInAnyOrderElementsOf(
                        orders.stream().map(o -> o.get("messageId").asText()).toList());
        Map<String, CrashBank.Transfer> byEndToEndId = new TreeMap<>();
        for (Path f : files) {
            byte[] bytes = Files.readAllBytes(f);
            String id = f.getFileName().toString().replace(".xml", "");
            assertThat(new String(bytes, StandardCharsets.UTF_8)).as("file " + id + " as the bridge renders it")
                    .isEqualTo(new String(client.getBytes("/v1/orders/" + id + "/pain001"), StandardCharsets.UTF_8));
            for (CrashBank.Transfer t : CrashBank.transfers(bytes)) {
                assertThat(byEndToEndId.put(t.endToEndId(), t)).as("end-to-end id %s in one file only (%s)",
                        t.endToEndId(), id).isNull();
            }
        }
        assertThat(byEndToEndId.keySet()).as("every transfer instructed was answered by the bank")
                .containsExactlyInAnyOrderElementsOf(concat(bank.booked.keySet(), bank.refused));
        Map<String, Long> bookedByBatch = new TreeMap<>();
        Map<String, String> bookedAttemptByTransfer = new TreeMap<>();
        for (Map.Entry<String, Long> e : bank.booked.entrySet()) {
            CrashBank.Transfer t = byEndToEndId.get(e.getKey());
            bookedByBatch.merge(t.batchId(), e.getValue(), Long::sum);
            String transfer = t.batchId() + "#" + transferIndex(t);
            assertThat(bookedAttemptByTransfer.put(transfer, t.endToEndId()))
                    .as("transfer %s booked once (now %s)", transfer, t.endToEndId()).isNull();
        }
        for (String refused : bank.refused) {
            CrashBank.Transfer t = byEndToEndId.get(refused);
            assertThat(bookedAttemptByTransfer.get(t.batchId() + "#" + transferIndex(t)))
                    .as("the refused %s was paid by a later attempt", refused)
                    .isNotNull().isNotEqualTo(refused);
        }
        Map<String, Long> totals = new TreeMap<>();
        batches.forEach(b -> totals.put(b.get("id").asText(), b.get("totalCents").asLong()));
        assertThat(bookedByBatch).as("cents booked per batch = its total").isEqualTo(totals);
        return byEndToEndId.size();
    }

    /** "0" in net mode ({@code <batch>-<attempt>}), the line's index in gross mode ({@code <batch>-<attempt>-<i>}). */
    private static String transferIndex(CrashBank.Transfer t) {
        String[] rest = t.endToEndId().substring(t.batchId().length() + 1).split("-");
        return rest.length == 1 ? "0" : rest[1];
    }

    private static List<String> concat(java.util.Collection<String> a, java.util.Collection<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** 3. Balances = credited - taken by booked transfers, per source; creation used = what creation paid. */
    private static void fundingReconciles(JsonNode funding, List<JsonNode> batches, CreditActivity credits) {
        Map<String, Long> paid = new TreeMap<>();
        long totals = 0;
        for (JsonNode b : batches) {
            b.get("paidBySourceCents").properties().forEach(e -> paid.merge(e.getKey(), e.getValue().asLong(),
                    Long::sum));
            totals += b.get("totalCents").asLong();
        }
        Map<String, Long> credited = new TreeMap<>();
        credits.accepted.values().forEach(c -> credited.merge(c.accountId(), c.amountCents(), Long::sum));
        JsonNode balances = funding.get("balancesCents");
        long creationUsed = 0;
        for (JsonNode month : funding.get("creationUsedCentsByMonth")) {
            assertThat(month.asLong()).as("creation used in a month").isLessThanOrEqualTo(CREATION_CEILING_CENTS);
            creationUsed += month.asLong();
        }

        assertThat(paid.values().stream().mapToLong(Long::longValue).sum()).as("paid by all sources = batch totals")
                .isEqualTo(totals);
        assertThat(balances.get("ssa-members").asLong()).as("contributions account")
                .isEqualTo(credited.getOrDefault("ssa-members", 0L)
                        - paid.getOrDefault(code(SourceKind.CONTRIBUTIONS), 0L));
        assertThat(balances.get("state").asLong() + balances.get("region").asLong()).as("public accounts")
                .isEqualTo(credited.getOrDefault("state", 0L) + credited.getOrDefault("region", 0L)
                        - paid.getOrDefault(code(SourceKind.PUBLIC_ACCOUNT), 0L));
        assertThat(creationUsed).as("creation used")
                .isEqualTo(paid.getOrDefault(code(SourceKind.MONETARY_CREATION), 0L));
    }

    private static String code(SourceKind kind) {
        return kind.code();
    }

    /** 4. Each batch attested once, by the bridge, with its figures; the ledger's totals count each once. */
    private void everyBatchAttestedOnce(List<JsonNode> batches) throws Exception {
        SettlementClient reader = new SettlementClient(ledger, key("auditor"));
        String bridgeAccount = address(DemoNetwork.BRIDGE_LABEL).toLowerCase();
        long total = 0;
        long contributions = 0;
        long publicAccounts = 0;
        long creation = 0;
        for (JsonNode b : batches) {
            assertThat(b.get("state").asText()).as("batch %s", b.get("id")).isEqualTo("settled");
            RecordedAttestation a = reader.attestationOf(b.get("hash").asText()).orElseThrow(
                    () -> new AssertionError("batch " + b + " is not attested on the ledger"));
            JsonNode paid = b.get("paidBySourceCents");
            assertThat(a.bridge()).isEqualTo(bridgeAccount);
            assertThat(List.of(a.attestation().batchId(), a.attestation().totalCents(),
                    a.attestation().lineCount(), a.attestation().contributionsCents(),
                    a.attestation().publicAccountsCents(), a.attestation().monetaryCreationCents()))
                    .as("attestation of %s", b.get("id")).isEqualTo(List.of(b.get("id").asText(),
                            b.get("totalCents").asLong(), b.get("lineCount").asLong(),
                            paid.path(code(SourceKind.CONTRIBUTIONS)).asLong(),
                            paid.path(code(SourceKind.PUBLIC_ACCOUNT)).asLong(),
                            paid.path(code(SourceKind.MONETARY_CREATION)).asLong()));
            total += b.get("totalCents").asLong();
            contributions += paid.path(code(SourceKind.CONTRIBUTIONS)).asLong();
            publicAccounts += paid.path(code(SourceKind.PUBLIC_ACCOUNT)).asLong();
            creation += paid.path(code(SourceKind.MONETARY_CREATION)).asLong();
        }
        assertThat(reader.settlementTotals()).as("the ledger's settlement totals")
                .isEqualTo(new SettlementTotals(total, contributions, publicAccounts, creation, batches.size()));
        List<LedgerEvent> attested = EventQuery.events(ledger, 0L, null, EventDecoder.SETTLEMENT_ATTESTED_TOPIC);
        assertThat(new TreeSet<>(attested.stream().map(e -> ((LedgerEvent.SettlementAttested) e).batchHash())
                .toList())).as("attestation events, one per batch").hasSize(batches.size())
                .hasSameSizeAs(attested);
    }

    /** A thread repeating a step until stopped, keeping the first failure (bounded by {@value #MAX_STEPS} steps). */
    static final class Worker {
        static final int MAX_STEPS = 100_000;

        interface Step {
            void run() throws Exception;
        }

        private final Thread thread;
        private volatile boolean stopping;
        private volatile Throwable failure;
        long steps;

        private Worker(String name, Step step) {
            this.thread = Thread.ofPlatform().name(name).daemon(true).unstarted(() -> {
                try {
                    while (!stopping && steps < MAX_STEPS) {
                        step.run();
                        steps++;
                    }
                } catch (Throwable t) {
                    failure = t;
                }
            });
        }

        static Worker start(String name, Step step) {
            Worker w = new Worker(name, step);
            w.thread.start();
            return w;
        }

        /** Throws what made the worker fail, if it did. */
        void check() {
            if (failure != null) {
                throw new AssertionError(thread.getName() + " failed: " + failure, failure);
            }
        }

        /** Stops after the current step; bounded wait; rethrows a failure. */
        void stop() throws InterruptedException {
            stopping = true;
            thread.join(WORKER_JOIN_MILLIS);
            if (thread.isAlive()) {
                throw new AssertionError(thread.getName() + " did not stop in " + WORKER_JOIN_MILLIS + " ms");
            }
            check();
        }
    }
}
