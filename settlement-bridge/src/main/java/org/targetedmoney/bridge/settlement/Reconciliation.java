package org.targetedmoney.bridge.settlement;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.targetedmoney.bridge.settlement.AttemptStatus.Decision;
import org.targetedmoney.bridge.settlement.AttemptStatus.State;
import org.targetedmoney.bridge.snapshot.StateReader;
import org.targetedmoney.bridge.snapshot.StateWriter;

/**
 * Ties bank outcomes to the transfers the bridge instructed, by end-to-end id, and gives back the funding of
 * attempts the bank rejected or returned. Deterministic; mutable, not thread-safe ({@link #copy()}).
 *
 * <p>Per attempt, an outcome is classified (reason codes of UNMATCHED in brackets):
 * <ul>
 *   <li>unknown end-to-end id: UNMATCHED [{@value #UNKNOWN_END_TO_END_ID}];</li>
 *   <li>Booked or Returned for another amount than instructed: UNMATCHED [{@value #AMOUNT_MISMATCH}] (a
 *       partial return would otherwise refund euros that did not come back);</li>
 *   <li>Booked: instructed -> MATCHED; again with the same non-empty bank reference, or after a return: DUPLICATE;
 *       with another (or no) bank reference: UNMATCHED [{@value #SECOND_BOOKING}] (the bank may have paid
 *       twice); after a rejection: UNMATCHED [{@value #CONFLICTS_WITH_STATE}];</li>
 *   <li>Rejected (pain.002 RJCT): instructed -> REJECTED; again: DUPLICATE; after a booking or a return:
 *       UNMATCHED [{@value #CONFLICTS_WITH_STATE}];</li>
 *   <li>Returned (camt.054): instructed or booked -> RETURNED; again: DUPLICATE; after a rejection: UNMATCHED
 *       [{@value #CONFLICTS_WITH_STATE}].</li>
 * </ul>
 * UNMATCHED and DUPLICATE change nothing. REJECTED and RETURNED refund the attempt's allocations to the
 * {@link FundingBook} and decide: ESCALATE if the reason is in {@link #NON_RETRYABLE_REASONS} (cause
 * {@value #NON_RETRYABLE_REASON}) or the attempt was the last of its cycle of {@link #MAX_ATTEMPTS} ({@value #MAX_ATTEMPTS_REACHED});
 * otherwise RETRY with the next attempt number, which the caller funds again and {@link #instruct}s.
 *
 * <p>An escalated transfer waits for an operator: {@link #reissue} starts a new cycle of {@link #MAX_ATTEMPTS}
 * attempts (numbered on: the first reissue's attempt is {@code MAX_ATTEMPTS + 1}, at most {@link #MAX_REISSUES}
 * reissues, so every attempt keeps its own end-to-end id); {@link #abandon} closes it unpaid.
 *
 * <p>A batch's transfers are instructed together (a batch is funded whole), so {@link #batchState} sees them all.
 */
public final class Reconciliation {
    /** Attempts per transfer before escalating (the first instruction is attempt 1). */
    public static final int MAX_ATTEMPTS = 3;
    /** Reissues of one escalated transfer an operator may ask for (then it can only be abandoned). */
    public static final int MAX_REISSUES = 2;
    /**
     * Highest attempt number: {@link #MAX_ATTEMPTS} per cycle, one first cycle and {@link #MAX_REISSUES} more. One
     * digit, so that end-to-end ids keep their length ({@link Batch#endToEndId}).
     */
    public static final int MAX_ATTEMPT_NUMBER = MAX_ATTEMPTS * (1 + MAX_REISSUES);
    /**
     * ISO 20022 reason codes a retry cannot fix: AC01 incorrect account number, AC04 closed account, AC06 blocked
     * account, BE04 missing creditor address, MD07 end customer deceased. Others (e.g. AM04 insufficient funds,
     * MS03 unspecified, TM01 cut-off) are retried.
     */
    public static final SortedSet<String> NON_RETRYABLE_REASONS =
            Collections.unmodifiableSortedSet(new TreeSet<>(List.of("AC01", "AC04", "AC06", "BE04", "MD07")));
    /** Most outcomes per {@link #reconcile} call. */
    public static final int MAX_OUTCOMES_PER_RUN = 1_000_000;
    /** Most attempts tracked. */
    public static final int MAX_TRACKED_ATTEMPTS = 50_000_000;

