package org.targetedmoney.bridge.engine;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.targetedmoney.bridge.contribution.AllowanceMode;
import org.targetedmoney.bridge.contribution.ContributionCalendar;
import org.targetedmoney.bridge.contribution.ContributionCodec;
import org.targetedmoney.bridge.contribution.ContributionRejection;
import org.targetedmoney.bridge.contribution.DeclarationOutcome;
import org.targetedmoney.bridge.contribution.FirmDeclaration;
import org.targetedmoney.bridge.contribution.FirmNet;
import org.targetedmoney.bridge.contribution.FirmPayout;
import org.targetedmoney.bridge.contribution.FundPeriod;
import org.targetedmoney.bridge.contribution.FundSettlement;
import org.targetedmoney.bridge.contribution.InterEnterpriseFund;
import org.targetedmoney.bridge.funding.FundingCredit;
import org.targetedmoney.bridge.settlement.BankOutcome;
import org.targetedmoney.bridge.settlement.Check;
import org.targetedmoney.bridge.snapshot.StateReader;
import org.targetedmoney.bridge.snapshot.StateWriter;

/**
 * The inter-enterprise fund (seed 001) inside the engine: one {@link FundPeriod} per month that has declarations
 * and is still open, the settlements of the months closed, and the payout orders they decided.
 *
 * <p><b>Periods.</b> A month's period opens with its first accepted declaration. It closes in the apply of the
 * {@link BridgeInput.LinesRead} whose head time puts the month past the calendar's late window, so every replay of
 * the journal closes it at the same point. Closed periods chain: a period settles with the balance the last
 * closed period carried out. A period opened while its predecessor was still open (during the late window) holds
 * a provisional carry; at close it is opened again with the right one and its declarations in force put again
 * (the settlement does not depend on their order), then closed. Its previews use the latest carry known.
 *
 * <p><b>Payouts.</b> The firms the fund pays ({@link FundSettlement#payouts()}) become payment orders
 * {@code IEF-<period>-<nnnn>} of at most {@link BridgeEngine#MAX_TRANSFERS_PER_ORDER} transfers each, debited from
 * the fund's own account, decided in the apply that closes the period. They are deterministic (ids from the
 * period, time from the ledger head), so the service only has to make sure their files exist, after each commit
 * and at start.
 *
 * <p><b>Dues.</b> What firms with a positive net owe ({@link FundSettlement#fundingCredits()}) is collected by SEPA
 * direct debit: orders {@code IEC-<period>-<nnnn>} (pain.008, the fund's account as creditor), decided in the same
 * apply, for the firms whose declaration carries a mandate; the others are listed {@code NO_MANDATE}.
 *
 * <p><b>Bank outcomes</b> ({@link BridgeInput.FundBankOutcomes}) are matched by end-to-end id. Every payout and due
 * is a {@link FundClaim}; each attempt has its own end-to-end id, in exactly one order. Booked: the payout is paid,
 * or the due collected and credited once to the fund's funding account (a funding account of the waterfall, so it
 * funds providers' batches like any contribution). Refused (pain.002 RJCT) or returned (camt return): the claim is
 * ordered again in a new order of its period (next free sequence, end-to-end id suffixed {@code -r<attempt>}),
 * created at the ledger head time of that apply, up to {@link #MAX_ATTEMPTS} attempts, then ESCALATED. An outcome
 * for an unknown id, a superseded attempt or a settled claim changes nothing and is reported unmatched.
 *
 * <p>A closed period's declarations are dropped (its settlement keeps each firm's net and declaration id): a
 * declaration sent again for it is refused PERIOD_CLOSED, not recognised as a replay. Not thread-safe: owned by
 * {@link BridgeEngine}, which applies inputs on one thread.
 */
public final class InterEnterpriseBook {
    /** Settlements kept: a century of months. */
    public static final int MAX_SETTLED_PERIODS = 1_200;
    /** Payout orders of one period: four digits in the message id. */
    public static final int MAX_ORDERS_PER_PERIOD = 9_999;
    /** The SEPA ceiling of one credit transfer (999 999 999.99 EUR): a larger payout is split into parts. */
    public static final long MAX_TRANSFER_CENTS = 99_999_999_999L;
    /** Refusal code of a declaration sent to a bridge that runs no fund. */
    public static final String NOT_CONFIGURED = "NOT_CONFIGURED";
    static final String ORDER_PREFIX = "IEF-";
    /** Prefix of the direct-debit (collection) orders' message ids. */
    static final String COLLECTION_PREFIX = "IEC-";
    /** Attempts of one payout or due (the first included) before it is escalated to a person. */
    public static final int MAX_ATTEMPTS = 3;
    /** Days between a collection order's creation and its requested collection date (SEPA CORE asks D-1). */
    public static final int COLLECTION_DELAY_DAYS = 2;
    /** Bank messages about the fund remembered, so a message sent twice is refused. */
    public static final int MAX_BANK_MESSAGES = 1_000_000;

