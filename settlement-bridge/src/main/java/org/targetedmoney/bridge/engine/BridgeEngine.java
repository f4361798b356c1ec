package org.targetedmoney.bridge.engine;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
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
import org.targetedmoney.bridge.receipt.BankReceipt;
import org.targetedmoney.bridge.receipt.CreditConfirmation;
import org.targetedmoney.bridge.receipt.Match;
import org.targetedmoney.bridge.receipt.ReceiptBook;
import org.targetedmoney.bridge.settlement.Allocation;
import org.targetedmoney.bridge.settlement.AttemptStatus;
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
import org.targetedmoney.bridge.settlement.OutcomeResult;
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
 * known go into the next payment order; bank outcomes settle, retry or escalate them; operators re-issue escalated transfers (funded
 * again from the sources they were refunded to) or abandon them, and change payees' bank details; settled
 * batches are attested. Declared credits fund at once, or (BANK confirmation) once a bank receipt matches them
 * ({@link ReceiptBook}). Firms' declarations go to the inter-enterprise fund's {@link InterEnterpriseBook}, whose months close
 * (and whose payouts are ordered) as the ledger's clock passes them. Single writer, not thread-safe: the service applies inputs on one thread and serves reads from
 * {@link BridgeView}s it takes after each input.
 */
public final class BridgeEngine {
    /** Most payment orders kept (a year of hourly cuts is 8 760). */
    public static final int MAX_ORDERS = 1_000_000;
    /** Refusal of an operator's action on a batch the bridge never made. */
    public static final String UNKNOWN_BATCH = "UNKNOWN_BATCH";
    /** Refusal of an operator's action on a transfer index the batch does not have. */
    public static final String UNKNOWN_TRANSFER = "UNKNOWN_TRANSFER";
    /** Most transfers in one payment order: one pain.001 file (the rest waits for the next order). */
    public static final int MAX_TRANSFERS_PER_ORDER = 100_000;
    /** Longest remittance text in a SEPA credit transfer (unstructured). */
    static final int MAX_REMITTANCE_CHARS = 140;

