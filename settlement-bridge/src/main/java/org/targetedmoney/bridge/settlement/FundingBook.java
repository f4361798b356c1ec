package org.targetedmoney.bridge.settlement;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.targetedmoney.bridge.funding.FundingCredit;
import org.targetedmoney.bridge.funding.SourceKind;
import org.targetedmoney.bridge.snapshot.StateReader;
import org.targetedmoney.bridge.snapshot.StateWriter;

/**
 * The funding state: the balance of each contributions and public account, and the monetary creation used per
 * month; and the waterfall that spends them on batches. Deterministic; mutable, not thread-safe ({@link #copy()}
 * for a scratch copy, {@link #snapshot()} / {@link #restore} for the store).
 *
 * <p><b>Waterfall</b> ({@link #fund(Batch)}): purposes ascending; for each purpose, the transfers of the batch
 * by index; each transfer's amount for that purpose is taken from the accounts covering the purpose in
 * {@linkplain FundingPlan#waterfallOrder() waterfall order} (contributions, public accounts, then creation within
 * what remains of the ceiling of the batch window's funding month), each account as far as its balance goes.
 * <b>All or nothing</b>: if any purpose cannot be fully covered, nothing is taken and the outcome says what is
 * missing per purpose. The waterfall is greedy: when an any-purpose account is shared by several purposes of one
 * batch, a lower purpose may use it up although another assignment could have funded the whole batch.
 *
 * <p>Balances carry over from month to month (a credit's period is for traceability); only creation is bounded
 * per month. Credits are not deduplicated here (the store's idempotency keys do that), nor does the book remember
 * which batches it funded: the caller funds a batch once, when it moves from WAITING_FUNDING to FUNDED.
 *
 * <p>Invariants checked after every change: no balance below 0; creation used of a month within the ceiling;
 * credited + creation used = balances + allocated and not refunded.
 */
public final class FundingBook {
    /** Largest balance of one account after a credit: 10^15 cents (10 000 billion euros), so sums cannot overflow. */
    public static final long MAX_BALANCE_CENTS = 1_000_000_000_000_000L;
    /** Most batches {@link #fundWaiting} takes at once. */
    public static final int MAX_WAITING_BATCHES = 1_000_000;

    public static final String UNKNOWN_FUNDING_ACCOUNT = "UNKNOWN_FUNDING_ACCOUNT";
    public static final String FUNDING_KIND_MISMATCH = "FUNDING_KIND_MISMATCH";
    public static final String BALANCE_LIMIT_EXCEEDED = "BALANCE_LIMIT_EXCEEDED";
    public static final String INSUFFICIENT_FUNDING = "INSUFFICIENT_FUNDING";

    /** Oldest window first, then batch id: the order in which {@link #fundWaiting} tries batches. */
    public static final Comparator<Batch> FUNDING_ORDER = Comparator.comparing(Batch::window, WindowId.ORDER)
            .thenComparing(Batch::id);

    private final FundingPlan plan;
    private final FundingAccount[] order;
    private final Map<String, Integer> indexById;
    private final long[] balances;
    private final TreeMap<YearMonth, Long> creationUsed;
    private long creditedCents;
    private long creationUsedTotalCents;
    private long outstandingCents;

    /** An empty book: every balance 0, no creation used. */
    public FundingBook(FundingPlan plan) {
        this.plan = Objects.requireNonNull(plan, "plan");
        this.order = plan.waterfallOrder().toArray(FundingAccount[]::new);
        this.indexById = new HashMap<>();
        for (int i = 0; i < order.length; i++) {
            indexById.put(order[i].id(), i);
        }
        this.balances = new long[order.length];
        this.creationUsed = new TreeMap<>();
    }

    private FundingBook(FundingBook other) {
        this.plan = other.plan;
        this.order = other.order;
        this.indexById = other.indexById;
        this.balances = other.balances.clone();
        this.creationUsed = new TreeMap<>(other.creationUsed);
        this.creditedCents = other.creditedCents;
        this.creationUsedTotalCents = other.creationUsedTotalCents;
        this.outstandingCents = other.outstandingCents;
    }

    /** An independent copy (same plan). */
    public FundingBook copy() {
        return new FundingBook(this);
    }

    public FundingPlan plan() {
        return plan;
    }