    /** A period taking declarations, the carry it was opened with, and each accepted declaration's payee. */
    private record OpenPeriod(FundPeriod period, long carriedInCents, TreeMap<String, FirmPayee> payeeByDeclaration) {}

    /** A closed period: its settlement and the message ids of its payout orders. */
    private record Closed(FundSettlement settlement, List<String> payoutOrderIds) {}

    /**
     * What the API shows of a period.
     *
     * @param settlement   the settlement, or while open a preview of it (allowances and carry provisional)
     * @param closed       whether the period is settled for good
     * @param payoutOrders the orders paying the firms it owes, retries included (empty while open)
     * @param collectionOrders the direct-debit orders collecting what firms owe, retries included
     * @param escalated    the period's payouts and dues waiting for a person
     */
    public record Statement(FundSettlement settlement, boolean closed, List<FundPayoutOrder> payoutOrders,
                            List<FundCollectionOrder> collectionOrders, List<FundClaim> escalated) {
        public Statement {
            Objects.requireNonNull(settlement, "settlement");
            payoutOrders = List.copyOf(payoutOrders);
            collectionOrders = List.copyOf(collectionOrders);
            escalated = List.copyOf(escalated);
        }
    }

    private final InterEnterpriseFund fund;
    private final ContributionCalendar calendar;
    private final TreeMap<YearMonth, OpenPeriod> open = new TreeMap<>();
    private final TreeMap<YearMonth, Closed> settled = new TreeMap<>();
    private final TreeMap<String, FundPayoutOrder> orders = new TreeMap<>();
    /** The balance the last closed period carried out (0 before the first close). */
    private long carriedCents;
    private final TreeMap<String, FundCollectionOrder> collectionOrders = new TreeMap<>();
    /** Every payout and due of a closed period, by reference. */
    private final TreeMap<String, FundClaim> claims = new TreeMap<>();
    /** Every end-to-end id ever ordered (all attempts), to its claim's reference. */
    private final TreeMap<String, String> referenceByEndToEnd = new TreeMap<>();
    /** Last sequence used per message-id prefix and period ("IEF-2026-11", "IEC-2026-11"). */
    private final TreeMap<String, Integer> lastSequence = new TreeMap<>();
    /** Ids of the bank messages about the fund already applied. */
    private final TreeSet<String> bankMessages = new TreeSet<>();

    public InterEnterpriseBook(InterEnterpriseFund fund, ContributionCalendar calendar) {
        this.fund = Objects.requireNonNull(fund, "fund");
        this.calendar = Objects.requireNonNull(calendar, "calendar");
    }

    /**
     * Takes a declaration or correction for its month, opening the month's period if it is the first; {@code
     * headTimestampSeconds} (the ledger's latest block time) says which months are open. A refusal changes nothing.
     */
    Applied declare(BridgeInput.FirmDeclared input, long headTimestampSeconds) {
        FirmDeclaration d = input.declaration();
        YearMonth now = ContributionCalendar.monthOf(headTimestampSeconds);
        OpenPeriod p = open.get(d.period());
        boolean fresh = p == null;
        if (fresh) {
            p = new OpenPeriod(FundPeriod.open(fund, calendar, d.period(), carriedCents), carriedCents, new TreeMap<>());
        }
        DeclarationOutcome outcome = input.correction() ? p.period().correct(d, now) : p.period().declare(d, now);
        return switch (outcome) {
            case DeclarationOutcome.Rejected r -> new Applied.Refused(r.rejection().codeText(), r.rejection().message());
            case DeclarationOutcome.Replayed r -> replayed(p, input);
            case DeclarationOutcome.Accepted a -> taken(p, fresh, input, Applied.Declared.Kind.ACCEPTED);
            case DeclarationOutcome.Corrected c -> taken(p, fresh, input, Applied.Declared.Kind.CORRECTED);
        };
    }

    private Applied replayed(OpenPeriod p, BridgeInput.FirmDeclared input) {
        String id = input.declaration().declarationId();
        if (!input.payee().equals(p.payeeByDeclaration().get(id))) {
            return new Applied.Refused(ContributionRejection.Code.ID_REUSED.name(), "declarationId=\"" + id
                    + "\": already accepted with other bank details");
        }
        return declared(input.declaration(), Applied.Declared.Kind.REPLAYED);
    }

