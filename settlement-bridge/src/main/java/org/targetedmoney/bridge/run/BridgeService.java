package org.targetedmoney.bridge.run;

import io.vertx.core.Future;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.targetedmoney.bridge.engine.Applied;
import org.targetedmoney.bridge.engine.Attestation;
import org.targetedmoney.bridge.engine.BridgeEngine;
import org.targetedmoney.bridge.engine.BridgeInput;
import org.targetedmoney.bridge.engine.FundCollectionOrder;
import org.targetedmoney.bridge.engine.FundPayoutOrder;
import org.targetedmoney.bridge.engine.PaymentOrder;
import org.targetedmoney.bridge.journal.EngineSnapshots;
import org.targetedmoney.bridge.journal.Journal;
import org.targetedmoney.bridge.ledger.Attestor;
import org.targetedmoney.bridge.ledger.FollowStep;
import org.targetedmoney.bridge.ledger.LedgerCursor;
import org.targetedmoney.bridge.ledger.LedgerFollower;
import org.targetedmoney.bridge.store.BridgeStore;
import org.targetedmoney.bridge.store.BridgeWriter;
import org.targetedmoney.bridge.store.Sequence;
import org.targetedmoney.bridge.store.Writes;
import org.targetedmoney.wallet.core.KeyFiles;
import org.targetedmoney.wallet.core.LedgerConnection;
import org.targetedmoney.wallet.core.LedgerRequestException;
import org.targetedmoney.wallet.settlement.SettlementAttestation;
import org.targetedmoney.wallet.settlement.SettlementClient;
import org.web3j.crypto.Credentials;

/**
 * The running bridge: the store and its single writer, the engine rebuilt from the journal, and the sync step
 * that follows the ledger, cuts payment orders, writes their pain.001 files and attests settled batches.
 *
 * <p>Every change of state is an input journaled and applied on the writer thread ({@link #submit}); the engine
 * is touched nowhere else. Side effects outside the store (files, ledger transactions) come after the commit
 * that decided them and are idempotent, so a crash between the two is repaired by doing them again: a missing
 * file is rendered again from its order (same bytes), an attestation is sent again (the ledger answers
 * ALREADY_ATTESTED).
 */