    public static final String UNKNOWN_END_TO_END_ID = "UNKNOWN_END_TO_END_ID";
    public static final String AMOUNT_MISMATCH = "AMOUNT_MISMATCH";
    public static final String SECOND_BOOKING = "SECOND_BOOKING";
    public static final String CONFLICTS_WITH_STATE = "CONFLICTS_WITH_STATE";
    public static final String NON_RETRYABLE_REASON = "NON_RETRYABLE_REASON";
    public static final String MAX_ATTEMPTS_REACHED = "MAX_ATTEMPTS_REACHED";
    public static final String NOT_ESCALATED = "NOT_ESCALATED";
    public static final String REISSUES_EXHAUSTED = "REISSUES_EXHAUSTED";

    private final Map<String, AttemptStatus> byEndToEndId;
    /** Per batch id, per transfer index, the end-to-end id of the latest attempt. */
    private final TreeMap<String, TreeMap<Integer, String>> latest;
    /**
     * The latest attempts decided RETRY, by batch id then transfer index: {@link #pendingRetries} without a scan
     * of every attempt ever made (the engine asks after every input). Kept by {@link #track}.
     */
    private final TreeMap<String, TreeMap<Integer, FollowUp.Retry>> retries;

    public Reconciliation() {
        this.byEndToEndId = new HashMap<>();
        this.latest = new TreeMap<>();
        this.retries = new TreeMap<>();
    }

    private Reconciliation(Reconciliation other) {
        this.byEndToEndId = new HashMap<>(other.byEndToEndId);
        this.latest = new TreeMap<>();
        other.latest.forEach((batch, transfers) -> latest.put(batch, new TreeMap<>(transfers)));
        this.retries = new TreeMap<>();
        other.retries.forEach((batch, transfers) -> retries.put(batch, new TreeMap<>(transfers)));
    }

    public Reconciliation copy() {
        return new Reconciliation(this);
    }

    /**
     * Records an attempt handed to the bank: attempt 1 of a transfer, or the attempt a RETRY decision asked for.
     *
     * @throws IllegalArgumentException if the end-to-end id is known, or the attempt does not follow a retry
     *                                  decision of the same transfer (a bug: the bank would be paid twice)
     */
    public void instruct(InstructedTransfer transfer) {
        if (byEndToEndId.containsKey(transfer.endToEndId())) {
            throw new IllegalArgumentException("end-to-end id " + transfer.endToEndId() + " is already instructed");
        }
        if (byEndToEndId.size() >= MAX_TRACKED_ATTEMPTS) {
            throw new IllegalStateException("more than " + MAX_TRACKED_ATTEMPTS + " attempts tracked");
        }
        TreeMap<Integer, String> transfers = latest.computeIfAbsent(transfer.batchId(), b -> new TreeMap<>());
        String previousId = transfers.get(transfer.transferIndex());
        int expected = 1;
        if (previousId != null) {
            AttemptStatus previous = byEndToEndId.get(previousId);
            expected = switch (previous.decision()) {
                case RETRY -> previous.transfer().attempt() + 1;
                case REISSUE -> reissueAttempt(previous.transfer().attempt());
                case NONE, ESCALATE, ABANDON -> throw new IllegalArgumentException("transfer "
                        + transfer.transferIndex() + " of batch " + transfer.batchId() + " has attempt " + previousId
                        + " " + previous.state() + " and no retry or reissue decided");
            };
        }
        if (transfer.attempt() != expected) {
            throw new IllegalArgumentException("transfer " + transfer.transferIndex() + " of batch "
                    + transfer.batchId() + ": attempt " + transfer.attempt() + " instructed, " + expected + " expected");
        }
        AttemptStatus status = new AttemptStatus(transfer, State.INSTRUCTED, Decision.NONE, "", "");
        byEndToEndId.put(transfer.endToEndId(), status);
        transfers.put(transfer.transferIndex(), transfer.endToEndId());
        track(status);
    }

    /**
     * Classifies bank outcomes in order, refunding to {@code book} the allocations of attempts rejected or
     * returned (see the class comment).
     */
    public ReconciliationRun reconcile(List<BankOutcome> outcomes, FundingBook book) {
        Objects.requireNonNull(book, "book");
        if (outcomes.size() > MAX_OUTCOMES_PER_RUN) {
            throw new IllegalArgumentException("at most " + MAX_OUTCOMES_PER_RUN + " bank outcomes per run");
        }
        List<OutcomeResult> results = new ArrayList<>(outcomes.size());
        for (BankOutcome outcome : outcomes) {
            OutcomeResult r = apply(outcome);
            if (r instanceof OutcomeResult.Failed f) {
                book.refund(f.refunded());
            }
            results.add(r);
        }
        return new ReconciliationRun(results, ReconciliationReport.of(results));
    }