    private Applied taken(OpenPeriod p, boolean fresh, BridgeInput.FirmDeclared input, Applied.Declared.Kind kind) {
        FirmDeclaration d = input.declaration();
        if (fresh) {
            Check.that(!settled.containsKey(d.period()), "fund period %s is not opened again after its close",
                    d.period());
            open.put(d.period(), p);
        }
        p.payeeByDeclaration().put(d.declarationId(), input.payee());
        return declared(d, kind);
    }

    private Applied.Declared declared(FirmDeclaration d, Applied.Declared.Kind kind) {
        OptionalLong allowance = fund.allowanceMode() == AllowanceMode.FIXED
                ? OptionalLong.of(fund.fixedAllowanceCents(d.fteHundredths())) : OptionalLong.empty();
        return new Applied.Declared(d, kind, fund.contributionCents(d.valueAddedCents()), allowance);
    }

    /**
     * Closes, oldest first, every open period the calendar closes at the month of {@code headTimestampSeconds},
     * and decides their payout orders (created at that time).
     *
     * @return the number of periods closed
     */
    int closeUpTo(long headTimestampSeconds) {
        YearMonth now = ContributionCalendar.monthOf(headTimestampSeconds);
        int closed = 0;
        while (!open.isEmpty() && calendar.isClosed(open.firstKey(), now)) {
            close(open.pollFirstEntry().getValue(), headTimestampSeconds);
            closed++;
        }
        return closed;
    }

    private void close(OpenPeriod p, long headTimestampSeconds) {
        Check.that(settled.size() < MAX_SETTLED_PERIODS, "at most %d settled fund periods", MAX_SETTLED_PERIODS);
        FundPeriod period = p.carriedInCents() == carriedCents ? p.period() : withCurrentCarry(p.period());
        FundSettlement s = period.close();
        Check.that(s.carriedInCents() == carriedCents, "period %s settles with carry %d, not %d", s.period(),
                s.carriedInCents(), carriedCents);
        List<String> made = orderPayouts(s.period(), payoutClaims(s, p.payeeByDeclaration()), headTimestampSeconds);
        orderDues(s.period(), dueClaims(s, p.payeeByDeclaration(), headTimestampSeconds), headTimestampSeconds);
        settled.put(s.period(), new Closed(s, made));
        carriedCents = s.carriedOutCents();
    }

    /** A copy of {@code stale} opened with the balance carried now, holding the same declarations in force. */
    private FundPeriod withCurrentCarry(FundPeriod stale) {
        FundPeriod fresh = FundPeriod.open(fund, calendar, stale.period(), carriedCents);
        for (FirmDeclaration d : stale.declarations()) {
            // "now" = the period itself, which the calendar always has open.
            DeclarationOutcome o = fresh.declare(d, stale.period());
            Check.that(o instanceof DeclarationOutcome.Accepted, "declaration %s accepted again in %s: %s",
                    d.declarationId(), stale.period(), o);
        }
        return fresh;
    }

    /** One claim per firm the fund pays (parts above the SEPA ceiling), first attempt, end-to-end id = reference. */
    private static List<FundClaim> payoutClaims(FundSettlement s, Map<String, FirmPayee> payeeByDeclaration) {
        TreeMap<String, FirmNet> paid = new TreeMap<>();
        s.firms().stream().filter(f -> f.netCents() < 0).forEach(f -> paid.put(f.firmId(), f));
        List<FundClaim> out = new ArrayList<>();
        for (FirmPayout payout : s.payouts()) {
            FirmNet net = paid.get(payout.firmId());
            FirmPayee payee = payeeByDeclaration.get(net.declarationId());
            Check.that(payee != null, "declaration %s in force has bank details", net.declarationId());
            String text = "Inter-enterprise fund " + payout.period() + " SIREN " + payout.firmId() + ": allowance "
                    + euros(net.allowanceCents()) + " - contribution " + euros(net.contributionCents()) + " EUR";
            addParts(out, FundClaim.Flow.PAYOUT, s.period(), net.firmId(), payout.reference(), payout.amountCents(),
                    payee, text, "");
        }
        return out;
    }