    /**
     * Adds a credit to its account. Refused, changing nothing, if the account is not declared
     * ({@value #UNKNOWN_FUNDING_ACCOUNT}), is of another kind ({@value #FUNDING_KIND_MISMATCH}), or would exceed
     * {@link #MAX_BALANCE_CENTS} ({@value #BALANCE_LIMIT_EXCEEDED}).
     */
    public CreditOutcome credit(FundingCredit credit) {
        Optional<CreditOutcome.Rejected> wrongAccount = accountRefusal(credit);
        if (wrongAccount.isPresent()) {
            return wrongAccount.get();
        }
        int i = indexById.get(credit.accountId());
        if (credit.amountCents() > MAX_BALANCE_CENTS - balances[i]) {
            return new CreditOutcome.Rejected(BALANCE_LIMIT_EXCEEDED, "funding account '" + credit.accountId()
                    + "' would exceed " + MAX_BALANCE_CENTS + " cents");
        }
        balances[i] += credit.amountCents();
        creditedCents = Cents.add(creditedCents, credit.amountCents(), "credited total");
        checkInvariants();
        return new CreditOutcome.Credited(credit.accountId(), balances[i]);
    }

    /**
     * Why {@link #credit} would refuse this credit whatever the balances: its account is not declared
     * ({@value #UNKNOWN_FUNDING_ACCOUNT}) or of another kind ({@value #FUNDING_KIND_MISMATCH}). Lets a credit that
     * is only expected (confirmed later by the bank) be refused when it is declared. Changes nothing.
     */
    public Optional<CreditOutcome.Rejected> accountRefusal(FundingCredit credit) {
        Integer i = indexById.get(credit.accountId());
        if (i == null) {
            return Optional.of(new CreditOutcome.Rejected(UNKNOWN_FUNDING_ACCOUNT,
                    "no funding account '" + credit.accountId() + "' is declared"));
        }
        if (order[i].kind() != credit.kind()) {
            return Optional.of(new CreditOutcome.Rejected(FUNDING_KIND_MISMATCH, "funding account '"
                    + credit.accountId() + "' is " + order[i].kind().code() + ", the credit says "
                    + credit.kind().code()));
        }
        return Optional.empty();
    }

    /** Funds every transfer of a batch, all or nothing (see the class comment). */
    public FundingOutcome fund(Batch batch) {
        return fund(batch, batch.transfers(), batch.subtotalsByPurposeCents().keySet());
    }

    /** Funds one transfer of a batch, all or nothing: a retry after the bank rejected or returned an attempt. */
    public FundingOutcome fundTransfer(Batch batch, int transferIndex) {
        CreditTransfer t = batch.transfer(transferIndex);
        return fund(batch, List.of(t), t.amountsByPurposeCents().keySet());
    }

    /**
     * Tries batches waiting for funding in {@link #FUNDING_ORDER} (oldest window first, then batch id); a batch
     * that cannot be funded does not stop younger ones that can (so that one large batch does not hold up every
     * provider; it stays visibly waiting).
     *
     * @return one result per batch, in the order tried
     * @throws IllegalArgumentException if a batch id appears twice (funding a batch twice would be a bug)
     */
    public List<BatchFunding> fundWaiting(List<Batch> waiting) {
        if (waiting.size() > MAX_WAITING_BATCHES) {
            throw new IllegalArgumentException("at most " + MAX_WAITING_BATCHES + " batches are funded at once");
        }
        List<Batch> sorted = new ArrayList<>(waiting);
        sorted.sort(FUNDING_ORDER);
        Set<String> seen = new HashSet<>();
        List<BatchFunding> out = new ArrayList<>(sorted.size());
        for (Batch b : sorted) {
            if (!seen.add(b.id())) {
                throw new IllegalArgumentException("batch " + b.id() + " is listed twice");
            }
            out.add(new BatchFunding(b, fund(b)));
        }
        return out;
    }

