package org.targetedmoney.bridge.engine;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.targetedmoney.bridge.contribution.ContributionCalendar;
import org.targetedmoney.bridge.contribution.InterEnterpriseFund;
import org.targetedmoney.bridge.line.LedgerLine;
import org.targetedmoney.bridge.settlement.Allocation;
import org.targetedmoney.bridge.settlement.Batch;
import org.targetedmoney.bridge.settlement.Check;
import org.targetedmoney.bridge.settlement.BatchBuilder;
import org.targetedmoney.bridge.settlement.BatchFunding;
import org.targetedmoney.bridge.settlement.BatchState;
import org.targetedmoney.bridge.settlement.CreditOutcome;
import org.targetedmoney.bridge.settlement.FollowUp;
import org.targetedmoney.bridge.settlement.FundingAccount;
import org.targetedmoney.bridge.settlement.FundingBook;
import org.targetedmoney.bridge.settlement.FundingPlan;
import org.targetedmoney.bridge.settlement.FundingOutcome;
import org.targetedmoney.bridge.settlement.InstructedTransfer;
import org.targetedmoney.bridge.settlement.Reconciliation;
import org.targetedmoney.bridge.settlement.ReconciliationRun;
import org.targetedmoney.bridge.settlement.SettlementCodec;
import org.targetedmoney.bridge.settlement.SettlementWindow;
import org.targetedmoney.bridge.settlement.WindowId;
import org.targetedmoney.bridge.snapshot.SnapshotException;
import org.targetedmoney.bridge.snapshot.StateReader;
import org.targetedmoney.bridge.snapshot.StateWriter;

/**
 * The bridge's state and the one function that changes it, {@link #apply}: lines wait in their window until
 * the ledger passes its end (or a cut-off), then become one batch per provider; batches wait for funding (the
 * waterfall, all or nothing, oldest first) and are re-tried after every credit; funded transfers whose payee is
 * known go into the next payment order; bank outcomes settle, retry or escalate them; settled batches are
 * attested. Firms' declarations go to the inter-enterprise fund's {@link InterEnterpriseBook}, whose months close
 * (and whose payouts are ordered) as the ledger's clock passes them. Single writer, not thread-safe: the service applies inputs on one thread and serves reads from
 * {@link BridgeView}s it takes after each input.
 */
public final class BridgeEngine {
    /** Most payment orders kept (a year of hourly cuts is 8 760). */
    public static final int MAX_ORDERS = 1_000_000;
    /** Most transfers in one payment order: one pain.001 file (the rest waits for the next order). */
    public static final int MAX_TRANSFERS_PER_ORDER = 100_000;
    /** Longest remittance text in a SEPA credit transfer (unstructured). */
    static final int MAX_REMITTANCE_CHARS = 140;

    private final SettlementWindow windows;
    private final BatchBuilder builder;
    private final FundingBook book;
    private final Reconciliation reconciliation = new Reconciliation();
    private final Map<String, Payee> payees;
    /** The inter-enterprise fund, or null when this bridge runs none. */
    private final InterEnterpriseBook interEnterprise;

    private long nextBlock;
    private int nextLogIndex;
    private long headBlock = -1;
    private long headTimestampSeconds;
    private long linesRead;
    private final TreeMap<WindowId, List<LedgerLine>> unbatched = new TreeMap<>(WindowId.ORDER);
    /** Next part number per window and provider, so successive cuts of one window give distinct batch ids. */
    private final TreeMap<String, Integer> nextPart = new TreeMap<>();
    private final TreeMap<String, Batch> batches = new TreeMap<>();
    private final TreeMap<String, FundingOutcome.Waiting> waiting = new TreeMap<>();
    /** Funded attempts not yet in a payment order, by batch id and transfer index. */
    private final TreeMap<String, InstructedTransfer> toInstruct = new TreeMap<>();
    private final TreeMap<String, PaymentOrder> orders = new TreeMap<>();
    private final TreeSet<String> bankMessages = new TreeSet<>();
    private final TreeMap<String, String> attestations = new TreeMap<>();
    /** Ids of the batches not attested yet: what {@link #toAttest()} looks at, not the whole history. */
    private final TreeSet<String> unattested = new TreeSet<>();
    /** Account and reference of the credits taken: a credit is counted once, whatever its idempotency key. */
    private final TreeSet<String> creditReferences = new TreeSet<>();