    /**
     * One claim per firm that owes (parts above the SEPA ceiling): to collect if its declaration carries a mandate
     * signed by the collection date, else NO_MANDATE.
     */
    private static List<FundClaim> dueClaims(FundSettlement s, Map<String, FirmPayee> payeeByDeclaration,
                                             long createdAtSeconds) {
        List<FirmNet> owing = s.firms().stream().filter(f -> f.netCents() > 0).toList();
        List<FundingCredit> credits = s.fundingCredits();
        Check.that(owing.size() == credits.size(), "one funding credit per firm that owes in %s", s.period());
        LocalDate collection = dayOf(createdAtSeconds).plusDays(COLLECTION_DELAY_DAYS);
        List<FundClaim> out = new ArrayList<>();
        for (int i = 0; i < owing.size(); i++) {
            FirmNet net = owing.get(i);
            FundingCredit credit = credits.get(i);
            Check.that(credit.reference().equals(FirmPayout.referenceOf(s.period(), net.firmId()))
                    && credit.amountCents() == net.netCents(), "funding credit %s is firm %s's net",
                    credit.reference(), net.firmId());
            FirmPayee payee = payeeByDeclaration.get(net.declarationId());
            Check.that(payee != null, "declaration %s in force has bank details", net.declarationId());
            String reason = payee.mandate().isEmpty() ? "NO_MANDATE"
                    : payee.mandate().get().signedOn().isAfter(collection) ? "MANDATE_SIGNED_AFTER_COLLECTION" : "";
            String text = "Inter-enterprise fund " + s.period() + " SIREN " + net.firmId() + ": contribution "
                    + euros(net.contributionCents()) + " - allowance " + euros(net.allowanceCents()) + " EUR";
            addParts(out, FundClaim.Flow.DUE, s.period(), net.firmId(), credit.reference(), credit.amountCents(),
                    payee, text, reason);
        }
        return out;
    }

    /**
     * Claims of at most {@link #MAX_TRANSFER_CENTS} (references suffixed {@code -1}, {@code -2}...): ready to order
     * (attempt 1, end-to-end id = reference) when {@code notOrderedReason} is empty, else NO_MANDATE.
     */
    private static void addParts(List<FundClaim> out, FundClaim.Flow flow, YearMonth period, String firmId,
                                 String reference, long amountCents, FirmPayee payee, String text,
                                 String notOrderedReason) {
        long parts = (amountCents - 1) / MAX_TRANSFER_CENTS + 1;
        long left = amountCents;
        for (long i = 1; i <= parts; i++) {
            long amount = Math.min(left, MAX_TRANSFER_CENTS);
            left -= amount;
            String ref = parts == 1 ? reference : reference + "-" + i;
            String remittance = text + (parts == 1 ? "" : " part " + i + "/" + parts);
            boolean ordered = notOrderedReason.isEmpty();
            out.add(new FundClaim(ref, flow, period, firmId, amount, payee, remittance,
                    ordered ? FundClaim.Status.ORDERED : FundClaim.Status.NO_MANDATE, ordered ? 1 : 0,
                    ordered ? ref : "", "", notOrderedReason));
        }
        Check.that(left == 0, "amount of %s split without remainder", firmId);
    }

    /**
     * Puts payout claims (their attempt and end-to-end id set) into new orders of {@code period}, at most
     * {@link BridgeEngine#MAX_TRANSFERS_PER_ORDER} each, executed the day after {@code createdAtSeconds}.
     *
     * @return the new orders' message ids
     */
    private List<String> orderPayouts(YearMonth period, List<FundClaim> toOrder, long createdAtSeconds) {
        LocalDate execution = dayOf(createdAtSeconds).plusDays(1);
        List<String> ids = new ArrayList<>();
        for (int from = 0; from < toOrder.size(); from += BridgeEngine.MAX_TRANSFERS_PER_ORDER) {
            List<FundClaim> chunk = toOrder.subList(from,
                    Math.min(toOrder.size(), from + BridgeEngine.MAX_TRANSFERS_PER_ORDER));
            String id = nextMessageId(ORDER_PREFIX, period);
            List<FundPayoutOrder.Item> items = chunk.stream().map(c -> new FundPayoutOrder.Item(c.firmId(),
                    c.endToEndId(), c.amountCents(), c.payee(), c.remittance())).toList();
            long total = items.stream().mapToLong(FundPayoutOrder.Item::amountCents).reduce(0, Math::addExact);
            Check.that(orders.put(id, new FundPayoutOrder(id, period, createdAtSeconds, execution, items, total))
                    == null, "order %s is made once", id);
            chunk.forEach(c -> register(c, id));
            ids.add(id);
        }
        return ids;
    }