    private FundingOutcome fund(Batch batch, List<CreditTransfer> transfers, Set<Integer> purposes) {
        YearMonth month = batch.window().fundingMonth();
        long[] scratch = balances.clone();
        long creationLeft = plan.creationCeilingCentsPerMonth() - creationUsedCents(month);
        List<Allocation> allocations = new ArrayList<>();
        TreeMap<Integer, Long> shortfall = new TreeMap<>();
        long asked = 0;
        for (int purpose : new TreeSet<>(purposes)) {
            for (CreditTransfer t : transfers) {
                Long need = t.amountsByPurposeCents().get(purpose);
                if (need == null) {
                    continue;
                }
                asked = Cents.add(asked, need, "amount to fund");
                long remaining = need;
                for (int k = 0; k < order.length && remaining > 0; k++) {
                    FundingAccount account = order[k];
                    if (!account.covers(purpose)) {
                        continue;
                    }
                    boolean creation = account.kind() == SourceKind.MONETARY_CREATION;
                    long take = Math.min(remaining, creation ? creationLeft : scratch[k]);
                    if (take <= 0) {
                        continue;
                    }
                    if (creation) {
                        creationLeft -= take;
                    } else {
                        scratch[k] -= take;
                    }
                    remaining -= take;
                    allocations.add(new Allocation(t.index(), account.id(), account.kind(), purpose, month, take));
                }
                if (remaining > 0) {
                    shortfall.merge(purpose, remaining, (a, b) -> Cents.add(a, b, "shortfall"));
                }
            }
        }
        if (!shortfall.isEmpty()) {
            long missing = shortfall.values().stream().reduce(0L, (a, b) -> Cents.add(a, b, "shortfall"));
            return new FundingOutcome.Waiting(INSUFFICIENT_FUNDING, missing, shortfall);
        }
        return commit(month, scratch, allocations, asked);
    }

    private FundingOutcome.Funded commit(YearMonth month, long[] scratch, List<Allocation> allocations, long asked) {
        long created = 0;
        long allocated = 0;
        for (Allocation a : allocations) {
            allocated += a.amountCents();
            created += a.kind() == SourceKind.MONETARY_CREATION ? a.amountCents() : 0;
        }
        Check.that(allocated == asked, "allocations (%d) sum to the amount funded (%d)", allocated, asked);
        System.arraycopy(scratch, 0, balances, 0, balances.length);
        if (created > 0) {
            creationUsed.merge(month, created, Long::sum);
            creationUsedTotalCents += created;
        }
        outstandingCents = Cents.add(outstandingCents, allocated, "allocated total");
        checkInvariants();
        allocations.sort(Comparator.comparingInt(Allocation::transferIndex)); // stable: purpose, waterfall order kept
        return new FundingOutcome.Funded(allocations);
    }

    /**
     * Gives allocations back to their sources: a balance for an account, the month's creation used for creation.
     * Used when the bank rejects or returns an attempt; all or nothing.
     *
     * @throws IllegalArgumentException if an allocation names an undeclared account or the wrong kind, or gives
     *                                  back more creation or more in total than was taken (a bug: allocations
     *                                  refunded twice or from another book)
     */
    public void refund(List<Allocation> allocations) {
        TreeMap<YearMonth, Long> creationBack = new TreeMap<>();
        long total = 0;
        for (Allocation a : allocations) {
            Integer i = indexById.get(a.accountId());
            if (i == null || order[i].kind() != a.kind()) {
                throw new IllegalArgumentException("refund to " + a.accountId() + " (" + a.kind().code()
                        + "): no such account of that kind in the plan");
            }
            total = Cents.add(total, a.amountCents(), "refund");
            if (a.kind() == SourceKind.MONETARY_CREATION) {
                creationBack.merge(a.fundingMonth(), a.amountCents(), (x, y) -> Cents.add(x, y, "creation refund"));
            }
        }
        for (Map.Entry<YearMonth, Long> e : creationBack.entrySet()) {
            if (e.getValue() > creationUsedCents(e.getKey())) {
                throw new IllegalArgumentException("refund of " + e.getValue() + " cents of creation for "
                        + e.getKey() + " exceeds the " + creationUsedCents(e.getKey()) + " used");
            }
        }
        if (total > outstandingCents) {
            throw new IllegalArgumentException("refund of " + total + " cents exceeds the " + outstandingCents
                    + " allocated and not refunded");
        }
        for (Allocation a : allocations) {
            if (a.kind() != SourceKind.MONETARY_CREATION) {
                int i = indexById.get(a.accountId());
                balances[i] = Cents.add(balances[i], a.amountCents(), "balance of " + a.accountId());
            }
        }
        creationBack.forEach((month, back) -> {
            long left = creationUsed.get(month) - back;
            if (left == 0) {
                creationUsed.remove(month);
            } else {
                creationUsed.put(month, left);
            }
            creationUsedTotalCents -= back;
        });
        outstandingCents -= total;
        checkInvariants();
    }

