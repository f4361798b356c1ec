package org.targetedmoney.bridge.receipt;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.targetedmoney.bridge.funding.FundingCredit;
import org.targetedmoney.bridge.funding.SourceKind;

/**
 * Declarations and bank receipts arrive in any order (money before its declaration is normal): the credits
 * confirmed, the amounts and which receipt confirms which credit are the same for every interleaving. Receipts
 * here name one reference each (by end-to-end id or in the remittance), some with another amount, some paying a
 * credit twice, some naming nothing declared, some reported twice by the bank.
 */
class ReceiptProperties {
    private static final String IBAN = "FR7630006000011234567890189";
    private static final int REFERENCES = 8;

    record Declared(int reference, long amountCents) {}

    record Seen(int id, int reference, long amountCents, boolean inRemittance) {}

    /** A declaration or a receipt, in arrival order. */
    record Event(Declared declared, Seen seen) {}

    @Provide
    Arbitrary<List<Declared>> declarations() {
        // each reference declared at most once (the engine refuses a second), amounts from a small set so that
        // receipts often agree and sometimes not
        return Combinators.combine(Arbitraries.integers().between(0, REFERENCES - 1),
                Arbitraries.of(1_000L, 2_500L, 4_000L)).as(Declared::new).list().ofMaxSize(REFERENCES)
                .uniqueElements(Declared::reference);
    }

    @Provide
    Arbitrary<List<Seen>> receipts() {
        return Combinators.combine(Arbitraries.integers().between(0, 30), Arbitraries.integers().between(0,
                        REFERENCES + 2), Arbitraries.of(1_000L, 2_500L, 4_000L), Arbitraries.of(true, false))
                .as(Seen::new).list().ofMaxSize(14).uniqueElements(Seen::id)
                // one bank entry reported twice (a camt.054, then the day's camt.053): the same receipt again
                .flatMap(list -> Arbitraries.integers().between(0, Math.min(3, list.size()))
                        .map(copies -> {
                            List<Seen> withCopies = new ArrayList<>(list);
                            withCopies.addAll(list.subList(0, copies));
                            return withCopies;
                        }));
    }

    @Property(tries = 400)
    void anyInterleaving_sameDeclarationsAndReceipts_sameEndState(@ForAll("declarations") List<Declared> declared,
                                                                  @ForAll("receipts") List<Seen> seen,
                                                                  @ForAll long seed) {
        List<Event> events = new ArrayList<>();
        declared.forEach(d -> events.add(new Event(d, null)));
        seen.forEach(s -> events.add(new Event(null, s)));
        Outcome declarationsFirst = run(events);
        List<Event> shuffled = new ArrayList<>(events);
        Collections.shuffle(shuffled, new Random(seed));
        List<Event> reversed = new ArrayList<>(events);
        Collections.reverse(reversed);

        assertThat(run(shuffled)).isEqualTo(declarationsFirst);
        assertThat(run(reversed)).isEqualTo(declarationsFirst);
        assertThat(declarationsFirst.fundedCents()).isLessThanOrEqualTo(declared.stream()
                .mapToLong(Declared::amountCents).sum());
    }

    /** Funded amount per reference (what confirmations returned), and the book's final pairs and sets. */
    record Outcome(TreeMap<String, Long> fundedByReference, long fundedCents, TreeMap<String, String> pairs,
                   List<String> expected, List<String> unmatched, ReceiptBook.Totals totals) {}

    private static Outcome run(List<Event> events) {
        ReceiptBook book = new ReceiptBook();
        TreeMap<String, Long> funded = new TreeMap<>();
        for (Event e : events) {
            List<Match> confirmed = new ArrayList<>();
            if (e.declared() != null) {
                book.expect(credit(e.declared()), 0).ifPresent(confirmed::add);
            } else {
                confirmed.addAll(book.receive(receipt(e.seen()), 0).confirmed());
            }
            for (Match m : confirmed) {
                assertThat(funded.put(m.credit().reference(), m.credit().credit().amountCents()))
                        .as("credit %s confirmed once", m.credit().reference()).isNull();
            }
        }
        TreeMap<String, String> pairs = new TreeMap<>();
        book.matched().forEach((ref, m) -> pairs.put(ref, m.receipt().receipt().id()));
        long total = funded.values().stream().mapToLong(Long::longValue).sum();
        assertThat(total).isEqualTo(book.totals().confirmedCents());
        return new Outcome(funded, total, pairs, List.copyOf(book.expected().keySet()),
                List.copyOf(book.unmatched().keySet()), book.totals());
    }

    private static FundingCredit credit(Declared d) {
        return new FundingCredit("ssa-members", SourceKind.CONTRIBUTIONS, YearMonth.of(2026, 11), d.amountCents(),
                "ref-" + d.reference());
    }

    private static BankReceipt receipt(Seen s) {
        String reference = "ref-" + s.reference();
        return new BankReceipt("r-%02d".formatted(s.id()), IBAN, s.amountCents(), "EUR", LocalDate.of(2026, 11, 2),
                s.inRemittance() ? "NOTPROVIDED" : reference, s.inRemittance() ? "SSA " + reference + " Nov" : null);
    }
}