    /** As {@link #orderPayouts}, for dues to collect (collection {@link #COLLECTION_DELAY_DAYS} days later). */
    private List<String> orderDues(YearMonth period, List<FundClaim> dues, long createdAtSeconds) {
        List<FundClaim> toOrder = new ArrayList<>();
        for (FundClaim c : dues) {
            if (c.status() == FundClaim.Status.ORDERED) {
                toOrder.add(c);
            } else {
                Check.that(claims.put(c.reference(), c) == null, "claim %s is made once", c.reference());
            }
        }
        LocalDate collection = dayOf(createdAtSeconds).plusDays(COLLECTION_DELAY_DAYS);
        List<String> ids = new ArrayList<>();
        for (int from = 0; from < toOrder.size(); from += BridgeEngine.MAX_TRANSFERS_PER_ORDER) {
            List<FundClaim> chunk = toOrder.subList(from,
                    Math.min(toOrder.size(), from + BridgeEngine.MAX_TRANSFERS_PER_ORDER));
            String id = nextMessageId(COLLECTION_PREFIX, period);
            List<FundCollectionOrder.Item> items = chunk.stream().map(c -> new FundCollectionOrder.Item(c.firmId(),
                    c.endToEndId(), c.amountCents(), c.payee(), c.remittance())).toList();
            long total = items.stream().mapToLong(FundCollectionOrder.Item::amountCents).reduce(0, Math::addExact);
            Check.that(collectionOrders.put(id, new FundCollectionOrder(id, period, createdAtSeconds, collection,
                    items, total)) == null, "order %s is made once", id);
            chunk.forEach(c -> register(c, id));
            ids.add(id);
        }
        return ids;
    }

    /** Records a claim's attempt as ordered in {@code orderId}: its end-to-end id is in that order only. */
    private void register(FundClaim c, String orderId) {
        FundClaim ordered = c.ordered(c.attempt(), c.endToEndId(), orderId, c.lastReason());
        claims.put(ordered.reference(), ordered);
        Check.that(referenceByEndToEnd.put(ordered.endToEndId(), ordered.reference()) == null,
                "end-to-end id %s is in one order only", ordered.endToEndId());
    }

    private String nextMessageId(String prefix, YearMonth period) {
        int next = lastSequence.merge(prefix + period, 1, Integer::sum);
        Check.that(next <= MAX_ORDERS_PER_PERIOD, "at most %d %s orders per period", MAX_ORDERS_PER_PERIOD, prefix);
        return String.format("%s%s-%04d", prefix, period, next);
    }

    static String messageId(YearMonth period, int sequence) {
        return String.format("%s%s-%04d", ORDER_PREFIX, period, sequence);
    }

    private static LocalDate dayOf(long epochSeconds) {
        return Instant.ofEpochSecond(epochSeconds).atOffset(ZoneOffset.UTC).toLocalDate();
    }

    // ---- bank outcomes ----

    /** Whether a bank message with this id was already applied to the fund. */
    boolean knowsBankMessage(String messageId) {
        return bankMessages.contains(messageId);
    }

    /**
     * Applies what the bank said (see the class comment). A collected due is the fund's money, on the fund's own
     * account, for the firms it pays: never a credit of the providers' waterfall. Retry orders are created at
     * {@code headTimestampSeconds}.
     */
    FundReconciliation reconcile(BridgeInput.FundBankOutcomes in, long headTimestampSeconds) {
        Check.that(bankMessages.size() < MAX_BANK_MESSAGES, "at most %d fund bank messages", MAX_BANK_MESSAGES);
        Check.that(bankMessages.add(in.messageId()), "fund bank message %s is applied once", in.messageId());
        Set<String> returnedHere = new TreeSet<>();
        in.outcomes().stream().filter(o -> o instanceof BankOutcome.Returned).forEach(o -> returnedHere.add(o.endToEndId()));
        Tally t = new Tally();
        for (BankOutcome o : in.outcomes()) {
            String ref = referenceByEndToEnd.get(o.endToEndId());
            if (ref == null) {
                t.unmatched(o, "UNKNOWN_END_TO_END_ID", "no fund payout or direct debit has this end-to-end id");
                continue;
            }
            FundClaim c = claims.get(ref);
            if (!c.endToEndId().equals(o.endToEndId())) {
                t.unmatched(o, "SUPERSEDED_ATTEMPT", "attempt of " + ref + " replaced by " + c.endToEndId());
                continue;
            }
            switch (o) {
                case BankOutcome.Booked b -> booked(c, b, returnedHere.contains(b.endToEndId()), t);
                case BankOutcome.Rejected r -> failed(c, o, "RJCT " + r.reasonCode(), t);
                case BankOutcome.Returned r -> returned(c, r, t);
            }
        }
        List<String> made = new ArrayList<>();
        t.payoutRetries.forEach((period, list) -> made.addAll(orderPayouts(period, list, headTimestampSeconds)));
        t.dueRetries.forEach((period, list) -> made.addAll(orderDues(period, list, headTimestampSeconds)));
        return new FundReconciliation(in.messageId(), t.paid, t.collected, t.creditedCents, t.retried, t.escalated,
                made, t.unmatched);
    }