    /**
     * Takes these allocations again from exactly their sources, all or nothing: the funding of an escalated
     * transfer an operator re-issues, which was refunded to those sources when the bank rejected or returned it
     * (so the euros paid stay traceable to the same sources as first decided).
     *
     * @return false, changing nothing, if an account's balance or a month's creation ceiling no longer allows it
     * @throws IllegalArgumentException if an allocation names an undeclared account or the wrong kind (a bug)
     */
    public boolean retake(List<Allocation> allocations) {
        TreeMap<String, Long> byAccount = new TreeMap<>();
        TreeMap<YearMonth, Long> creation = new TreeMap<>();
        long total = 0;
        for (Allocation a : allocations) {
            Integer i = indexById.get(a.accountId());
            if (i == null || order[i].kind() != a.kind()) {
                throw new IllegalArgumentException("retake from " + a.accountId() + " (" + a.kind().code()
                        + "): no such account of that kind in the plan");
            }
            total = Cents.add(total, a.amountCents(), "retake");
            if (a.kind() == SourceKind.MONETARY_CREATION) {
                creation.merge(a.fundingMonth(), a.amountCents(), (x, y) -> Cents.add(x, y, "creation retake"));
            } else {
                byAccount.merge(a.accountId(), a.amountCents(), (x, y) -> Cents.add(x, y, "account retake"));
            }
        }
        for (Map.Entry<String, Long> e : byAccount.entrySet()) {
            if (balances[indexById.get(e.getKey())] < e.getValue()) {
                return false;
            }
        }
        for (Map.Entry<YearMonth, Long> e : creation.entrySet()) {
            if (creationRemainingCents(e.getKey()) < e.getValue()) {
                return false;
            }
        }
        byAccount.forEach((id, cents) -> balances[indexById.get(id)] -= cents);
        creation.forEach((month, cents) -> {
            creationUsed.merge(month, cents, (x, y) -> Cents.add(x, y, "creation used"));
            creationUsedTotalCents = Cents.add(creationUsedTotalCents, cents, "creation used total");
        });
        outstandingCents = Cents.add(outstandingCents, total, "outstanding");
        checkInvariants();
        return true;
    }

    /** Balance of a declared account (0 for the creation account). */
    public long balanceCents(String accountId) {
        Integer i = indexById.get(accountId);
        if (i == null) {
            throw new IllegalArgumentException("no funding account '" + accountId + "' is declared");
        }
        return balances[i];
    }

    /** Every non-creation account's balance, by account id. */
    public SortedMap<String, Long> balancesCents() {
        TreeMap<String, Long> out = new TreeMap<>();
        for (int i = 0; i < order.length; i++) {
            if (order[i].kind() != SourceKind.MONETARY_CREATION) {
                out.put(order[i].id(), balances[i]);
            }
        }
        return Collections.unmodifiableSortedMap(out);
    }

    public long creationUsedCents(YearMonth month) {
        return creationUsed.getOrDefault(month, 0L);
    }

    /** What the ceiling still allows for a month. */
    public long creationRemainingCents(YearMonth month) {
        return plan.creationCeilingCentsPerMonth() - creationUsedCents(month);
    }

    /** Creation used per month, months with none omitted. */
    public SortedMap<YearMonth, Long> creationUsedByMonthCents() {
        return Collections.unmodifiableSortedMap(new TreeMap<>(creationUsed));
    }

    /** Sum of all credits accepted. */
    public long creditedCents() {
        return creditedCents;
    }

    /** Allocated to batches and not refunded: the euros paid or in flight. */
    public long outstandingCents() {
        return outstandingCents;
    }

    /**
     * The book's state as a value, for the store.
     *
     * @param balancesCents           per non-creation account id
     * @param creationUsedByMonthCents per month with creation used
     * @param creditedCents           sum of credits accepted
     * @param outstandingCents        allocated and not refunded
     */
    public record Snapshot(SortedMap<String, Long> balancesCents, SortedMap<YearMonth, Long> creationUsedByMonthCents,
                           long creditedCents, long outstandingCents) {
        public Snapshot {
            balancesCents = Collections.unmodifiableSortedMap(new TreeMap<>(balancesCents));
            creationUsedByMonthCents = Collections.unmodifiableSortedMap(new TreeMap<>(creationUsedByMonthCents));
        }
    }

    public Snapshot snapshot() {
        return new Snapshot(balancesCents(), creationUsed, creditedCents, outstandingCents);
    }

