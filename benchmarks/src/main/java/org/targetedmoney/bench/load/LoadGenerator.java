package org.targetedmoney.bench.load;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.targetedmoney.netconfig.genesis.GenesisWriter;
import org.targetedmoney.node.run.LedgerNode;
import org.targetedmoney.node.run.NodeConfig;
import org.targetedmoney.policy.genesis.Genesis;
import org.targetedmoney.policy.model.Address;
import org.targetedmoney.policy.model.EpochScheme;
import org.targetedmoney.policy.model.Role;
import org.web3j.abi.datatypes.generated.Uint32;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * End-to-end load: starts a one-validator node in this JVM (on 127.0.0.1), enrols members, conventions
 * shops, opens the epoch, pre-signs {@code members x rounds} payments, then sends them closed-loop through
 * JSON-RPC batches from {@code workers} threads. A payment counts when eth_sendRawTransaction answered its
 * hash, i.e. when its block is applied and stored. Reports throughput and latency (submission to stored
 * block) and checks outcomes: every payment answered, shops credited exactly, conservation holds.
 */
@Command(name = "load-generator", mixinStandardHelpOptions = true,
        description = "Signed payments per second through JSON-RPC on an embedded one-validator node.")
public final class LoadGenerator implements Callable<Integer> {
    static final long CHAIN_ID = 4242;

    @Option(names = "--members", defaultValue = "2000", description = "Paying members (default ${DEFAULT-VALUE}).")
    int members;

    @Option(names = "--rounds", defaultValue = "10", description = "Payments per member (default ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--workers", defaultValue = "8",
            description = "Concurrent HTTP clients, each owning members/workers members (default ${DEFAULT-VALUE}).")
    int workers;

    @Option(names = "--out", description = "Write the result as JSON to this file.")
    Path out;

    @Override
    public Integer call() throws Exception {
        if (members < workers || rounds < 1 || workers < 1 || rounds > 10_000) {
            System.err.println("error: need --members >= --workers >= 1 and 1 <= --rounds <= 10000");
            return 2;
        }
        Path dir = Files.createTempDirectory("load-generator");
        Workload w = new Workload(CHAIN_ID, members);
        try (LedgerNode node = LedgerNode.start(config(dir, w))) {
            JsonRpcClient rpc = new JsonRpcClient("http://127.0.0.1:" + node.rpcPort());
            int epoch = EpochScheme.monthly(0).epochAt(System.currentTimeMillis() / 1000);
            setUp(rpc, w, epoch);
            System.out.printf("signing %d payments on %d cores...%n", (long) members * rounds,
                    Runtime.getRuntime().availableProcessors());
            List<List<String>> payments = w.payments(rounds);
            JsonObject result = run(rpc, payments);
            verify(rpc, w, result);
            System.out.println(result.encodePrettily());
            if (out != null) {
                Files.writeString(out, result.encodePrettily());
            }
            return result.getLong("errors") == 0 && result.getBoolean("conservationHolds") ? 0 : 1;
        }
    }