    /**
     * @param payees providers' bank details by lower-case address; a provider without is funded but not paid
     *               (its transfers wait, visibly) until it has some
     */
    public BridgeEngine(SettlementWindow windows, BatchBuilder builder, FundingBook book, Map<String, Payee> payees) {
        this(windows, builder, book, payees, Optional.empty());
    }

    /**
     * @param interEnterprise the inter-enterprise fund's book, if this bridge runs the fund (otherwise firms'
     *                        declarations are refused {@value InterEnterpriseBook#NOT_CONFIGURED})
     */
    public BridgeEngine(SettlementWindow windows, BatchBuilder builder, FundingBook book, Map<String, Payee> payees,
                        Optional<InterEnterpriseBook> interEnterprise) {
        this.windows = Objects.requireNonNull(windows, "windows");
        this.builder = Objects.requireNonNull(builder, "builder");
        this.book = Objects.requireNonNull(book, "book");
        this.payees = new TreeMap<>(payees);
        this.interEnterprise = interEnterprise.orElse(null);
    }

    /**
     * Applies one journaled input. Deterministic: the same inputs in the same order give the same state. A
     * {@link Applied.Refused} input changes nothing at all (so a caller may drop it from the journal).
     */
    public Applied apply(BridgeInput input) {
        return switch (input) {
            case BridgeInput.LinesRead r -> read(r);
            case BridgeInput.CreditReceived c -> credit(c);
            case BridgeInput.Cutoff c -> cutoff();
            case BridgeInput.CutPayments c -> cut(c);
            case BridgeInput.BankOutcomes b -> bank(b);
            case BridgeInput.Attested a -> attested(a);
            case BridgeInput.FirmDeclared f -> declared(f);
        };
    }

    private Applied read(BridgeInput.LinesRead r) {
        Check.that(r.nextBlock() > nextBlock || r.nextBlock() == nextBlock && r.nextLogIndex() >= nextLogIndex,
                "the cursor moves forward: %d:%d after %d:%d", r.nextBlock(), r.nextLogIndex(), nextBlock, nextLogIndex);
        for (LedgerLine l : r.lines()) {
            Check.that(l.blockNumber() > nextBlock || l.blockNumber() == nextBlock && l.logIndex() >= nextLogIndex,
                    "line %s is at or after the cursor %d:%d", l.id(), nextBlock, nextLogIndex);
            unbatched.computeIfAbsent(windows.windowOf(l.blockTimestampSeconds()), w -> new ArrayList<>()).add(l);
        }
        linesRead += r.lines().size();
        nextBlock = r.nextBlock();
        nextLogIndex = r.nextLogIndex();
        headBlock = Math.max(headBlock, r.headBlock());
        headTimestampSeconds = Math.max(headTimestampSeconds, r.headTimestampSeconds());
        if (interEnterprise != null) {
            interEnterprise.closeUpTo(headTimestampSeconds); // fund periods the ledger's clock has passed
        }
        int closed = close(false);
        int funded = fundPending();
        return new Applied.Progress(r.lines().size(), closed, funded);
    }

    private Applied credit(BridgeInput.CreditReceived c) {
        String key = c.credit().accountId() + "/" + c.credit().reference();
        if (creditReferences.contains(key)) {
            return new Applied.Refused("DUPLICATE_REFERENCE", "a credit with reference " + c.credit().reference()
                    + " was already received on account " + c.credit().accountId());
        }
        CreditOutcome outcome = book.credit(c.credit());
        if (outcome instanceof CreditOutcome.Rejected rejected) {
            return new Applied.Refused(rejected.code(), rejected.message());
        }
        creditReferences.add(key);
        return new Applied.Progress(0, 0, fundPending());
    }