    private OutcomeResult apply(BankOutcome outcome) {
        AttemptStatus a = byEndToEndId.get(outcome.endToEndId());
        if (a == null) {
            long amount = switch (outcome) {
                case BankOutcome.Booked b -> b.amountCents();
                case BankOutcome.Returned r -> r.amountCents();
                case BankOutcome.Rejected r -> 0;
            };
            return new OutcomeResult.Unmatched(outcome, UNKNOWN_END_TO_END_ID,
                    "no transfer was instructed with this end-to-end id", amount);
        }
        return switch (outcome) {
            case BankOutcome.Booked b -> booked(a, b);
            case BankOutcome.Rejected r -> rejected(a, r);
            case BankOutcome.Returned r -> returned(a, r);
        };
    }

    private OutcomeResult booked(AttemptStatus a, BankOutcome.Booked b) {
        long instructed = a.transfer().amountCents();
        if (b.amountCents() != instructed) {
            return mismatch(b, "booked", b.amountCents(), instructed);
        }
        return switch (a.state()) {
            case INSTRUCTED -> {
                put(a.with(State.MATCHED, Decision.NONE, b.bankReference(), ""));
                yield new OutcomeResult.Matched(b, a.transfer());
            }
            case MATCHED -> !b.bankReference().isEmpty() && b.bankReference().equals(a.bankReference())
                    ? new OutcomeResult.Duplicate(b, b.amountCents())
                    : new OutcomeResult.Unmatched(b, SECOND_BOOKING, "booked again under bank reference '"
                            + b.bankReference() + "', first booked under '" + a.bankReference() + "'", b.amountCents());
            case RETURNED -> {
                if (a.bankReference().isEmpty()) {
                    // The booking a return implies, reported after it: remembered, to tell a second booking.
                    put(a.with(State.RETURNED, a.decision(), b.bankReference(), a.reasonCode()));
                    yield new OutcomeResult.Duplicate(b, b.amountCents());
                }
                yield b.bankReference().equals(a.bankReference())
                        ? new OutcomeResult.Duplicate(b, b.amountCents())
                        : new OutcomeResult.Unmatched(b, SECOND_BOOKING, "booked again under bank reference '"
                                + b.bankReference() + "' after a return", b.amountCents());
            }
            case REJECTED -> conflict(b, a, b.amountCents());
        };
    }

    private OutcomeResult rejected(AttemptStatus a, BankOutcome.Rejected r) {
        return switch (a.state()) {
            case INSTRUCTED -> fail(a, r, State.REJECTED, r.reasonCode());
            case REJECTED -> new OutcomeResult.Duplicate(r, a.transfer().amountCents());
            case MATCHED, RETURNED -> conflict(r, a, a.transfer().amountCents());
        };
    }

    private OutcomeResult returned(AttemptStatus a, BankOutcome.Returned r) {
        long instructed = a.transfer().amountCents();
        if (r.amountCents() != instructed) {
            return mismatch(r, "returned", r.amountCents(), instructed);
        }
        return switch (a.state()) {
            case INSTRUCTED, MATCHED -> fail(a, r, State.RETURNED, r.reasonCode());
            case RETURNED -> new OutcomeResult.Duplicate(r, r.amountCents());
            case REJECTED -> conflict(r, a, r.amountCents());
        };
    }

    private OutcomeResult.Failed fail(AttemptStatus a, BankOutcome outcome, State state, String reasonCode) {
        InstructedTransfer t = a.transfer();
        FollowUp followUp;
        if (NON_RETRYABLE_REASONS.contains(reasonCode)) {
            followUp = new FollowUp.Escalation(t.batchId(), t.transferIndex(), t.endToEndId(), reasonCode,
                    NON_RETRYABLE_REASON);
        } else if (t.attempt() % MAX_ATTEMPTS == 0) { // the last attempt of its cycle
            followUp = new FollowUp.Escalation(t.batchId(), t.transferIndex(), t.endToEndId(), reasonCode,
                    MAX_ATTEMPTS_REACHED);
        } else {
            followUp = new FollowUp.Retry(t.batchId(), t.transferIndex(), t.attempt() + 1);
        }
        Decision decision = followUp instanceof FollowUp.Retry ? Decision.RETRY : Decision.ESCALATE;
        put(a.with(state, decision, a.bankReference(), reasonCode));
        return new OutcomeResult.Failed(outcome, t, followUp);
    }

    private static OutcomeResult.Unmatched mismatch(BankOutcome o, String verb, long amount, long instructed) {
        return new OutcomeResult.Unmatched(o, AMOUNT_MISMATCH, verb + " " + Cents.format(amount)
                + " EUR, instructed " + Cents.format(instructed) + " EUR", amount);
    }

