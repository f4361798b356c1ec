package org.targetedmoney.bridge.receipt;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.targetedmoney.bridge.funding.FundingCredit;
import org.targetedmoney.bridge.funding.SourceKind;
import org.targetedmoney.bridge.settlement.Check;
import org.targetedmoney.bridge.snapshot.StateReader;
import org.targetedmoney.bridge.snapshot.StateWriter;

/**
 * Declared credits matched to bank receipts, whichever comes first. Pure and deterministic; the state is plain
 * sorted collections (so that a snapshot can write them as they are).
 *
 * <p>A receipt matches the declared credit whose reference is one of its {@linkplain BankReceipt#mentions()
 * mentions} (end-to-end id first), with the same amount and currency. A credit is matched at most once. When
 * several receipts could confirm one credit, the one with the smallest id is the match, whatever the order they
 * came in: a later receipt with a smaller id takes the place of the matched one (the credit stays confirmed, the
 * other receipt becomes unmatched). So the final state depends only on which credits and receipts arrived, not on
 * their order, as long as each receipt names at most one declared reference (see docs/BRIDGE.md).
 *
 * <p>Nothing here is refused: the caller (the engine) has already refused duplicate declarations.
 */
public final class ReceiptBook {
    /** Declared credits are in euros. */
    public static final String EUR = "EUR";
    /** Most receipts the book keeps (matched and unmatched): a caller refuses a bank message beyond it. */
    public static final int MAX_RECEIPTS = 10_000_000;
    /** Seconds in a ledger day (ages are whole days of ledger time). */
    static final long DAY_SECONDS = 86_400;

    /** Declared, not yet seen, by reference. */
    private final TreeMap<String, ExpectedCredit> expected = new TreeMap<>();
    /** Declared and seen, by reference. */
    private final TreeMap<String, Match> matched = new TreeMap<>();
    /** Seen, matching no declaration, by receipt id. */
    private final TreeMap<String, Arrival> unmatched = new TreeMap<>();
    /** Unmatched receipts' ids by each reference they mention: how a new declaration finds its money. */
    private final TreeMap<String, TreeSet<String>> unmatchedByMention = new TreeMap<>();
    /** Every receipt id taken, so that one bank entry reported twice counts once. */
    private final TreeSet<String> receiptIds = new TreeSet<>();
    private long expectedCents;
    private long confirmedCents;
    private long unmatchedCents;

    /** What {@link #receive} did with a receipt. */
    public record Received(boolean duplicate, List<Match> confirmed) {
        public Received {
            confirmed = List.copyOf(confirmed);
        }
    }

    /** Whether a credit with this reference was declared (expected or matched). */
    public boolean knows(String reference) {
        return expected.containsKey(reference) || matched.containsKey(reference);
    }

    /** How many more receipts the book can take. */
    public long room() {
        return MAX_RECEIPTS - (long) receiptIds.size();
    }

    /**
     * Records a declared credit; if a receipt already seen matches it, returns the match (the credit is confirmed
     * now), else it waits, expected.
     */
    public Optional<Match> expect(FundingCredit credit, long atSeconds) {
        Objects.requireNonNull(credit, "credit");
        Check.that(!knows(credit.reference()), "credit reference %s is declared once", credit.reference());
        ExpectedCredit e = new ExpectedCredit(credit, atSeconds);
        for (String id : unmatchedByMention.getOrDefault(credit.reference(), new TreeSet<>())) {
            Arrival a = unmatched.get(id);
            if (confirms(a.receipt(), credit)) {
                removeUnmatched(a);
                Match m = new Match(e, a, atSeconds);
                matched.put(credit.reference(), m);
                confirmedCents = Math.addExact(confirmedCents, credit.amountCents());
                checkTotals();
                return Optional.of(m);
            }
        }
        expected.put(credit.reference(), e);
        expectedCents = Math.addExact(expectedCents, credit.amountCents());
        checkTotals();
        return Optional.empty();
    }

    /** Takes a receipt: the credits it confirms now (none, or one), or nothing if its id was taken before. */
    public Received receive(BankReceipt receipt, long atSeconds) {
        Objects.requireNonNull(receipt, "receipt");
        if (!receiptIds.add(receipt.id())) {
            return new Received(true, List.of());
        }
        Check.that(receiptIds.size() <= MAX_RECEIPTS, "at most %d receipts", MAX_RECEIPTS);
        List<Match> confirmed = new ArrayList<>();
        place(new Arrival(receipt, atSeconds), atSeconds, confirmed);
        checkTotals();
        return new Received(false, confirmed);
    }