    /** What one message did, gathered while its outcomes are applied. */
    private static final class Tally {
        int paid;
        int collected;
        long creditedCents;
        int retried;
        int escalated;
        final List<FundReconciliation.Unmatched> unmatched = new ArrayList<>();
        final TreeMap<YearMonth, List<FundClaim>> payoutRetries = new TreeMap<>();
        final TreeMap<YearMonth, List<FundClaim>> dueRetries = new TreeMap<>();

        void unmatched(BankOutcome o, String code, String detail) {
            unmatched.add(new FundReconciliation.Unmatched(o.endToEndId(), code, detail));
        }
    }

    private void booked(FundClaim c, BankOutcome.Booked b, boolean returnedInSameMessage, Tally t) {
        if (c.status() != FundClaim.Status.ORDERED) {
            t.unmatched(b, c.status() == FundClaim.Status.ESCALATED ? "ESCALATED" : "ALREADY_SETTLED",
                    c.reference() + " is " + c.status().code());
            return;
        }
        if (b.amountCents() != c.amountCents()) {
            t.unmatched(b, "AMOUNT_MISMATCH", "booked " + b.amountCents() + " cents, ordered " + c.amountCents());
            return;
        }
        if (c.flow() == FundClaim.Flow.PAYOUT) {
            claims.put(c.reference(), c.with(FundClaim.Status.PAID, ""));
            t.paid++;
        } else if (returnedInSameMessage) {
            return; // collected then given back in one message: its return below decides, nothing is collected
        } else {
            claims.put(c.reference(), c.with(FundClaim.Status.COLLECTED, ""));
            t.collected++;
            t.creditedCents = Math.addExact(t.creditedCents, c.amountCents());
        }
    }

    private void returned(FundClaim c, BankOutcome.Returned r, Tally t) {
        if (c.status() == FundClaim.Status.PAID || c.status() == FundClaim.Status.COLLECTED) {
            // The money went back: the firm is owed again (payout), or owes again (due; the fund's money never
            // left its own account, so nothing else has to be undone).
            c = c.with(FundClaim.Status.ORDERED, c.lastReason());
        }
        failed(c, r, "RETURNED " + r.reasonCode(), t);
    }

    /** A refused or returned attempt: ordered again with a new end-to-end id, or escalated after the last one. */
    private void failed(FundClaim c, BankOutcome o, String reason, Tally t) {
        if (c.status() != FundClaim.Status.ORDERED) {
            t.unmatched(o, c.status() == FundClaim.Status.ESCALATED ? "ESCALATED" : "ALREADY_SETTLED",
                    c.reference() + " is " + c.status().code());
            return;
        }
        if (c.attempt() >= MAX_ATTEMPTS) {
            claims.put(c.reference(), c.with(FundClaim.Status.ESCALATED, reason + " after " + c.attempt()
                    + " attempts"));
            t.escalated++;
            return;
        }
        int next = c.attempt() + 1;
        FundClaim retry = c.ordered(next, c.reference() + "-r" + next, "", reason);
        claims.put(c.reference(), retry); // its order is made once every outcome of the message is applied
        (c.flow() == FundClaim.Flow.PAYOUT ? t.payoutRetries : t.dueRetries)
                .computeIfAbsent(c.period(), p -> new ArrayList<>()).add(retry);
        t.retried++;
    }

    private static String euros(long cents) {
        return cents / 100 + "." + String.format("%02d", cents % 100);
    }

    // ---- snapshot ----

    /**
     * Writes the book's state for an engine snapshot: the open periods (each with the carry it was opened with and
     * the bank details of its declarations), the closed ones with the ids of their first payout orders, every
     * payout and collection order (retries included), every claim, the end-to-end ids ordered, the last sequence
     * per order prefix and period, the fund's bank messages applied, and the carry. The fund and the calendar are
     * configuration.
     */
    void writeState(StateWriter out) {
        out.section("inter-enterprise").longValue(carriedCents).count(open.size());
        open.forEach((month, p) -> {
            p.period().writeState(out);
            out.longValue(p.carriedInCents()).count(p.payeeByDeclaration().size());
            p.payeeByDeclaration().forEach((id, payee) -> {
                out.string(id);
                EngineCodec.writeFirmPayee(out, payee);
            });
        });
        out.count(settled.size());
        settled.forEach((month, c) -> {
            ContributionCodec.writeSettlement(out, c.settlement());
            out.count(c.payoutOrderIds());
            c.payoutOrderIds().forEach(out::string);
        });
        out.count(orders.size());
        orders.values().forEach(o -> EngineCodec.writeFundOrder(out, o));
        out.count(collectionOrders.size());
        collectionOrders.values().forEach(o -> EngineCodec.writeCollectionOrder(out, o));
        out.count(claims.size());
        claims.values().forEach(c -> EngineCodec.writeClaim(out, c));
        out.count(referenceByEndToEnd.size());
        referenceByEndToEnd.forEach((endToEnd, reference) -> out.string(endToEnd).string(reference));
        out.count(lastSequence.size());
        lastSequence.forEach((key, sequence) -> out.string(key).intValue(sequence));
        out.count(bankMessages);
        bankMessages.forEach(out::string);
    }