    private static OutcomeResult.Unmatched conflict(BankOutcome o, AttemptStatus a, long amount) {
        String news = switch (o) {
            case BankOutcome.Booked b -> "booked";
            case BankOutcome.Rejected r -> "rejected";
            case BankOutcome.Returned r -> "returned";
        };
        return new OutcomeResult.Unmatched(o, CONFLICTS_WITH_STATE, news + " but the attempt is already "
                + a.state().name().toLowerCase(Locale.ROOT), amount);
    }

    private void put(AttemptStatus status) {
        byEndToEndId.put(status.transfer().endToEndId(), status);
        InstructedTransfer t = status.transfer();
        if (t.endToEndId().equals(latest.get(t.batchId()).get(t.transferIndex()))) {
            track(status);
        }
    }

    /** Lists a transfer in {@link #retries} exactly when its latest attempt, {@code a}, is decided RETRY. */
    private void track(AttemptStatus a) {
        String batchId = a.transfer().batchId();
        int transferIndex = a.transfer().transferIndex();
        if (a.decision() == Decision.RETRY || a.decision() == Decision.REISSUE) {
            int next = a.decision() == Decision.RETRY ? a.transfer().attempt() + 1
                    : reissueAttempt(a.transfer().attempt());
            retries.computeIfAbsent(batchId, b -> new TreeMap<>()).put(transferIndex,
                    new FollowUp.Retry(batchId, transferIndex, next));
            return;
        }
        TreeMap<Integer, FollowUp.Retry> transfers = retries.get(batchId);
        if (transfers != null && transfers.remove(transferIndex) != null && transfers.isEmpty()) {
            retries.remove(batchId);
        }
    }

    /** The first attempt of the cycle after the one {@code attempt} belongs to. */
    public static int reissueAttempt(int attempt) {
        return ((attempt - 1) / MAX_ATTEMPTS + 1) * MAX_ATTEMPTS + 1;
    }

    /**
     * Why an operator may not act on transfer {@code transferIndex} of a batch now: {@value #NOT_ESCALATED} if
     * its latest attempt is not escalated (unknown, in flight, retried, already reissued or abandoned),
     * {@value #REISSUES_EXHAUSTED} for a reissue past {@link #MAX_REISSUES}; empty if it may.
     */
    public Optional<String> refusalOf(String batchId, int transferIndex, boolean reissue) {
        Optional<AttemptStatus> a = latest(batchId, transferIndex);
        if (a.isEmpty() || a.get().decision() != Decision.ESCALATE) {
            return Optional.of(NOT_ESCALATED);
        }
        if (reissue && reissueAttempt(a.get().transfer().attempt()) > MAX_ATTEMPT_NUMBER) {
            return Optional.of(REISSUES_EXHAUSTED);
        }
        return Optional.empty();
    }

    /**
     * An operator re-issues an escalated transfer: its latest attempt is decided REISSUE and the transfer listed
     * in {@link #pendingRetries} with the first attempt of the next cycle, for the caller to fund and instruct.
     *
     * @throws IllegalArgumentException if {@link #refusalOf} refuses it (the caller checks first)
     */
    public void reissue(String batchId, int transferIndex) {
        decide(batchId, transferIndex, true, Decision.REISSUE);
    }

    /**
     * An operator gives up an escalated transfer: decided ABANDON, never paid by the bridge. Its funding was
     * refunded when the bank rejected or returned it and stays with those sources.
     *
     * @throws IllegalArgumentException if {@link #refusalOf} refuses it
     */
    public void abandon(String batchId, int transferIndex) {
        decide(batchId, transferIndex, false, Decision.ABANDON);
    }

    private void decide(String batchId, int transferIndex, boolean reissue, Decision decision) {
        Optional<String> refusal = refusalOf(batchId, transferIndex, reissue);
        if (refusal.isPresent()) {
            throw new IllegalArgumentException("transfer " + transferIndex + " of batch " + batchId + ": "
                    + refusal.get());
        }
        AttemptStatus a = latest(batchId, transferIndex).orElseThrow();
        put(a.with(a.state(), decision, a.bankReference(), a.reasonCode()));
    }

    /** The latest attempt at one transfer of a batch, if instructed. */
    public Optional<AttemptStatus> latest(String batchId, int transferIndex) {
        TreeMap<Integer, String> transfers = latest.get(batchId);
        String id = transfers == null ? null : transfers.get(transferIndex);
        return id == null ? Optional.empty() : Optional.of(byEndToEndId.get(id));
    }