    /**
     * A book in a stored state.
     *
     * @throws IllegalArgumentException if the snapshot does not fit the plan (unknown or missing account) or breaks
     *                                  an invariant (negative balance, ceiling exceeded, euros not conserved)
     */
    public static FundingBook restore(FundingPlan plan, Snapshot snapshot) {
        FundingBook book = new FundingBook(plan);
        book.load(snapshot);
        return book;
    }

    /** Fills this empty book with a stored state (see {@link #restore}). */
    private void load(Snapshot snapshot) {
        if (!snapshot.balancesCents().keySet().equals(balancesCents().keySet())) {
            throw new IllegalArgumentException("snapshot accounts " + snapshot.balancesCents().keySet()
                    + " are not the plan's " + balancesCents().keySet());
        }
        snapshot.balancesCents().forEach((id, cents) -> balances[indexById.get(id)] = cents);
        long used = 0;
        for (long cents : snapshot.creationUsedByMonthCents().values()) {
            used = Cents.add(used, cents, "creation used");
        }
        creationUsed.putAll(snapshot.creationUsedByMonthCents());
        creationUsedTotalCents = used;
        creditedCents = snapshot.creditedCents();
        outstandingCents = snapshot.outstandingCents();
        try {
            checkInvariants();
        } catch (Check.InvariantViolation e) {
            throw new IllegalArgumentException("snapshot is inconsistent: " + e.getMessage(), e);
        }
    }

    /**
     * Writes the book's state for an engine snapshot: each non-creation account's balance (by id), the creation
     * used per month, the credited and outstanding totals. The plan is configuration (fingerprinted), not state;
     * {@code order}, {@code indexById} and the creation total are derived.
     */
    public void writeState(StateWriter out) {
        Snapshot s = snapshot();
        out.section("funding-book").count(s.balancesCents().size());
        s.balancesCents().forEach((id, cents) -> out.string(id).longValue(cents));
        out.count(s.creationUsedByMonthCents().size());
        s.creationUsedByMonthCents().forEach((month, cents) -> out.yearMonth(month).longValue(cents));
        out.longValue(s.creditedCents()).longValue(s.outstandingCents());
    }

    /**
     * Reads what {@link #writeState} wrote into this book, which must be new (nothing credited or allocated).
     *
     * @throws IllegalArgumentException if the state does not fit the plan or breaks an invariant
     */
    public void readState(StateReader in) {
        Check.that(creditedCents == 0 && outstandingCents == 0 && creationUsed.isEmpty(),
                "a snapshot is read into a new funding book");
        in.section("funding-book");
        TreeMap<String, Long> held = new TreeMap<>();
        int accounts = in.count(FundingPlan.MAX_ACCOUNTS, 12, "funding accounts");
        for (int i = 0; i < accounts; i++) {
            if (held.put(in.string(FundingAccount.MAX_ID_LENGTH), in.longValue()) != null) {
                throw new IllegalArgumentException("an account's balance is stored twice");
            }
        }
        TreeMap<YearMonth, Long> created = new TreeMap<>();
        int months = in.count(Integer.MAX_VALUE, 13, "months of creation");
        for (int i = 0; i < months; i++) {
            if (created.put(in.yearMonth(), in.longValue()) != null) {
                throw new IllegalArgumentException("a month's creation is stored twice");
            }
        }
        load(new Snapshot(held, created, in.longValue(), in.longValue()));
    }

    private void checkInvariants() {
        long held = 0;
        for (int i = 0; i < balances.length; i++) {
            Check.that(balances[i] >= 0, "balance of %s >= 0, is %d", order[i].id(), balances[i]);
            Check.that(order[i].kind() != SourceKind.MONETARY_CREATION || balances[i] == 0,
                    "the creation account holds no balance");
            held = Cents.add(held, balances[i], "balances");
        }
        for (Map.Entry<YearMonth, Long> e : creationUsed.entrySet()) {
            Check.that(e.getValue() > 0 && e.getValue() <= plan.creationCeilingCentsPerMonth(),
                    "creation used in %s (%d) is within the ceiling (%d)", e.getKey(), e.getValue(),
                    plan.creationCeilingCentsPerMonth());
        }
        Check.that(outstandingCents >= 0 && creditedCents >= 0, "credited and outstanding totals are >= 0");
        Check.that(Cents.add(creditedCents, creationUsedTotalCents, "sources") == Cents.add(held, outstandingCents,
                "uses"), "credited %d + created %d = balances %d + allocated %d", creditedCents,
                creationUsedTotalCents, held, outstandingCents);
    }
}