    private NodeConfig config(Path dir, Workload w) throws Exception {
        long monthStart = LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1).toEpochSecond(java.time.LocalTime.MIDNIGHT,
                ZoneOffset.UTC);
        Address validator = Address.fromHex(Workload.key(3).getAddress());
        Genesis g = new Genesis(CHAIN_ID, monthStart, EpochScheme.monthly(monthStart),
                List.of(new Genesis.PurposeSpec("HEALTH", "Health"), new Genesis.PurposeSpec("FOOD", "Food")),
                List.of("FR", "FR-OCC", "FR-OCC-34"),
                List.of(new Genesis.AccountSpec(Address.fromHex(w.authority.getAddress()), List.of(Role.AUTHORITY),
                                null, "authority"),
                        new Genesis.AccountSpec(Address.fromHex(w.registrar.getAddress()), List.of(Role.REGISTRAR),
                                null, "registrar"),
                        new Genesis.AccountSpec(validator, List.of(Role.VALIDATOR), null, "validator")),
                List.of(new Genesis.AllowanceSpec("FOOD", List.of(15_000L), 3,
                        EpochScheme.monthly(monthStart).epochAt(monthStart))),
                List.of(validator));
        Path genesis = dir.resolve("genesis.json");
        GenesisWriter.write(g, genesis);
        return new NodeConfig(genesis, dir.resolve("data"), "127.0.0.1", 0, freePort(), Clock.systemUTC());
    }

    private static int freePort() throws java.io.IOException {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private void setUp(JsonRpcClient rpc, Workload w, int epoch) throws Exception {
        System.out.printf("enrolling %d members, conventioning %d shops, opening epoch %d...%n", members,
                Workload.SHOPS, epoch);
        List<String> enrol = w.enrolments();
        // One sender's nonces may arrive out of order within a batch, but at most 64 ahead may wait.
        for (int i = 0; i < enrol.size(); i += 50) {
            expectHashes(rpc.sendRawBatch(enrol.subList(i, Math.min(enrol.size(), i + 50))));
        }
        expectHashes(rpc.sendRawBatch(w.conventions(epoch)));
        expectHashes(rpc.sendRawBatch(List.of(w.sign(w.authority, Workload.SHOPS, "openEpoch", new Uint32(epoch)))));
    }

    private static void expectHashes(JsonArray answers) {
        for (Object a : answers) {
            if (((JsonObject) a).containsKey("error")) {
                throw new IllegalStateException("set-up transaction refused: " + a);
            }
        }
    }

    private JsonObject run(JsonRpcClient rpc, List<List<String>> payments) throws Exception {
        Histogram latency = new Histogram(TimeUnit.MINUTES.toMicros(2), 3);
        AtomicLong done = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        int group = members / workers;
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        Thread progress = Thread.ofPlatform().daemon().start(() -> printProgress(done, (long) members * rounds));
        long start = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int k = 0; k < workers; k++) {
            int from = k * group;
            int to = k == workers - 1 ? members : from + group;
            futures.add(pool.submit(() -> {
                for (List<String> round : payments) {
                    long t0 = System.nanoTime();
                    JsonArray answers = rpc.sendRawBatch(round.subList(from, to));
                    long micros = (System.nanoTime() - t0) / 1_000;
                    for (Object a : answers) {
                        if (((JsonObject) a).containsKey("error")) {
                            errors.incrementAndGet();
                        }
                    }
                    synchronized (latency) {
                        latency.recordValueWithCount(micros, to - from);
                    }
                    done.addAndGet(to - from);
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        progress.interrupt();
        long total = (long) members * rounds;
        return new JsonObject().put("payments", total).put("errors", errors.get()).put("seconds", seconds)
                .put("paymentsPerSecond", Math.round(total / seconds)).put("workers", workers)
                .put("batchSize", group).put("latencyMillis", new JsonObject()
                        .put("p50", latency.getValueAtPercentile(50) / 1000.0)
                        .put("p99", latency.getValueAtPercentile(99) / 1000.0)
                        .put("p999", latency.getValueAtPercentile(99.9) / 1000.0)
                        .put("max", latency.getMaxValue() / 1000.0));
    }

    private static void printProgress(AtomicLong done, long total) {
        long last = 0;
        try {
            while (true) {
                Thread.sleep(1_000);
                long now = done.get();
                System.out.printf("  %,d / %,d payments stored, %,d/s%n", now, total, now - last);
                last = now;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Outcomes, not counts: every shop was credited exactly what was paid, and conservation holds. */
    private void verify(JsonRpcClient rpc, Workload w, JsonObject result) throws Exception {
        JsonObject inv = (JsonObject) rpc.call("ledger_invariants");
        long providerBalances = 0;
        for (Object p : inv.getJsonArray("purposes")) {
            JsonObject purpose = (JsonObject) p;
            if (purpose.getInteger("purpose") == Workload.FOOD) {
                providerBalances = Long.parseLong(purpose.getString("providerBalances"));
            }
        }
        long expected = result.getLong("payments") - result.getLong("errors");
        result.put("conservationHolds", inv.getBoolean("holds") && providerBalances == expected)
                .put("shopsCreditedCents", providerBalances);
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new LoadGenerator()).execute(args));
    }
}