    /**
     * Matches an arrival to the first credit it mentions that it confirms: an expected one (money confirmed), or
     * a matched one whose receipt has a larger id (that receipt is placed again); else it stays unmatched.
     */
    private void place(Arrival a, long atSeconds, List<Match> confirmed) {
        BankReceipt r = a.receipt();
        for (String reference : r.mentions()) {
            ExpectedCredit e = expected.get(reference);
            if (e != null && confirms(r, e.credit())) {
                expected.remove(reference);
                expectedCents = Math.subtractExact(expectedCents, e.credit().amountCents());
                confirmedCents = Math.addExact(confirmedCents, e.credit().amountCents());
                Match m = new Match(e, a, atSeconds);
                matched.put(reference, m);
                confirmed.add(m);
                return;
            }
            Match held = matched.get(reference);
            if (held != null && confirms(r, held.credit().credit())
                    && r.id().compareTo(held.receipt().receipt().id()) < 0) {
                matched.put(reference, new Match(held.credit(), a, held.matchedAtSeconds()));
                place(held.receipt(), atSeconds, confirmed); // ids only grow along this chain: it ends
                return;
            }
        }
        unmatched.put(r.id(), a);
        unmatchedCents = Math.addExact(unmatchedCents, r.amountCents());
        for (String reference : r.mentions()) {
            unmatchedByMention.computeIfAbsent(reference, k -> new TreeSet<>()).add(r.id());
        }
    }

    private void removeUnmatched(Arrival a) {
        unmatched.remove(a.receipt().id());
        unmatchedCents = Math.subtractExact(unmatchedCents, a.receipt().amountCents());
        for (String reference : a.receipt().mentions()) {
            TreeSet<String> ids = unmatchedByMention.get(reference);
            ids.remove(a.receipt().id());
            if (ids.isEmpty()) {
                unmatchedByMention.remove(reference);
            }
        }
    }

    private static boolean confirms(BankReceipt r, FundingCredit c) {
        return r.amountCents() == c.amountCents() && EUR.equals(r.currency());
    }

    private void checkTotals() {
        Check.that(expectedCents >= 0 && confirmedCents >= 0 && unmatchedCents >= 0,
                "receipt totals are not negative: %d %d %d", expectedCents, confirmedCents, unmatchedCents);
        Check.that(matched.size() + unmatched.size() <= receiptIds.size(), "every receipt placed is taken once");
    }

    // ---- reads ----

    /** Amounts and counts of each set. */
    public Totals totals() {
        return new Totals(expected.size(), expectedCents, matched.size(), confirmedCents, unmatched.size(),
                unmatchedCents);
    }

    /** @param expectedCents declared, not yet seen; @param confirmedCents matched; @param unmatchedCents seen only */
    public record Totals(int expectedCount, long expectedCents, int confirmedCount, long confirmedCents,
                         int unmatchedCount, long unmatchedCents) {}

    /** The matched pairs, by reference (read-only). */
    public Map<String, Match> matched() {
        return java.util.Collections.unmodifiableSortedMap(matched);
    }

    /** The credits declared and not yet seen, by reference (read-only). */
    public Map<String, ExpectedCredit> expected() {
        return java.util.Collections.unmodifiableSortedMap(expected);
    }

    /** The receipts matching no declaration, by receipt id (read-only). */
    public Map<String, Arrival> unmatched() {
        return java.util.Collections.unmodifiableSortedMap(unmatched);
    }

    /**
     * The report at ledger time {@code nowSeconds}: up to {@code limit} items of each list, in key order, each
     * with its age in whole ledger days and, for what is not matched, why.
     */
    public ReceiptReport report(long nowSeconds, int limit) {
        List<ReceiptReport.Matched> m = new ArrayList<>();
        for (Match x : matched.values()) {
            if (m.size() == limit) {
                break;
            }
            m.add(new ReceiptReport.Matched(x.credit().credit(), x.receipt().receipt(),
                    ageDays(nowSeconds, x.matchedAtSeconds())));
        }
        List<ReceiptReport.Unmatched> u = new ArrayList<>();
        for (Arrival a : unmatched.values()) {
            if (u.size() == limit) {
                break;
            }
            u.add(new ReceiptReport.Unmatched(a.receipt(), unmatchedCode(a.receipt()),
                    ageDays(nowSeconds, a.receivedAtSeconds())));
        }
        List<ReceiptReport.Expected> e = new ArrayList<>();
        for (ExpectedCredit x : expected.values()) {
            if (e.size() == limit) {
                break;
            }
            String code = unmatchedByMention.containsKey(x.reference()) ? ReceiptReport.AMOUNT_MISMATCH
                    : ReceiptReport.NOT_SEEN;
            e.add(new ReceiptReport.Expected(x.credit(), code, ageDays(nowSeconds, x.declaredAtSeconds())));
        }
        return new ReceiptReport(totals(), m, u, e);
    }

    /** Why a receipt is unmatched: it names a declared credit of another amount, a credit already confirmed, or none. */
    private String unmatchedCode(BankReceipt r) {
        for (String reference : r.mentions()) {
            if (expected.containsKey(reference)) {
                return ReceiptReport.AMOUNT_MISMATCH;
            }
            Match held = matched.get(reference);
            if (held != null) {
                return confirms(r, held.credit().credit()) ? ReceiptReport.ALREADY_CONFIRMED
                        : ReceiptReport.AMOUNT_MISMATCH;
            }
        }
        return ReceiptReport.NOT_DECLARED;
    }