    private Applied cutoff() {
        int closed = close(true);
        return new Applied.Progress(0, closed, fundPending());
    }

    /** Turns windows into batches: those the ledger has passed, or all of them for a cut-off. */
    private int close(boolean all) {
        int made = 0;
        while (!unbatched.isEmpty()) {
            WindowId w = unbatched.firstKey();
            if (!all && !w.closedBy(headTimestampSeconds)) {
                break;
            }
            List<LedgerLine> lines = unbatched.pollFirstEntry().getValue();
            for (Batch b : builder.buildCut(w, lines, p -> nextPart.getOrDefault(w.text() + "|" + p, 0))) {
                nextPart.put(w.text() + "|" + b.provider(), b.part() + 1);
                Check.that(batches.put(b.id(), b) == null, "batch %s is made once", b.id());
                unattested.add(b.id());
                waiting.put(b.id(), new FundingOutcome.Waiting("NOT_TRIED", b.totalCents(), new TreeMap<>()));
                made++;
            }
        }
        return made;
    }

    /** Funds retries first (they were funded once already), then waiting batches, oldest window first. */
    private int fundPending() {
        int funded = 0;
        for (FollowUp.Retry retry : reconciliation.pendingRetries()) {
            String key = transferKey(retry.batchId(), retry.transferIndex());
            if (toInstruct.containsKey(key)) {
                continue;
            }
            Batch b = batches.get(retry.batchId());
            if (book.fundTransfer(b, retry.transferIndex()) instanceof FundingOutcome.Funded f) {
                toInstruct.put(key, b.instruct(retry.transferIndex(), retry.nextAttempt(),
                        f.allocationsFor(retry.transferIndex())));
                funded++;
            }
        }
        List<Batch> candidates = waiting.keySet().stream().map(batches::get).toList();
        for (BatchFunding bf : book.fundWaiting(candidates)) {
            Batch b = bf.batch();
            switch (bf.outcome()) {
                case FundingOutcome.Funded f -> {
                    waiting.remove(b.id());
                    List<List<Allocation>> byTransfer = f.allocationsByTransfer(b.transferCount());
                    for (int i = 0; i < b.transferCount(); i++) {
                        toInstruct.put(transferKey(b.id(), i), b.instruct(i, 1, byTransfer.get(i)));
                    }
                    funded++;
                }
                case FundingOutcome.Waiting w -> waiting.put(b.id(), w);
            }
        }
        return funded;
    }

    private Applied cut(BridgeInput.CutPayments c) {
        if (orders.containsKey(c.messageId())) {
            return new Applied.Refused("DUPLICATE_MESSAGE_ID", "payment order " + c.messageId() + " exists");
        }
        Check.that(orders.size() < MAX_ORDERS, "at most %d payment orders", MAX_ORDERS);
        List<PaymentOrder.Item> items = new ArrayList<>();
        long total = 0;
        for (var it = toInstruct.entrySet().iterator(); it.hasNext() && items.size() < MAX_TRANSFERS_PER_ORDER; ) {
            InstructedTransfer t = it.next().getValue();
            Batch b = batches.get(t.batchId());
            Payee payee = payees.get(b.provider());
            if (payee == null) {
                continue; // funded, waiting for bank details (visible in the batch's view)
            }
            reconciliation.instruct(t);
            items.add(new PaymentOrder.Item(t, payee, remittance(b, t)));
            total = Math.addExact(total, t.amountCents());
            it.remove();
        }
        if (items.isEmpty()) {
            return new Applied.Nothing("no funded transfer with known bank details to pay");
        }
        PaymentOrder order = new PaymentOrder(c.messageId(), c.createdAtSeconds(), c.executionDate(), items, total);
        orders.put(order.messageId(), order);
        return new Applied.Ordered(order);
    }