    /** Reads what {@link #writeState} wrote into this book, which must be new. */
    void readState(StateReader in) {
        Check.that(open.isEmpty() && settled.isEmpty() && carriedCents == 0 && claims.isEmpty(),
                "a snapshot is read into a new book");
        in.section("inter-enterprise");
        carriedCents = in.longValue();
        readOpen(in);
        int closed = in.count(MAX_SETTLED_PERIODS, 16, "settled fund periods");
        for (int i = 0; i < closed; i++) {
            FundSettlement s = ContributionCodec.readSettlement(in);
            int n = in.count(MAX_ORDERS_PER_PERIOD, 4, "payout orders");
            List<String> ids = new ArrayList<>(n);
            for (int k = 0; k < n; k++) {
                ids.add(in.string(ContributionCodec.MAX_TEXT_BYTES));
            }
            Check.that(settled.put(s.period(), new Closed(s, List.copyOf(ids))) == null && !open.containsKey(s.period()),
                    "fund period %s is settled once and not open", s.period());
        }
        readOrders(in);
        int n = in.count(Integer.MAX_VALUE, 40, "fund claims");
        for (int i = 0; i < n; i++) {
            FundClaim c = EngineCodec.readClaim(in);
            Check.that(settled.containsKey(c.period()) && claims.put(c.reference(), c) == null,
                    "claim %s is of a settled period and stored once", c.reference());
        }
        n = in.count(Integer.MAX_VALUE, 8, "ordered end-to-end ids");
        for (int i = 0; i < n; i++) {
            String endToEnd = in.string(ContributionCodec.MAX_TEXT_BYTES);
            String reference = in.string(ContributionCodec.MAX_TEXT_BYTES);
            Check.that(claims.containsKey(reference) && referenceByEndToEnd.put(endToEnd, reference) == null,
                    "end-to-end id %s is of a known claim and stored once", endToEnd);
        }
        n = in.count(Integer.MAX_VALUE, 8, "order sequences");
        for (int i = 0; i < n; i++) {
            lastSequence.put(in.string(ContributionCodec.MAX_TEXT_BYTES),
                    in.intValue(1, MAX_ORDERS_PER_PERIOD, "order sequence"));
        }
        n = in.count(MAX_BANK_MESSAGES, 4, "fund bank messages");
        for (int i = 0; i < n; i++) {
            Check.that(bankMessages.add(in.string(ContributionCodec.MAX_TEXT_BYTES)),
                    "fund bank messages are stored once");
        }
        Check.that(claims.values().stream().allMatch(c -> c.endToEndId().isEmpty()
                        || c.reference().equals(referenceByEndToEnd.get(c.endToEndId()))),
                "every ordered claim's attempt is indexed by its end-to-end id");
    }

    private void readOpen(StateReader in) {
        int opened = in.count(MAX_SETTLED_PERIODS, 16, "open fund periods");
        for (int i = 0; i < opened; i++) {
            FundPeriod period = FundPeriod.readState(fund, calendar, in);
            long carriedIn = in.longValue();
            TreeMap<String, FirmPayee> payees = new TreeMap<>();
            int n = in.count(FundPeriod.MAX_DECLARATIONS, 16, "declarations' bank details");
            for (int k = 0; k < n; k++) {
                payees.put(in.string(ContributionCodec.MAX_TEXT_BYTES), EngineCodec.readFirmPayee(in));
            }
            Check.that(!period.isClosed() && period.preview().carriedInCents() == carriedIn
                    && payees.keySet().containsAll(period.declarations().stream().map(d -> d.declarationId()).toList())
                    && open.put(period.period(), new OpenPeriod(period, carriedIn, payees)) == null,
                    "open fund period %s is open, opened with its carry, has its payees, and is stored once",
                    period.period());
        }
    }

