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
import java.util.TreeMap;
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
 * and at start. Dues (firms with a positive net) are listed in the settlement, not collected here.
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

    /** A period taking declarations, the carry it was opened with, and each accepted declaration's payee. */
    private record OpenPeriod(FundPeriod period, long carriedInCents, TreeMap<String, FirmPayee> payeeByDeclaration) {}

    /** A closed period: its settlement and the message ids of its payout orders. */
    private record Closed(FundSettlement settlement, List<String> payoutOrderIds) {}

    /**
     * What the API shows of a period.
     *
     * @param settlement   the settlement, or while open a preview of it (allowances and carry provisional)
     * @param closed       whether the period is settled for good
     * @param payoutOrders the orders paying the firms it owes (empty while open)
     */
    public record Statement(FundSettlement settlement, boolean closed, List<FundPayoutOrder> payoutOrders) {
        public Statement {
            Objects.requireNonNull(settlement, "settlement");
            payoutOrders = List.copyOf(payoutOrders);
        }
    }

    private final InterEnterpriseFund fund;
    private final ContributionCalendar calendar;
    private final TreeMap<YearMonth, OpenPeriod> open = new TreeMap<>();
    private final TreeMap<YearMonth, Closed> settled = new TreeMap<>();
    private final TreeMap<String, FundPayoutOrder> orders = new TreeMap<>();
    /** The balance the last closed period carried out (0 before the first close). */
    private long carriedCents;

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
        List<FundPayoutOrder> made = payoutOrders(s, p.payeeByDeclaration(), headTimestampSeconds);
        made.forEach(o -> Check.that(orders.put(o.messageId(), o) == null, "order %s is made once", o.messageId()));
        settled.put(s.period(), new Closed(s, made.stream().map(FundPayoutOrder::messageId).toList()));
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

    private static List<FundPayoutOrder> payoutOrders(FundSettlement s, Map<String, FirmPayee> payeeByDeclaration,
                                                      long createdAtSeconds) {
        TreeMap<String, FirmNet> paid = new TreeMap<>();
        s.firms().stream().filter(f -> f.netCents() < 0).forEach(f -> paid.put(f.firmId(), f));
        List<FundPayoutOrder.Item> items = new ArrayList<>();
        for (FirmPayout payout : s.payouts()) {
            FirmNet net = paid.get(payout.firmId());
            FirmPayee payee = payeeByDeclaration.get(net.declarationId());
            Check.that(payee != null, "declaration %s in force has bank details", net.declarationId());
            addTransfers(items, payout, net, payee);
        }
        LocalDate execution = Instant.ofEpochSecond(createdAtSeconds).atOffset(ZoneOffset.UTC).toLocalDate()
                .plusDays(1);
        List<FundPayoutOrder> out = new ArrayList<>();
        for (int from = 0; from < items.size(); from += BridgeEngine.MAX_TRANSFERS_PER_ORDER) {
            List<FundPayoutOrder.Item> chunk = items.subList(from,
                    Math.min(items.size(), from + BridgeEngine.MAX_TRANSFERS_PER_ORDER));
            long total = chunk.stream().mapToLong(FundPayoutOrder.Item::amountCents).reduce(0, Math::addExact);
            out.add(new FundPayoutOrder(messageId(s.period(), out.size() + 1), s.period(), createdAtSeconds,
                    execution, chunk, total));
        }
        Check.that(out.size() <= MAX_ORDERS_PER_PERIOD, "at most %d payout orders per period", MAX_ORDERS_PER_PERIOD);
        return out;
    }

    /** One transfer, or parts of at most {@link #MAX_TRANSFER_CENTS} (references suffixed {@code -1}, {@code -2}...). */
    private static void addTransfers(List<FundPayoutOrder.Item> items, FirmPayout payout, FirmNet net,
                                     FirmPayee payee) {
        long parts = (payout.amountCents() - 1) / MAX_TRANSFER_CENTS + 1;
        long left = payout.amountCents();
        for (long i = 1; i <= parts; i++) {
            long amount = Math.min(left, MAX_TRANSFER_CENTS);
            left -= amount;
            String endToEndId = parts == 1 ? payout.reference() : payout.reference() + "-" + i;
            String remittance = "Inter-enterprise fund " + payout.period() + " SIREN " + payout.firmId()
                    + ": allowance " + euros(net.allowanceCents()) + " - contribution "
                    + euros(net.contributionCents()) + " EUR" + (parts == 1 ? "" : " part " + i + "/" + parts);
            items.add(new FundPayoutOrder.Item(payout.firmId(), endToEndId, amount, payee, remittance));
        }
        Check.that(left == 0, "payout of %s split without remainder", payout.firmId());
    }

    static String messageId(YearMonth period, int sequence) {
        return String.format("%s%s-%04d", ORDER_PREFIX, period, sequence);
    }

    private static String euros(long cents) {
        return cents / 100 + "." + String.format("%02d", cents % 100);
    }

    // ---- snapshot ----

    /**
     * Writes the book's state for an engine snapshot: the open periods (each with the carry it opened with and
     * the bank details of its declarations), the closed ones with their payout orders, and the carry. The orders
     * by id are derived from the closed periods; the fund and the calendar are configuration.
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
            c.payoutOrderIds().forEach(id -> EngineCodec.writeFundOrder(out, orders.get(id)));
        });
    }

    /** Reads what {@link #writeState} wrote into this book, which must be new. */
    void readState(StateReader in) {
        Check.that(open.isEmpty() && settled.isEmpty() && carriedCents == 0, "a snapshot is read into a new book");
        in.section("inter-enterprise");
        carriedCents = in.longValue();
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
        int closed = in.count(MAX_SETTLED_PERIODS, 16, "settled fund periods");
        for (int i = 0; i < closed; i++) {
            FundSettlement s = ContributionCodec.readSettlement(in);
            int n = in.count(MAX_ORDERS_PER_PERIOD, 16, "payout orders");
            List<String> ids = new ArrayList<>(n);
            for (int k = 0; k < n; k++) {
                FundPayoutOrder o = EngineCodec.readFundOrder(in);
                Check.that(o.period().equals(s.period()) && orders.put(o.messageId(), o) == null,
                        "payout order %s is of period %s and stored once", o.messageId(), s.period());
                ids.add(o.messageId());
            }
            Check.that(settled.put(s.period(), new Closed(s, List.copyOf(ids))) == null && !open.containsKey(s.period()),
                    "fund period %s is settled once and not open", s.period());
        }
    }

    // ---- reads ----

    /** The period's settlement (closed) or preview (open), with its payout orders; empty if it has no declaration. */
    public Optional<Statement> statement(YearMonth period) {
        Closed c = settled.get(period);
        if (c != null) {
            return Optional.of(new Statement(c.settlement(), true, c.payoutOrderIds().stream().map(orders::get).toList()));
        }
        OpenPeriod p = open.get(period);
        if (p == null) {
            return Optional.empty();
        }
        FundPeriod current = p.carriedInCents() == carriedCents ? p.period() : withCurrentCarry(p.period());
        return Optional.of(new Statement(current.preview(), false, List.of()));
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