    private Applied bank(BridgeInput.BankOutcomes b) {
        if (!bankMessages.add(b.messageId())) {
            return new Applied.Refused("DUPLICATE_MESSAGE_ID", "bank message " + b.messageId()
                    + " was already processed");
        }
        ReconciliationRun run = reconciliation.reconcile(b.outcomes(), book);
        int funded = fundPending();
        return new Applied.Reconciled(run, funded);
    }

    private Applied attested(BridgeInput.Attested a) {
        Check.that(batches.containsKey(a.batchId()), "attested batch %s exists", a.batchId());
        attestations.putIfAbsent(a.batchId(), a.transactionHash());
        unattested.remove(a.batchId());
        return new Applied.Nothing("batch " + a.batchId() + " attested");
    }

    private Applied declared(BridgeInput.FirmDeclared f) {
        if (interEnterprise == null) {
            return new Applied.Refused(InterEnterpriseBook.NOT_CONFIGURED,
                    "this bridge runs no inter-enterprise fund");
        }
        return interEnterprise.declare(f, headTimestampSeconds);
    }

    private static String remittance(Batch b, InstructedTransfer t) {
        String text = "Targeted money settlement " + b.id() + " window " + b.window().text() + " "
                + b.lines().size() + " lines attempt " + t.attempt();
        return text.length() <= MAX_REMITTANCE_CHARS ? text : text.substring(0, MAX_REMITTANCE_CHARS);
    }

    private static String transferKey(String batchId, int index) {
        String digits = Integer.toString(index); // zero-padded to 6 so that keys sort by index (String.format is slow)
        return batchId + "#" + "000000".substring(Math.min(6, digits.length())) + digits;
    }

    // ---- snapshot ----

    /**
     * Writes the whole state (this engine's, the funding book's, the reconciliation's, the fund's) for a snapshot,
     * deterministically: the same state gives the same bytes. Configuration (windows, builder, plan, payees, the
     * fund's rules and calendar) is not written but fingerprinted ({@link #configurationFingerprint()}); derived
     * indexes ({@code unattested}, the keys of {@code toInstruct}) are rebuilt on read.
     */
    public void writeState(StateWriter out) {
        out.section("engine").longValue(nextBlock).intValue(nextLogIndex).longValue(headBlock)
                .longValue(headTimestampSeconds).longValue(linesRead).count(unbatched.size());
        unbatched.forEach((w, lines) -> {
            out.string(w.text());
            SettlementCodec.writeLines(out, lines);
        });
        out.count(nextPart.size());
        nextPart.forEach((key, part) -> out.string(key).intValue(part));
        out.count(batches.size());
        batches.values().forEach(b -> SettlementCodec.writeBatch(out, b));
        out.count(waiting.size());
        waiting.forEach((id, w) -> {
            out.string(id);
            SettlementCodec.writeWaiting(out, w);
        });
        out.count(toInstruct.size());
        toInstruct.values().forEach(t -> SettlementCodec.writeTransfer(out, t));
        writeStrings(out, bankMessages);
        out.count(attestations.size());
        attestations.forEach((id, tx) -> out.string(id).string(tx));
        writeStrings(out, creditReferences);
        book.writeState(out);
        reconciliation.writeState(out);
        out.count(orders.size());
        orders.values().forEach(o -> writeOrder(out, o));
        out.bool(interEnterprise != null);
        if (interEnterprise != null) {
            interEnterprise.writeState(out);
        }
        out.section("end");
    }