    /** Payout orders (first ones and retries), then collection orders: each of a settled period, stored once. */
    private void readOrders(StateReader in) {
        int n = in.count(Integer.MAX_VALUE, 40, "fund payout orders");
        for (int i = 0; i < n; i++) {
            FundPayoutOrder o = EngineCodec.readFundOrder(in);
            Check.that(settled.containsKey(o.period()) && o.messageId().startsWith(ORDER_PREFIX + o.period() + "-")
                    && orders.put(o.messageId(), o) == null, "payout order %s is of settled period %s and stored once",
                    o.messageId(), o.period());
        }
        Check.that(settled.values().stream().allMatch(c -> orders.keySet().containsAll(c.payoutOrderIds())),
                "every closed period's payout orders are stored");
        n = in.count(Integer.MAX_VALUE, 40, "fund collection orders");
        for (int i = 0; i < n; i++) {
            FundCollectionOrder o = EngineCodec.readCollectionOrder(in);
            Check.that(settled.containsKey(o.period())
                    && o.messageId().startsWith(COLLECTION_PREFIX + o.period() + "-")
                    && collectionOrders.put(o.messageId(), o) == null,
                    "collection order %s is of settled period %s and stored once", o.messageId(), o.period());
        }
    }

    // ---- reads ----

    /** The period's settlement (closed) or preview (open), with its payout orders; empty if it has no declaration. */
    public Optional<Statement> statement(YearMonth period) {
        Closed c = settled.get(period);
        if (c != null) {
            String suffix = period + "-";
            return Optional.of(new Statement(c.settlement(), true, byPrefix(orders, ORDER_PREFIX + suffix),
                    byPrefix(collectionOrders, COLLECTION_PREFIX + suffix), claimsOf(period).stream()
                    .filter(x -> x.status() == FundClaim.Status.ESCALATED).toList()));
        }
        OpenPeriod p = open.get(period);
        if (p == null) {
            return Optional.empty();
        }
        FundPeriod current = p.carriedInCents() == carriedCents ? p.period() : withCurrentCarry(p.period());
        return Optional.of(new Statement(current.preview(), false, List.of(), List.of(), List.of()));
    }

    private static <T> List<T> byPrefix(TreeMap<String, T> map, String prefix) {
        return List.copyOf(map.subMap(prefix, prefix + Character.MAX_VALUE).values());
    }

    /** The payouts and dues of a closed period, by reference (so by firm). */
    public List<FundClaim> claimsOf(YearMonth period) {
        return byPrefix(claims, FirmPayout.referenceOf(period, ""));
    }

    /** A firm's payouts or dues (parts) for a closed period; empty if it neither pays nor is paid. */
    public List<FundClaim> claimsOf(YearMonth period, String firmId) {
        return byPrefix(claims, FirmPayout.referenceOf(period, firmId));
    }

    /** Every payout and due waiting for a person, by reference. */
    public List<FundClaim> escalated() {
        return claims.values().stream().filter(c -> c.status() == FundClaim.Status.ESCALATED).toList();
    }

    /** Every direct-debit order decided, by message id (so by period). */
    public List<FundCollectionOrder> collectionOrders() {
        return List.copyOf(collectionOrders.values());
    }

    public Optional<FundCollectionOrder> collectionOrder(String messageId) {
        return Optional.ofNullable(collectionOrders.get(messageId));
    }

    /** The end-to-end ids of the fund order (payout or collection) with this message id, if the fund made it. */
    public Optional<List<String>> endToEndIdsOf(String messageId) {
        FundPayoutOrder p = orders.get(messageId);
        if (p != null) {
            return Optional.of(p.items().stream().map(FundPayoutOrder.Item::endToEndId).toList());
        }
        return Optional.ofNullable(collectionOrders.get(messageId))
                .map(o -> o.items().stream().map(FundCollectionOrder.Item::endToEndId).toList());
    }

    /** Months with declarations still open, oldest first. */
    public List<YearMonth> openPeriods() {
        return List.copyOf(open.keySet());
    }

    /** Months settled, oldest first. */
    public List<YearMonth> settledPeriods() {
        return List.copyOf(settled.keySet());
    }

    /** Every payout order decided, by message id (so by period). */
    public List<FundPayoutOrder> orders() {
        return List.copyOf(orders.values());
    }

    public Optional<FundPayoutOrder> order(String messageId) {
        return Optional.ofNullable(orders.get(messageId));
    }

    /** The balance the last closed period carried out: what the next period to close carries in. */
    public long carriedCents() {
        return carriedCents;
    }

    public InterEnterpriseFund fund() {
        return fund;
    }

    public ContributionCalendar calendar() {
        return calendar;
    }
}