    /**
     * Writes every attempt's status, by end-to-end id, for an engine snapshot. {@code latest} and {@code retries}
     * are derived from them (the latest attempt of a transfer is its highest attempt number).
     */
    public void writeState(StateWriter out) {
        out.section("reconciliation").count(byEndToEndId.size());
        for (String id : new TreeSet<>(byEndToEndId.keySet())) {
            AttemptStatus a = byEndToEndId.get(id);
            SettlementCodec.writeTransfer(out, a.transfer());
            out.enumValue(a.state()).enumValue(a.decision()).string(a.bankReference()).string(a.reasonCode());
        }
    }

    /**
     * Reads what {@link #writeState} wrote into this reconciliation, which must be new, and rebuilds the latest
     * attempt of each transfer and the pending retries as {@link #instruct} and {@link #reconcile} would have.
     *
     * @throws IllegalArgumentException if an end-to-end id is stored twice or a transfer's attempts do not follow
     *                                  one another (1, 2, ... each but the last decided RETRY)
     */
    public void readState(StateReader in) {
        Check.that(byEndToEndId.isEmpty(), "a snapshot is read into a new reconciliation");
        in.section("reconciliation");
        int n = in.count(MAX_TRACKED_ATTEMPTS, 40, "attempts");
        // batch id -> transfer index -> attempt number -> status
        TreeMap<String, TreeMap<Integer, TreeMap<Integer, AttemptStatus>>> chains = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            InstructedTransfer t = SettlementCodec.readTransfer(in);
            AttemptStatus a = new AttemptStatus(t, in.enumValue(State.class), in.enumValue(Decision.class),
                    in.string(SettlementCodec.MAX_TEXT_BYTES), in.string(SettlementCodec.MAX_TEXT_BYTES));
            if (byEndToEndId.put(t.endToEndId(), a) != null
                    || chains.computeIfAbsent(t.batchId(), b -> new TreeMap<>())
                    .computeIfAbsent(t.transferIndex(), x -> new TreeMap<>()).put(t.attempt(), a) != null) {
                throw new IllegalArgumentException("attempt " + t.endToEndId() + " is stored twice");
            }
        }
        chains.forEach((batchId, transfers) -> transfers.forEach((index, attempts) -> {
            int expected = 1;
            for (AttemptStatus a : attempts.values()) {
                boolean last = a.transfer().attempt() == attempts.lastKey();
                boolean follows = last || a.decision() == Decision.RETRY || a.decision() == Decision.REISSUE;
                if (a.transfer().attempt() != expected || !follows) {
                    throw new IllegalArgumentException("the attempts at transfer " + index + " of batch " + batchId
                            + " do not follow one another (each retried or re-issued before the next)");
                }
                expected = a.decision() == Decision.REISSUE ? reissueAttempt(a.transfer().attempt())
                        : a.transfer().attempt() + 1;
            }
            AttemptStatus newest = attempts.lastEntry().getValue();
            latest.computeIfAbsent(batchId, b -> new TreeMap<>()).put(index, newest.transfer().endToEndId());
            track(newest);
        }));
    }

    /** Where an attempt stands, if instructed. */
    public Optional<AttemptStatus> status(String endToEndId) {
        return Optional.ofNullable(byEndToEndId.get(endToEndId));
    }

    /** The latest attempt of each instructed transfer of a batch, by transfer index (empty if none). */
    public List<AttemptStatus> latestAttempts(String batchId) {
        TreeMap<Integer, String> transfers = latest.get(batchId);
        return transfers == null ? List.of() : transfers.values().stream().map(byEndToEndId::get).toList();
    }

    /** The state of an instructed batch ({@link BatchState#of}); empty if none of its transfers was instructed. */
    public Optional<BatchState> batchState(String batchId) {
        List<AttemptStatus> attempts = latestAttempts(batchId);
        return attempts.isEmpty() ? Optional.empty() : Optional.of(BatchState.of(attempts));
    }

    /**
     * The allocations of a batch's booked attempts, by transfer index: once the batch is SETTLED, what paid it,
     * for the attestation's totals per source ({@link Allocation#totalsBySource}).
     */
    public List<Allocation> bookedAllocations(String batchId) {
        List<Allocation> out = new ArrayList<>();
        for (AttemptStatus a : latestAttempts(batchId)) {
            if (a.state() == State.MATCHED) {
                out.addAll(a.transfer().allocations());
            }
        }
        return out;
    }

    /** Retries decided and not yet instructed, by batch id then transfer index. */
    public List<FollowUp.Retry> pendingRetries() {
        List<FollowUp.Retry> out = new ArrayList<>();
        retries.values().forEach(transfers -> out.addAll(transfers.values()));
        return out;
    }
}