    static long ageDays(long nowSeconds, long atSeconds) {
        return Math.max(0, nowSeconds - atSeconds) / DAY_SECONDS;
    }

    // ---- snapshot ----

    /** Longest text written (ids, references, IBANs, remittances) in a snapshot. */
    static final int MAX_TEXT_BYTES = 4_096;

    /**
     * Writes the book for an engine snapshot: the expected credits, the matched pairs, the unmatched receipts and
     * every receipt id taken (a displaced or duplicate receipt's id stays taken). The index by mention and the
     * totals are derived from them on read.
     */
    public void writeState(StateWriter out) {
        out.section("receipts").count(expected.size());
        expected.values().forEach(e -> writeExpected(out, e));
        out.count(matched.size());
        matched.values().forEach(m -> {
            writeExpected(out, m.credit());
            writeArrival(out, m.receipt());
            out.longValue(m.matchedAtSeconds());
        });
        out.count(unmatched.size());
        unmatched.values().forEach(a -> writeArrival(out, a));
        out.count(receiptIds);
        receiptIds.forEach(out::string);
    }

    /** Reads what {@link #writeState} wrote into this book, which must be new. */
    public void readState(StateReader in) {
        Check.that(receiptIds.isEmpty() && expected.isEmpty(), "a snapshot is read into a new receipt book");
        in.section("receipts");
        int n = in.count(Integer.MAX_VALUE, 32, "expected credits");
        for (int i = 0; i < n; i++) {
            ExpectedCredit e = readExpected(in);
            Check.that(expected.put(e.reference(), e) == null, "expected credit %s is stored once", e.reference());
            expectedCents = Math.addExact(expectedCents, e.credit().amountCents());
        }
        n = in.count(Integer.MAX_VALUE, 64, "matched credits");
        for (int i = 0; i < n; i++) {
            Match m = new Match(readExpected(in), readArrival(in), in.longValue());
            Check.that(confirms(m.receipt().receipt(), m.credit().credit()) && !expected.containsKey(m.credit().reference())
                    && matched.put(m.credit().reference(), m) == null, "match of %s confirms it and is stored once",
                    m.credit().reference());
            confirmedCents = Math.addExact(confirmedCents, m.credit().credit().amountCents());
        }
        n = in.count(MAX_RECEIPTS, 32, "unmatched receipts");
        for (int i = 0; i < n; i++) {
            Arrival a = readArrival(in);
            Check.that(unmatched.put(a.receipt().id(), a) == null, "unmatched receipt %s is stored once",
                    a.receipt().id());
            unmatchedCents = Math.addExact(unmatchedCents, a.receipt().amountCents());
            for (String reference : a.receipt().mentions()) {
                unmatchedByMention.computeIfAbsent(reference, k -> new TreeSet<>()).add(a.receipt().id());
            }
        }
        n = in.count(MAX_RECEIPTS, 4, "receipt ids");
        for (int i = 0; i < n; i++) {
            Check.that(receiptIds.add(in.string(MAX_TEXT_BYTES)), "receipt ids are stored once");
        }
        Check.that(receiptIds.containsAll(unmatched.keySet()) && matched.values().stream()
                .allMatch(m -> receiptIds.contains(m.receipt().receipt().id())), "every receipt placed was taken");
        checkTotals();
    }

    private static void writeExpected(StateWriter out, ExpectedCredit e) {
        FundingCredit c = e.credit();
        out.string(c.accountId()).enumValue(c.kind()).yearMonth(c.period()).longValue(c.amountCents())
                .string(c.reference()).longValue(e.declaredAtSeconds());
    }

    private static ExpectedCredit readExpected(StateReader in) {
        FundingCredit c = new FundingCredit(in.string(MAX_TEXT_BYTES), in.enumValue(SourceKind.class), in.yearMonth(),
                in.longValue(), in.string(MAX_TEXT_BYTES));
        return new ExpectedCredit(c, in.longValue());
    }

    private static void writeArrival(StateWriter out, Arrival a) {
        BankReceipt r = a.receipt();
        out.string(r.id()).string(r.accountIban()).longValue(r.amountCents()).string(r.currency())
                .date(r.bookingDate());
        optional(out, r.endToEndId());
        optional(out, r.remittance());
        out.longValue(a.receivedAtSeconds());
    }

    private static Arrival readArrival(StateReader in) {
        BankReceipt r = new BankReceipt(in.string(MAX_TEXT_BYTES), in.string(MAX_TEXT_BYTES), in.longValue(),
                in.string(MAX_TEXT_BYTES), in.date(), optional(in), optional(in));
        return new Arrival(r, in.longValue());
    }

    private static void optional(StateWriter out, String s) {
        out.bool(s != null);
        if (s != null) {
            out.string(s);
        }
    }

    private static String optional(StateReader in) {
        return in.bool() ? in.string(MAX_TEXT_BYTES) : null;
    }
}