    /**
     * Reads what {@link #writeState} wrote into this engine, which must be new (built from the same configuration,
     * nothing applied). On failure the engine holds part of a state: drop it and replay the journal on a new one.
     *
     * @throws SnapshotException if the bytes are truncated, damaged, or hold a state that breaks an invariant
     */
    public void readState(StateReader in) {
        Check.that(nextBlock == 0 && headBlock == -1 && linesRead == 0 && batches.isEmpty() && unbatched.isEmpty()
                && orders.isEmpty() && creditReferences.isEmpty(), "a snapshot is read into a new engine");
        try {
            readAll(in);
            in.end();
        } catch (SnapshotException e) {
            throw e;
        } catch (RuntimeException e) {
            throw SnapshotException.corrupt("the snapshot's state is inconsistent", e);
        }
    }

    private void readAll(StateReader in) {
        in.section("engine");
        nextBlock = in.longValue(0, Long.MAX_VALUE, "next block");
        nextLogIndex = in.intValue(0, Integer.MAX_VALUE, "next log index");
        headBlock = in.longValue();
        headTimestampSeconds = in.longValue();
        linesRead = in.longValue(0, Long.MAX_VALUE, "lines read");
        int windowsOpen = in.count(Integer.MAX_VALUE, 8, "open windows");
        for (int i = 0; i < windowsOpen; i++) {
            WindowId w = WindowId.parse(in.string(EngineCodec.MAX_TEXT_BYTES));
            List<LedgerLine> lines = SettlementCodec.readLines(in, BatchBuilder.MAX_LINES_PER_BUILD);
            Check.that(!lines.isEmpty() && unbatched.put(w, new ArrayList<>(lines)) == null,
                    "window %s has lines and is stored once", w);
        }
        int parts = in.count(Integer.MAX_VALUE, 8, "part numbers");
        for (int i = 0; i < parts; i++) {
            nextPart.put(in.string(EngineCodec.MAX_TEXT_BYTES), in.intValue(1, Integer.MAX_VALUE, "next part"));
        }
        int batchCount = in.count(Integer.MAX_VALUE, 16, "batches");
        for (int i = 0; i < batchCount; i++) {
            Batch b = SettlementCodec.readBatch(in);
            Check.that(batches.put(b.id(), b) == null, "batch %s is stored once", b.id());
        }
        int waitingCount = in.count(batchCount, 16, "waiting batches");
        for (int i = 0; i < waitingCount; i++) {
            String id = in.string(EngineCodec.MAX_TEXT_BYTES);
            Check.that(batches.containsKey(id), "waiting batch %s exists", id);
            waiting.put(id, SettlementCodec.readWaiting(in));
        }
        readToInstruct(in);
        readStrings(in, bankMessages, "bank messages");
        int attested = in.count(batchCount, 8, "attestations");
        for (int i = 0; i < attested; i++) {
            String id = in.string(EngineCodec.MAX_TEXT_BYTES);
            Check.that(batches.containsKey(id), "attested batch %s exists", id);
            attestations.put(id, in.string(EngineCodec.MAX_TEXT_BYTES));
        }
        readStrings(in, creditReferences, "credit references");
        book.readState(in);
        reconciliation.readState(in);
        int orderCount = in.count(MAX_ORDERS, 20, "payment orders");
        for (int i = 0; i < orderCount; i++) {
            PaymentOrder o = readOrder(in);
            Check.that(orders.put(o.messageId(), o) == null, "payment order %s is stored once", o.messageId());
        }
        Check.that(in.bool() == (interEnterprise != null), "the snapshot has a fund book exactly when the engine has");
        if (interEnterprise != null) {
            interEnterprise.readState(in);
        }
        in.section("end");
        // Derived, as close() and attested() keep it.
        batches.keySet().stream().filter(id -> !attestations.containsKey(id)).forEach(unattested::add);
    }

    /**
     * A payment order by its items' end-to-end ids: each item's attempt is the reconciliation's (instructed when the
     * order was cut), its payee the provider's in the configuration (the fingerprint pins it: a state restored
     * under other payees is replayed instead) and its remittance text is derived from the batch.
     */
    private static void writeOrder(StateWriter out, PaymentOrder o) {
        out.string(o.messageId()).longValue(o.createdAtSeconds()).date(o.executionDate()).count(o.items());
        o.items().forEach(item -> out.string(item.transfer().endToEndId()));
        out.longValue(o.totalCents());
    }