    private final SettlementWindow windows;
    private final BatchBuilder builder;
    private final FundingBook book;
    private final Reconciliation reconciliation = new Reconciliation();
    /** Providers' bank details now: the configuration's, replaced or completed by operators' changes. */
    private final Map<String, Payee> payees;
    /** The configuration's bank details (what {@link #configurationFingerprint()} pins), by address. */
    private final SortedMap<String, Payee> configuredPayees;
    /** The inter-enterprise fund, or null when this bridge runs none. */
    private final InterEnterpriseBook interEnterprise;
    /** Whether a declared credit funds at once (DECLARED) or once a bank receipt matches it (BANK). */
    private final CreditConfirmation confirmation;
    /** Declared credits and bank receipts, matched (in DECLARED mode for the report only). */
    private final ReceiptBook receipts = new ReceiptBook();

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
    /** Running figures over every batch, for the status page and metrics. */
    private final BatchTally tally = new BatchTally();
    /** Batches whose state may have changed during the input being applied: re-counted at its end. */
    private final TreeSet<String> touched = new TreeSet<>();
    /** The latest escalation of each transfer ever escalated, by transfer key: the operator's list. */
    private final TreeMap<String, FollowUp.Escalation> escalations = new TreeMap<>();
    /** What an operator did about an escalation ("reissued by ...", "abandoned by ...: reason"), by transfer key. */
    private final TreeMap<String, String> escalationNotes = new TreeMap<>();

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
        this(windows, builder, book, payees, interEnterprise, CreditConfirmation.DECLARED);
    }

    /**
     * @param confirmation DECLARED: a credit posted to the API funds at once; BANK: it is expected until a bank
     *                     receipt on a collection account matches it ({@link BridgeInput.ReceiptsBooked})
     */
    public BridgeEngine(SettlementWindow windows, BatchBuilder builder, FundingBook book, Map<String, Payee> payees,
                        Optional<InterEnterpriseBook> interEnterprise, CreditConfirmation confirmation) {
        this.confirmation = Objects.requireNonNull(confirmation, "confirmation");
        this.windows = Objects.requireNonNull(windows, "windows");
        this.builder = Objects.requireNonNull(builder, "builder");
        this.book = Objects.requireNonNull(book, "book");
        this.payees = new TreeMap<>(payees);
        this.configuredPayees = Collections.unmodifiableSortedMap(new TreeMap<>(payees));
        this.interEnterprise = interEnterprise.orElse(null);
    }

    /**
     * Applies one journaled input. Deterministic: the same inputs in the same order give the same state. A
     * {@link Applied.Refused} input changes nothing at all (so a caller may drop it from the journal).
     */
    public Applied apply(BridgeInput input) {
        Applied applied = switch (input) {
            case BridgeInput.LinesRead r -> read(r);
            case BridgeInput.CreditReceived c -> credit(c);
            case BridgeInput.Cutoff c -> cutoff();
            case BridgeInput.CutPayments c -> cut(c);
            case BridgeInput.BankOutcomes b -> bank(b);
            case BridgeInput.Attested a -> attested(a);
            case BridgeInput.FirmDeclared f -> declared(f);
            case BridgeInput.ReceiptsBooked r -> receiptsBooked(r);
            case BridgeInput.FundBankOutcomes f -> fundBank(f);
            case BridgeInput.PayeeChanged p -> payeeChanged(p);
            case BridgeInput.Reissue r -> reissue(r);
            case BridgeInput.Abandon a -> abandon(a);
        };
        recount();
        return applied;
    }

    /** Brings the running figures up to date for the batches this input touched (a few, not the history). */
    private void recount() {
        for (String id : touched) {
            Batch b = batches.get(id);
            tally.record(id, stateOf(id), b.totalCents(),
                    Allocation.totalsBySource(reconciliation.bookedAllocations(id)));
        }
        touched.clear();
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
        if (confirmation == CreditConfirmation.BANK) {
            return expectCredit(c, key);
        }
        CreditOutcome outcome = book.credit(c.credit());
        if (outcome instanceof CreditOutcome.Rejected rejected) {
            return new Applied.Refused(rejected.code(), rejected.message());
        }
        creditReferences.add(key);
        if (!receipts.knows(c.credit().reference())) {
            receipts.expect(c.credit(), headTimestampSeconds); // for the report: the money is already in the book
        }
        return new Applied.Progress(0, 0, fundPending());
    }

    /** BANK mode: the credit waits for its bank receipt, unless one came first (then it funds now). */
    private Applied expectCredit(BridgeInput.CreditReceived c, String key) {
        Optional<CreditOutcome.Rejected> refusal = book.accountRefusal(c.credit());
        if (refusal.isPresent()) {
            return new Applied.Refused(refusal.get().code(), refusal.get().message());
        }
        if (receipts.knows(c.credit().reference())) {
            // a bank entry names a reference, not an account: it must point to one credit only
            return new Applied.Refused("DUPLICATE_REFERENCE", "a credit with reference " + c.credit().reference()
                    + " was already declared on another account (references must be unique when the bank confirms"
                    + " credits)");
        }
        creditReferences.add(key);
        Optional<Match> match = receipts.expect(c.credit(), headTimestampSeconds);
        return new Applied.Progress(0, 0, match.isPresent() ? confirm(List.of(match.get())) : 0);
    }

    /** Bank receipts: matched to declared credits (which then fund, in BANK mode) or kept unmatched. */
    private Applied receiptsBooked(BridgeInput.ReceiptsBooked r) {
        if (r.receipts().size() > receipts.room()) {
            return new Applied.Refused("TOO_MANY_RECEIPTS", "the bridge keeps at most " + ReceiptBook.MAX_RECEIPTS
                    + " bank receipts; message " + r.messageId() + " has " + r.receipts().size());
        }
        List<Match> confirmed = new ArrayList<>();
        int duplicates = 0;
        for (BankReceipt receipt : r.receipts()) {
            ReceiptBook.Received received = receipts.receive(receipt, headTimestampSeconds);
            duplicates += received.duplicate() ? 1 : 0;
            confirmed.addAll(received.confirmed());
        }
        int funded = confirmation == CreditConfirmation.BANK ? confirm(confirmed) : 0;
        int unmatched = Math.max(0, r.receipts().size() - duplicates - confirmed.size());
        return new Applied.Received(confirmed.size(), unmatched, duplicates, funded);
    }

    /** Puts confirmed credits in the funding book (each once: a reference is matched once) and funds what waits. */
    private int confirm(List<Match> matches) {
        for (Match m : matches) {
            CreditOutcome outcome = book.credit(m.credit().credit());
            // the account was checked when the credit was declared; only a balance of 10^18 cents could refuse it
            Check.that(outcome instanceof CreditOutcome.Credited, "confirmed credit %s is taken: %s",
                    m.credit().reference(), outcome);
        }
        return matches.isEmpty() ? 0 : fundPending();
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
                touched.add(b.id());
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
            List<Allocation> allocations = fundAgain(b, retry.transferIndex());
            if (allocations != null) {
                toInstruct.put(key, b.instruct(retry.transferIndex(), retry.nextAttempt(), allocations));
                touched.add(b.id());
                funded++;
            }
        }
        List<Batch> candidates = waiting.keySet().stream().map(batches::get).toList();
        for (BatchFunding bf : book.fundWaiting(candidates)) {
            Batch b = bf.batch();
            switch (bf.outcome()) {
                case FundingOutcome.Funded f -> {
                    waiting.remove(b.id());
                    touched.add(b.id());
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

    /**
     * The funding of a transfer to instruct again, or null if there is none now: a retry through the waterfall;
     * a reissue from exactly the sources its last attempt was refunded to (it waits until they hold it again).
     */
    private List<Allocation> fundAgain(Batch b, int transferIndex) {
        AttemptStatus last = reconciliation.latest(b.id(), transferIndex).orElseThrow();
        if (last.decision() == AttemptStatus.Decision.REISSUE) {
            return book.retake(last.transfer().allocations()) ? last.transfer().allocations() : null;
        }
        return book.fundTransfer(b, transferIndex) instanceof FundingOutcome.Funded f
                ? f.allocationsFor(transferIndex) : null;
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
            touched.add(t.batchId());
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
        for (OutcomeResult r : run.results()) {
            switch (r) {
                case OutcomeResult.Matched m -> touched.add(m.transfer().batchId());
                case OutcomeResult.Failed f -> touched.add(f.transfer().batchId());
                case OutcomeResult.Unmatched u -> { } // changes no batch
                case OutcomeResult.Duplicate d -> { }
            }
        }
        for (FollowUp.Escalation e : run.report().escalations()) {
            String key = transferKey(e.batchId(), e.transferIndex());
            escalations.put(key, e);
            escalationNotes.remove(key); // a reissue escalated again waits for an operator again
        }
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

    /**
     * A bank message about the fund's account: payouts paid, dues collected (each credited once to the fund's
     * funding account, which then funds waiting batches), refusals and returns ordered again or escalated.
     */
    private Applied fundBank(BridgeInput.FundBankOutcomes f) {
        if (interEnterprise == null) {
            return new Applied.Refused(InterEnterpriseBook.NOT_CONFIGURED, "this bridge runs no inter-enterprise fund");
        }
        if (interEnterprise.knowsBankMessage(f.messageId())) {
            return new Applied.Refused("DUPLICATE_MESSAGE_ID", "bank message " + f.messageId()
                    + " was already processed");
        }
        return new Applied.FundReconciled(interEnterprise.reconcile(f, headTimestampSeconds));
    }

    private Applied payeeChanged(BridgeInput.PayeeChanged p) {
        Payee before = payees.put(p.payee().provider(), p.payee());
        if (p.payee().equals(before)) {
            return new Applied.Nothing("the bank details of " + p.payee().provider() + " are unchanged");
        }
        return new Applied.Nothing("bank details of " + p.payee().provider() + " set"
                + (hasPayable() ? ": funded transfers waiting for them go into the next payment order" : ""));
    }

    private Applied reissue(BridgeInput.Reissue r) {
        Optional<Applied.Refused> refused = refuseOperatorAction(r.batchId(), r.transferIndex(), true);
        if (refused.isPresent()) {
            return refused.get();
        }
        reconciliation.reissue(r.batchId(), r.transferIndex());
        touched.add(r.batchId());
        escalationNotes.put(transferKey(r.batchId(), r.transferIndex()), "reissued" + by(r.operator()));
        return new Applied.Progress(0, 0, fundPending());
    }

    private Applied abandon(BridgeInput.Abandon a) {
        Optional<Applied.Refused> refused = refuseOperatorAction(a.batchId(), a.transferIndex(), false);
        if (refused.isPresent()) {
            return refused.get();
        }
        reconciliation.abandon(a.batchId(), a.transferIndex());
        touched.add(a.batchId());
        escalationNotes.put(transferKey(a.batchId(), a.transferIndex()),
                "abandoned" + by(a.operator()) + ": " + a.reason());
        return new Applied.Nothing("transfer " + a.transferIndex() + " of batch " + a.batchId()
                + " abandoned; batch " + stateOf(a.batchId()).code());
    }

    private Optional<Applied.Refused> refuseOperatorAction(String batchId, int transferIndex, boolean reissue) {
        Batch b = batches.get(batchId);
        if (b == null) {
            return Optional.of(new Applied.Refused(UNKNOWN_BATCH, "no batch " + batchId));
        }
        if (transferIndex >= b.transferCount()) {
            return Optional.of(new Applied.Refused(UNKNOWN_TRANSFER, "batch " + batchId + " has "
                    + b.transferCount() + " transfer(s), numbered from 0"));
        }
        return reconciliation.refusalOf(batchId, transferIndex, reissue).map(code -> new Applied.Refused(code,
                code.equals(Reconciliation.REISSUES_EXHAUSTED)
                        ? "transfer " + transferIndex + " of batch " + batchId + " was re-issued "
                                + Reconciliation.MAX_REISSUES + " times already: it can only be abandoned"
                        : "transfer " + transferIndex + " of batch " + batchId
                                + " is not escalated (in flight, paid, or already re-issued or abandoned)"));
    }

    private static String by(String operator) {
        return operator.isEmpty() ? "" : " by " + operator;
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
        Check.that(touched.isEmpty(), "a snapshot is taken between inputs");
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
        writeOperators(out);
        receipts.writeState(out);
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
        readOperators(in);
        receipts.readState(in);
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
        // Derived: the running figures are those of every batch as it stands (what recount() records, batch by batch).
        touched.addAll(batches.keySet());
        recount();
        Check.that(escalations.keySet().stream().allMatch(key -> batches.containsKey(escalations.get(key).batchId())
                && reconciliation.latest(escalations.get(key).batchId(), escalations.get(key).transferIndex())
                .isPresent()), "every escalation is of an instructed transfer of a known batch");
    }

    /**
     * A payment order by its items' end-to-end ids: each item's attempt is the reconciliation's (instructed when the
     * order was cut) and its remittance text is derived from the batch. Its payee is the one the order was cut
     * with: written in full when an operator has changed the provider's bank details since, else a flag "the
     * current ones" (the usual case, which keeps the snapshot small).
     */
    private void writeOrder(StateWriter out, PaymentOrder o) {
        out.string(o.messageId()).longValue(o.createdAtSeconds()).date(o.executionDate()).count(o.items());
        for (PaymentOrder.Item item : o.items()) {
            out.string(item.transfer().endToEndId());
            boolean current = item.payee().equals(payees.get(batches.get(item.transfer().batchId()).provider()));
            out.bool(current);
            if (!current) {
                EngineCodec.writePayee(out, item.payee());
            }
        }
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
            Check.that(b != null, "order %s pays a known batch", messageId);
            Payee payee = in.bool() ? payees.get(b.provider()) : EngineCodec.readPayee(in);
            Check.that(payee != null, "order %s pays %s's batch %s to known bank details", messageId, b.provider(),
                    b.id());
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

    /**
     * Providers' bank details now (configuration and operators' changes), then escalations and what operators did
     * about them, by transfer key.
     */
    private void writeOperators(StateWriter out) {
        out.section("operators").count(payees.size());
        payees.forEach((address, p) -> {
            out.string(address);
            EngineCodec.writePayee(out, p);
        });
        out.count(escalations.size());
        escalations.values().forEach(e -> out.string(e.batchId()).intValue(e.transferIndex()).string(e.endToEndId())
                .string(e.reasonCode()).string(e.cause()));
        out.count(escalationNotes.size());
        escalationNotes.forEach((key, note) -> out.string(key).string(note));
    }

    private void readOperators(StateReader in) {
        in.section("operators");
        payees.clear(); // the configuration's are among those written, unless an operator replaced them
        int n = in.count(Integer.MAX_VALUE, 20, "payees");
        for (int i = 0; i < n; i++) {
            String address = in.string(EngineCodec.MAX_TEXT_BYTES);
            Check.that(payees.put(address, EngineCodec.readPayee(in)) == null, "payee %s is stored once", address);
        }
        Check.that(payees.keySet().containsAll(configuredPayees.keySet()), "operators replace payees, never remove");
        n = in.count(Integer.MAX_VALUE, 24, "escalations");
        for (int i = 0; i < n; i++) {
            FollowUp.Escalation e = new FollowUp.Escalation(in.string(EngineCodec.MAX_TEXT_BYTES),
                    in.intValue(0, Integer.MAX_VALUE, "transfer index"), in.string(EngineCodec.MAX_TEXT_BYTES),
                    in.string(EngineCodec.MAX_TEXT_BYTES), in.string(EngineCodec.MAX_TEXT_BYTES));
            String key = transferKey(e.batchId(), e.transferIndex());
            Check.that(batches.containsKey(e.batchId()) && escalations.put(key, e) == null,
                    "escalation %s is of a known batch and stored once", key);
        }
        n = in.count(Integer.MAX_VALUE, 8, "escalation notes");
        for (int i = 0; i < n; i++) {
            String key = in.string(EngineCodec.MAX_TEXT_BYTES);
            Check.that(escalations.containsKey(key), "note %s is about an escalation", key);
            escalationNotes.put(key, in.string(EngineCodec.MAX_TEXT_BYTES));
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
     * (accounts, kinds, earmarks, ceiling), the configuration's payees (not operators' changes: those are state),
     * the credit confirmation mode, and the fund's rules and calendar. (The fund's SEPA creditor id is not here: it
     * only goes into the pain.008 files the service renders, never into the engine's state.) A snapshot taken under
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
        out.count(configuredPayees.size());
        configuredPayees.forEach((address, p) -> {
            out.string(address);
            EngineCodec.writePayee(out, p);
        });
        out.enumValue(confirmation).bool(interEnterprise != null);
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

    /** The figures of the status page and the metrics, from running totals (no pass over the batches). */
    public BridgeStatus status() {
        SortedMap<String, Integer> openLines = new TreeMap<>();
        unbatched.forEach((w, lines) -> openLines.put(w.text(), lines.size()));
        return new BridgeStatus(nextBlock, nextLogIndex, headBlock, headTimestampSeconds, linesRead, openLines,
                tally.figures(), book.snapshot());
    }

    /** A read-only picture of the whole state (a pass over every batch: for tests and small states). */
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

    /** Declared credits and bank receipts, matched (read-only outside the engine). */
    public ReceiptBook receipts() {
        return receipts;
    }

    /** Whether declared credits wait for the bank (BANK) or fund at once (DECLARED). */
    public CreditConfirmation confirmation() {
        return confirmation;
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

    /** Providers' bank details, by address: the configuration's, replaced or completed by operators' changes. */
    public List<Payee> payees() {
        return List.copyOf(payees.values());
    }

    /** Up to {@code limit} transfers ever escalated, by batch id then transfer index, with what became of them. */
    public List<EscalationView> escalations(int limit) {
        List<EscalationView> out = new ArrayList<>(Math.min(limit, escalations.size()));
        for (Map.Entry<String, FollowUp.Escalation> entry : escalations.entrySet()) {
            if (out.size() >= limit) {
                break;
            }
            FollowUp.Escalation e = entry.getValue();
            Batch b = batches.get(e.batchId());
            AttemptStatus last = reconciliation.latest(e.batchId(), e.transferIndex()).orElseThrow();
            EscalationView.Status status;
            if (!last.transfer().endToEndId().equals(e.endToEndId())) {
                status = EscalationView.Status.REISSUED;
            } else {
                status = switch (last.decision()) {
                    case ABANDON -> EscalationView.Status.ABANDONED;
                    case REISSUE -> toInstruct.containsKey(entry.getKey()) ? EscalationView.Status.REISSUE_FUNDED
                            : EscalationView.Status.REISSUE_WAITING_FUNDING;
                    case ESCALATE, RETRY, NONE -> EscalationView.Status.ESCALATED;
                };
            }
            InstructedTransfer pending = toInstruct.get(entry.getKey());
            String latestId = pending != null ? pending.endToEndId() : last.transfer().endToEndId();
            out.add(new EscalationView(e.batchId(), e.transferIndex(), b.provider(),
                    b.transfer(e.transferIndex()).amountCents(), e.endToEndId(), e.reasonCode(), e.cause(), status,
                    latestId, escalationNotes.getOrDefault(entry.getKey(), ""), payees.containsKey(b.provider())));
        }
        return List.copyOf(out);
    }

    /** True when funded transfers of a payee the bridge knows wait for the next payment order. */
    public boolean hasPayable() {
        return toInstruct.values().stream().anyMatch(t -> payees.containsKey(batches.get(t.batchId()).provider()));
    }
}