public final class BridgeService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BridgeService.class);
    /** Longest wait for the writer before a sync step gives up (and retries on the next one). */
    static final long WRITER_TIMEOUT_MILLIS = 30_000;
    private static final Sequence ORDERS = new Sequence("payment-order");

    private final BridgeConfig config;
    private final BridgeStore store;
    private final BridgeWriter writer;
    private final Journal journal;
    private final EngineSnapshots snapshots;
    private final EngineSnapshots.Recovery recovery;
    private final BridgeEngine engine;
    private final LedgerFollower follower;
    private final Attestor attestor;
    private final PaymentFiles files;
    private final BridgeMetrics metrics;
    /** Attestations the ledger refused, by batch id (a person must look; not journaled, retried each step). */
    private final Map<String, String> refusedAttestations = new TreeMap<>();
    private volatile String lastLedgerError = "";
    private volatile boolean failed;
    /** Fund payout orders whose files are known written (touched by the sync thread only, after start). */
    private int fundOrdersEnsured;
    /**
     * Set when an input that can decide fund orders was applied (a read of the ledger closing a period, a bank
     * message about the fund causing retries), cleared once their files are written.
     */
    private volatile boolean fundFilesToCheck = true;

    private BridgeService(BridgeConfig config, BridgeStore store, LedgerConnection ledger, Credentials bridge) {
        this.config = config;
        this.store = store;
        this.journal = new Journal(store);
        this.snapshots = new EngineSnapshots(store, journal);
        this.recovery = snapshots.recover(() -> EngineFactory.engine(config));
        this.engine = recovery.engine();
        if (recovery.snapshotPosition() > 0) {
            LOG.info("bridge state restored from the snapshot at journal entry {}, then {} entries replayed",
                    recovery.snapshotPosition(), recovery.replayedEntries());
        } else {
            LOG.info("bridge state rebuilt from {} journal entries (no usable snapshot)", recovery.replayedEntries());
        }
        this.writer = BridgeWriter.start(store);
        this.follower = new LedgerFollower(ledger, config.ledger().maxBlockRange(), config.ledger().confirmations());
        this.attestor = new Attestor(new SettlementClient(ledger, bridge));
        this.files = new PaymentFiles(config.outDir(), config.debtor(), config.interEnterpriseFund());
        this.metrics = new BridgeMetrics();
    }

    /** Opens the store, replays the journal, connects to the ledger and rewrites any pain.001 file missing. */
    public static BridgeService open(BridgeConfig config, PrintWriter err) throws IOException, LedgerRequestException {
        Credentials bridge = KeyFiles.read(config.ledger().keyFile(), "config.ledger.keyFile", err);
        LedgerConnection ledger = LedgerConnection.connect(config.ledger().rpcUrl().toString());
        BridgeStore store = BridgeStore.open(config.dataDir());
        try {
            BridgeService service = new BridgeService(config, store, ledger, bridge);
            int leftovers = service.files.removeLeftovers();
            if (leftovers > 0) {
                LOG.info("removed {} temporary pain.001 files left by a crash", leftovers);
            }
            for (PaymentOrder o : service.engine.newestOrders(Integer.MAX_VALUE)) {
                service.files.ensure(o);
            }
            service.ensureFundFiles(fundOrders(service.engine));
            return service;
        } catch (RuntimeException | IOException e) {
            store.close();
            throw e;
        }
    }

    public BridgeConfig config() {
        return config;
    }

    public BridgeStore store() {
        return store;
    }

    public BridgeWriter writer() {
        return writer;
    }

    public BridgeMetrics metrics() {
        return metrics;
    }

    public PaymentFiles files() {
        return files;
    }

    /** Journals and applies {@code input} on the writer thread; a refused input is not journaled. */
    public Future<Applied> submit(BridgeInput input) {
        return writer.submit(writes -> applyStaged(input, writes));
    }

    /**
     * Applies {@code input} to the engine and stages its journal entry in {@code writes}: for tasks already on the
     * writer thread (the HTTP operations, which stage their idempotency record in the same commit).
     */
    public Applied applyStaged(BridgeInput input, Writes writes) {
        Check.onWriter(writer);
        if (failed) {
            throw new IllegalStateException("the bridge stopped after a failed commit: restart it");
        }
        Applied applied;
        try {
            applied = engine.apply(input);
        } catch (RuntimeException e) {
            failed = true; // an invariant broke half-way: the engine's memory can no longer be trusted
            LOG.error("the engine refused to apply an input (a bug); the bridge stops: {}", e.getMessage(), e);
            throw e;
        }
        if (!(applied instanceof Applied.Refused)) {
            long entry = journal.append(writes, input);
            snapshots.afterAppend(writes, entry, engine); // same commit as the entry it follows
        }
        if (applied instanceof Applied.FundReconciled f && !f.reconciliation().ordersMade().isEmpty()) {
            fundFilesToCheck = true; // retry orders: the next sync step writes their files (after this commit)
        }
        return applied;
    }

    /** The ledger time the engine has seen, for a task already on the writer thread. */
    long headTimestampOnWriter() {
        Check.onWriter(writer);
        return engine.headTimestampSeconds();
    }

    /** How many more bank receipts the engine can keep, for a task already on the writer thread. */
    long receiptRoomOnWriter() {
        Check.onWriter(writer);
        return engine.receipts().room();
    }

    /** The end-to-end ids of a fund order (payout or direct debit), for a task already on the writer thread. */
    java.util.Optional<List<String>> fundOrderOnWriter(String messageId) {
        Check.onWriter(writer);
        return engine.interEnterprise().flatMap(b -> b.endToEndIdsOf(messageId));
    }

    /** A payment order of the engine, for a task already on the writer thread. */
    java.util.Optional<PaymentOrder> orderOnWriter(String messageId) {
        Check.onWriter(writer);
        return engine.order(messageId);
    }

    /**
     * The metrics in Prometheus' text format, their gauges refreshed from the engine's running figures now.
     */
    public Future<byte[]> scrapeMetrics() {
        return read(e -> {
            metrics.update(e.status(), journal.size());
            metrics.updateReceipts(e.receipts().totals());
            return metrics.scrape();
        });
    }

    /** Reads the engine on the writer thread (between inputs, so the picture is consistent). */
    public <T> Future<T> read(Function<BridgeEngine, T> reader) {
        return writer.submit(writes -> reader.apply(engine));
    }

    /**
     * One sync step: read the ledger from the cursor, cut a payment order if something is payable, write its
     * file, attest what is settled. Blocking; called by the sync loop (one thread) and by tests.
     *
     * @return whether anything moved (so the loop polls again at once)
     */
    public boolean syncOnce() throws InterruptedException {
        boolean moved = follow();
        ensureFundFilesAfterCommit();
        moved |= cutPayments();
        moved |= attest();
        return moved;
    }

    private boolean follow() throws InterruptedException {
        Position known = await(read(e -> new Position(new LedgerCursor(e.nextBlock(), e.nextLogIndex()),
                e.headTimestampSeconds())));
        LedgerCursor from = known.cursor();
        FollowStep step;
        try {
            step = follower.poll(from);
            lastLedgerError = "";
        } catch (IOException e) {
            lastLedgerError = e.getMessage();
            metrics.ledgerErrors.inc();
            LOG.warn("ledger not read: {}", e.getMessage());
            return false;
        }
        metrics.lagBlocks.set(step.lagBlocks());
        if (step.lines().isEmpty() && step.next().equals(from)
                && step.headTimestampSeconds() <= known.headTimestampSeconds()) {
            return false;
        }
        await(submit(new BridgeInput.LinesRead(step.lines(), step.next().nextBlock(), step.next().nextLogIndex(),
                step.headBlock(), step.headTimestampSeconds())));
        fundFilesToCheck = true; // the ledger's clock moved: a fund period may have closed with a payout order
        return !step.caughtUp() || !step.lines().isEmpty();
    }

    /** Where the engine has read the ledger to, and the ledger's time it has seen. */
    private record Position(LedgerCursor cursor, long headTimestampSeconds) {}

    /**
     * Writes the files of the fund payout orders decided so far, if new ones came: the engine decides them in the
     * (committed) input that closed their period, only a read of the ledger, so a crash before the file is
     * repaired here or at start. A failed write is tried again at the next step.
     */
    private void ensureFundFilesAfterCommit() throws InterruptedException {
        if (!fundFilesToCheck) {
            return;
        }
        fundFilesToCheck = false; // cleared first: a retry decided while the files are written sets it again
        FundOrders orders = await(read(BridgeService::fundOrders));
        try {
            if (orders.size() != fundOrdersEnsured) {
                ensureFundFiles(orders);
                fundOrdersEnsured = orders.size();
            }
        } catch (IOException e) {
            fundFilesToCheck = true;
            LOG.error("fund order decided but its file could not be written (retried): {}", e.getMessage());
        }
    }

    /** The fund's payout (pain.001) and direct-debit (pain.008) orders. */
    private record FundOrders(List<FundPayoutOrder> payouts, List<FundCollectionOrder> collections) {
        int size() {
            return payouts.size() + collections.size();
        }
    }

    private static FundOrders fundOrders(BridgeEngine engine) {
        return engine.interEnterprise().map(b -> new FundOrders(b.orders(), b.collectionOrders()))
                .orElse(new FundOrders(List.of(), List.of()));
    }

    private void ensureFundFiles(FundOrders orders) throws IOException {
        for (FundPayoutOrder o : orders.payouts()) {
            files.ensure(o);
        }
        for (FundCollectionOrder o : orders.collections()) {
            files.ensure(o);
        }
    }

    /** Cuts one payment order of everything payable (message id from a durable sequence) and writes its file. */
    private boolean cutPayments() throws InterruptedException {
        Applied applied = await(writer.submit(writes -> {
            if (!engine.hasPayable()) {
                return new Applied.Nothing("nothing payable");
            }
            long n = ORDERS.next(writes);
            long createdAt = engine.headTimestampSeconds();
            LocalDate execution = Instant.ofEpochSecond(createdAt).atOffset(ZoneOffset.UTC).toLocalDate().plusDays(1);
            return applyStaged(new BridgeInput.CutPayments(String.format("TM%012d", n), createdAt, execution),
                    writes);
        }));
        if (applied instanceof Applied.Ordered ordered) {
            try {
                files.ensure(ordered.order());
            } catch (IOException e) {
                LOG.error("payment order {} decided but its file could not be written (retried at restart): {}",
                        ordered.order().messageId(), e.getMessage());
            }
            metrics.ordersCut.inc();
            return true;
        }
        return false;
    }

    private boolean attest() throws InterruptedException {
        List<Attestation> todo = await(read(BridgeEngine::toAttest));
        boolean moved = false;
        for (Attestation a : todo) {
            Attestor.Result result;
            try {
                result = attestor.attest(new SettlementAttestation(a.batchHashHex(), a.batchId(), a.window(),
                        a.totalCents(), a.contributionsCents(), a.publicAccountsCents(), a.monetaryCreationCents(),
                        a.lineCount(), a.firstBlock(), a.lastBlock()));
            } catch (IOException e) {
                lastLedgerError = e.getMessage();
                LOG.warn("attestation of {} not sent: {}", a.batchId(), e.getMessage());
                return moved;
            }
            switch (result) {
                case Attestor.Result.Attested t -> await(submit(new BridgeInput.Attested(a.batchId(), t.txHash())));
                case Attestor.Result.AlreadyAttested x -> await(submit(new BridgeInput.Attested(a.batchId(),
                        "already-attested")));
                case Attestor.Result.Refused r -> {
                    synchronized (refusedAttestations) {
                        refusedAttestations.put(a.batchId(), r.code() + ": " + r.detail());
                    }
                    LOG.error("the ledger refused the attestation of batch {}: {} {}", a.batchId(), r.code(),
                            r.detail());
                    continue;
                }
            }
            moved = true;
        }
        return moved;
    }

    /** Attestations the ledger refused, by batch id. */
    public Map<String, String> refusedAttestations() {
        synchronized (refusedAttestations) {
            return Map.copyOf(refusedAttestations);
        }
    }

    /** The last error met reading or writing the ledger, "" when the last attempt worked. */
    public String lastLedgerError() {
        return lastLedgerError;
    }

    private <T> T await(Future<T> f) throws InterruptedException {
        try {
            return f.toCompletionStage().toCompletableFuture().get(WRITER_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof org.targetedmoney.bridge.store.StoreException) {
                failed = true; // the engine may be ahead of the disk: stop rather than act on it
            }
            throw new IllegalStateException("bridge writer task failed: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("the bridge writer did not answer in " + WRITER_TIMEOUT_MILLIS + " ms", e);
        }
    }

    /** Whether a failed commit stopped the bridge (it must be restarted, which replays the journal). */
    public boolean failed() {
        return failed;
    }

    /** How the engine was rebuilt at start: from which snapshot, how many entries replayed. */
    public EngineSnapshots.Recovery recovery() {
        return recovery;
    }

    /** Takes a snapshot at the journal's end (unless there is one already), then closes the writer and the store. */
    @Override
    public void close() {
        if (!failed) {
            try {
                await(writer.submit(writes -> snapshots.takeNow(writes, engine)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                LOG.warn("no snapshot at close: {}", e.getMessage());
            }
        }
        writer.close();
        store.close();
    }

    /** Writer-thread check shared by the service's entry points. */
    static final class Check {
        private Check() {}

        static void onWriter(BridgeWriter writer) {
            if (!writer.isWriterThread()) {
                throw new IllegalStateException("the engine is changed on the bridge writer thread only");
            }
        }
    }
}