    private PaymentOrder readOrder(StateReader in) {
        String messageId = in.string(EngineCodec.MAX_TEXT_BYTES);
        long createdAt = in.longValue();
        var execution = in.date();
        int n = in.count(MAX_TRANSFERS_PER_ORDER, 5, "payment order items");
        List<PaymentOrder.Item> items = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String endToEndId = in.string(EngineCodec.MAX_TEXT_BYTES);
            InstructedTransfer t = reconciliation.status(endToEndId).orElseThrow(() -> new IllegalArgumentException(
                    "payment order " + messageId + " pays " + endToEndId + ", an attempt never instructed")).transfer();
            Batch b = batches.get(t.batchId());
            Payee payee = b == null ? null : payees.get(b.provider());
            Check.that(payee != null, "order %s pays a known batch of a known payee", messageId);
            items.add(new PaymentOrder.Item(t, payee, remittance(b, t)));
        }
        PaymentOrder o = new PaymentOrder(messageId, createdAt, execution, items, in.longValue());
        Check.that(o.totalCents() == items.stream().mapToLong(item -> item.transfer().amountCents())
                .reduce(0, Math::addExact), "order %s's total is its items'", messageId);
        return o;
    }

    private void readToInstruct(StateReader in) {
        int n = in.count(Integer.MAX_VALUE, 40, "transfers to instruct");
        for (int i = 0; i < n; i++) {
            InstructedTransfer t = SettlementCodec.readTransfer(in);
            Batch b = batches.get(t.batchId());
            Check.that(b != null && b.endToEndId(t.transferIndex(), t.attempt()).equals(t.endToEndId())
                    && toInstruct.put(transferKey(t.batchId(), t.transferIndex()), t) == null,
                    "transfer %s to instruct is of a known batch and stored once", t.endToEndId());
        }
    }

    private static void writeStrings(StateWriter out, TreeSet<String> set) {
        out.count(set);
        set.forEach(out::string);
    }

    private static void readStrings(StateReader in, TreeSet<String> into, String what) {
        int n = in.count(Integer.MAX_VALUE, 4, what);
        for (int i = 0; i < n; i++) {
            Check.that(into.add(in.string(EngineCodec.MAX_TEXT_BYTES)), "%s are stored once", what);
        }
    }

    /**
     * SHA-256 of the configuration this engine was built with: windows, mode and batch size, the funding plan
     * (accounts, kinds, earmarks, ceiling), the payees, and the fund's rules and calendar. A snapshot taken under
     * another fingerprint is not restored: the same journal could have given another state.
     */
    public byte[] configurationFingerprint() {
        StateWriter out = new StateWriter(1_024);
        out.section("engine-configuration").enumValue(windows).enumValue(builder.mode())
                .intValue(builder.maxLinesPerBatch());
        FundingPlan plan = book.plan();
        out.count(plan.accounts()).longValue(plan.creationCeilingCentsPerMonth());
        for (FundingAccount a : plan.accounts()) {
            out.string(a.id()).enumValue(a.kind()).count(a.earmarkPurposes());
            a.earmarkPurposes().forEach(out::intValue);
        }
        out.count(payees.size());
        payees.forEach((address, p) -> {
            out.string(address);
            EngineCodec.writePayee(out, p);
        });
        out.bool(interEnterprise != null);
        if (interEnterprise != null) {
            InterEnterpriseFund f = interEnterprise.fund();
            ContributionCalendar c = interEnterprise.calendar();
            out.string(f.accountId()).intValue(f.rateBasisPoints()).enumValue(f.allowanceMode())
                    .longValue(f.fixedAllowanceCentsPerFte()).intValue(c.lateMonths()).intValue(c.horizonMonths());
        }
        try {
            return MessageDigest.getInstance("SHA-256").digest(out.toByteArray());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    // ---- reads (on the writer thread, or on a view) ----

    /** Where a batch stands. */
    public BatchState stateOf(String batchId) {
        if (waiting.containsKey(batchId)) {
            return BatchState.WAITING_FUNDING;
        }
        return reconciliation.batchState(batchId).orElse(BatchState.FUNDED);
    }

    /** Settled batches not yet attested, by id: what the service attests next. */
    public List<Attestation> toAttest() {
        List<Attestation> out = new ArrayList<>();
        for (String id : unattested) {
            if (stateOf(id) == BatchState.SETTLED) {
                out.add(Attestation.of(batches.get(id), reconciliation.bookedAllocations(id)));
            }
        }
        return out;
    }

    /** A read-only picture of the state for the HTTP API, metrics and the CLI. */
    public BridgeView view() {
        SortedMap<String, Integer> openLines = new TreeMap<>();
        unbatched.forEach((w, lines) -> openLines.put(w.text(), lines.size()));
        return new BridgeView(nextBlock, nextLogIndex, headBlock, headTimestampSeconds, linesRead, openLines,
                batches(null, Integer.MAX_VALUE), book.snapshot(), List.copyOf(orders.values()),
                List.copyOf(bankMessages));
    }

    /**
     * Up to {@code limit} batches by id, only those in {@code state} if not null: built one by one, so a short
     * page costs a few batches, not the whole history (which {@link #view()} walks).
     */
    public List<BridgeView.BatchSummary> batches(BatchState state, int limit) {
        List<BridgeView.BatchSummary> list = new ArrayList<>(Math.min(limit, batches.size()));
        for (Batch b : batches.values()) {
            if (list.size() >= limit) {
                break;
            }
            BatchState s = stateOf(b.id());
            if (state == null || s == state) {
                list.add(summary(b, s));
            }
        }
        return List.copyOf(list);
    }

    /** The batch with this id, if any. */
    public Optional<BridgeView.BatchSummary> batch(String id) {
        Batch b = batches.get(id);
        return b == null ? Optional.empty() : Optional.of(summary(b, stateOf(id)));
    }

    private BridgeView.BatchSummary summary(Batch b, BatchState state) {
        FundingOutcome.Waiting w = waiting.get(b.id());
        return new BridgeView.BatchSummary(b.id(), b.provider(), b.window().text(), b.part(), b.mode().name(),
                b.lines().size(), b.totalCents(), b.hashHex(), state, w == null ? "" : w.code(),
                w == null ? 0 : w.shortfallCents(), payees.containsKey(b.provider()),
                Optional.ofNullable(attestations.get(b.id())),
                Allocation.totalsBySource(reconciliation.bookedAllocations(b.id())));
    }

    /** Balances and creation used, without building a whole view. */
    public FundingBook.Snapshot funding() {
        return book.snapshot();
    }

    /** The payment orders made, newest first, at most {@code limit}. */
    public List<PaymentOrder> newestOrders(int limit) {
        return orders.descendingMap().values().stream().limit(limit).toList();
    }

    /** The payment order with this message id, if the engine made it. */
    public Optional<PaymentOrder> order(String messageId) {
        return Optional.ofNullable(orders.get(messageId));
    }

    /** The inter-enterprise fund's book (read-only outside the engine), if this bridge runs the fund. */
    public Optional<InterEnterpriseBook> interEnterprise() {
        return Optional.ofNullable(interEnterprise);
    }

    public long nextBlock() {
        return nextBlock;
    }

    public int nextLogIndex() {
        return nextLogIndex;
    }

    public long headTimestampSeconds() {
        return headTimestampSeconds;
    }

    /** True when funded transfers of a payee the bridge knows wait for the next payment order. */
    public boolean hasPayable() {
        return toInstruct.values().stream().anyMatch(t -> payees.containsKey(batches.get(t.batchId()).provider()));
    }
}
