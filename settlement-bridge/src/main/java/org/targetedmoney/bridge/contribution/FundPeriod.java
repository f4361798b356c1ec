package org.targetedmoney.bridge.contribution;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.targetedmoney.bridge.contribution.ContributionRejection.Code;
import org.targetedmoney.bridge.snapshot.StateReader;
import org.targetedmoney.bridge.snapshot.StateWriter;

/**
 * One month of the inter-enterprise fund, open for declarations until it is {@link #close() closed}.
 *
 * <p>Each firm (SIREN) has at most one declaration in force. {@link #declare} accepts a firm's first declaration
 * and refuses a second one under another id (DUPLICATE_DECLARATION); {@link #correct} replaces the one in force
 * (NOTHING_TO_CORRECT if there is none). A declaration whose id was already accepted is a replay if it is the very
 * same (id and content: nothing changes, even after close, even if it was since corrected) and ID_REUSED otherwise.
 * Declarations for a period the calendar has closed, or once this period is closed, are refused (PERIOD_CLOSED);
 * for a period beyond the calendar's horizon, PERIOD_NOT_OPEN; for another open period, WRONG_PERIOD.
 *
 * <p>Worked example, EQUAL_SHARE at 25 % (2 500 basis points), nothing carried in:
 * <pre>
 * firm  value added     FTE    contribution  allowance     net
 * A     100 000.00 EUR  10.00  25 000.00     17 140.00     7 860.00  pays the fund
 * B      20 000.00 EUR   5.00   5 000.00      8 570.00    -3 570.00  paid by the fund
 * C      -5 000.00 EUR   2.50       0.00      4 285.00    -4 285.00  paid by the fund (a loss owes nothing)
 * total                 17.50  30 000.00     29 995.00  carried out: 5.00
 * </pre>
 * The equal share is floor(3 000 000 cents / 1 750 hundredths of FTE) = 1 714 cents per hundredth (17 140 EUR
 * per FTE); the 500 cents left over are carried to the next period. With FIXED at 1 500 EUR per FTE the
 * allowances would be 15 000, 7 500 and 3 750 EUR, and the fund would carry out a surplus of 3 750 EUR.
 *
 * <p>The order of declarations does not change the settlement. Not thread-safe: one owner (the service's
 * verticle) drives it. Every running total is checked against {@link #MAX_PERIOD_TOTAL_CENTS} as declarations come,
 * so closing cannot overflow.
 */
public final class FundPeriod {
    /** Declaration ids kept per period, corrections included (France counts about 4.5 million firms). */
    public static final int MAX_DECLARATIONS = 12_000_000;
    /** Ceiling of every period total (contributions + carried in, allowances): 10^16 cents = 100 000 bn EUR. */
    public static final long MAX_PERIOD_TOTAL_CENTS = 10_000_000_000_000_000L;

    /** A declaration in force and what it owes. */
    private record Entry(FirmDeclaration declaration, long contributionCents, long fixedAllowanceCents) {}

    private final InterEnterpriseFund fund;
    private final ContributionCalendar calendar;
    private final YearMonth period;
    private final long carriedInCents;
    private final TreeMap<String, Entry> inForce = new TreeMap<>();
    private final Map<String, FirmDeclaration> acceptedById = new HashMap<>();
    private long poolCents;
    private long fteHundredths;
    private long fixedAllowancesCents;
    private FundSettlement settlement;

    private FundPeriod(InterEnterpriseFund fund, ContributionCalendar calendar, YearMonth period, long carriedInCents) {
        this.fund = Objects.requireNonNull(fund, "fund");
        this.calendar = Objects.requireNonNull(calendar, "calendar");
        this.period = Objects.requireNonNull(period, "period");
        if (carriedInCents > MAX_PERIOD_TOTAL_CENTS || carriedInCents < -MAX_PERIOD_TOTAL_CENTS) {
            throw new IllegalArgumentException("carriedInCents beyond +/-" + MAX_PERIOD_TOTAL_CENTS + ": " + carriedInCents);
        }
        this.carriedInCents = carriedInCents;
        this.poolCents = carriedInCents;
    }

    /**
     * Opens {@code period} with the fund's balance carried from the previous period (the previous settlement's
     * {@link FundSettlement#carriedOutCents()}, 0 for the first period).
     */
    public static FundPeriod open(InterEnterpriseFund fund, ContributionCalendar calendar, YearMonth period,
                                  long carriedInCents) {
        return new FundPeriod(fund, calendar, period, carriedInCents);
    }

    public YearMonth period() {
        return period;
    }

    public boolean isClosed() {
        return settlement != null;
    }

    /** A firm's first declaration for this period; {@code now} is the month of the ledger's latest block. */
    public DeclarationOutcome declare(FirmDeclaration d, YearMonth now) {
        return submit(d, now, false);
    }

    /** A correction: replaces the firm's declaration in force for this period. */
    public DeclarationOutcome correct(FirmDeclaration d, YearMonth now) {
        return submit(d, now, true);
    }

    /** The firm's declaration in force, if any. */
    public Optional<FirmDeclaration> declarationOf(String firmId) {
        return Optional.ofNullable(inForce.get(firmId)).map(Entry::declaration);
    }

    /** The declarations in force, by firm id. */
    public List<FirmDeclaration> declarations() {
        return inForce.values().stream().map(Entry::declaration).toList();
    }

    /** What {@link #close()} would settle now, without closing. */
    public FundSettlement preview() {
        return settlement != null ? settlement : settle();
    }

    /**
     * Settles the period: no declaration or correction is accepted afterwards (replays still are recognised).
     * Closing again returns the same settlement.
     */
    public FundSettlement close() {
        if (settlement == null) {
            settlement = settle();
        }
        return settlement;
    }

    private DeclarationOutcome submit(FirmDeclaration d, YearMonth now, boolean correction) {
        Objects.requireNonNull(d, "declaration");
        Objects.requireNonNull(now, "now");
        FirmDeclaration sameId = acceptedById.get(d.declarationId());
        if (sameId != null) {
            return sameId.equals(d) ? new DeclarationOutcome.Replayed(sameId)
                    : rejected(Code.ID_REUSED, "declarationId", d.declarationId(),
                    "already used for another declaration (firm " + sameId.firmId() + ", period " + sameId.period() + ")");
        }
        Optional<ContributionRejection> refused = d.validate().or(() -> calendar.check("period", d.period(), now));
        if (refused.isPresent()) {
            return new DeclarationOutcome.Rejected(refused.get());
        }
        if (!d.period().equals(period)) {
            return rejected(Code.WRONG_PERIOD, "period", d.period(), "this fund period is " + period);
        }
        if (settlement != null) {
            return rejected(Code.PERIOD_CLOSED, "period", d.period(), "the fund period is already settled");
        }
        Entry current = inForce.get(d.firmId());
        if (correction && current == null) {
            return rejected(Code.NOTHING_TO_CORRECT, "firmId", d.firmId(), "no declaration for " + period + " to correct");
        }
        if (!correction && current != null) {
            return rejected(Code.DUPLICATE_DECLARATION, "firmId", d.firmId(), "already declared for " + period
                    + " as " + ContributionRejection.echo(current.declaration().declarationId()) + ": send a correction");
        }
        if (acceptedById.size() >= MAX_DECLARATIONS) {
            return rejected(Code.TOO_MANY_DECLARATIONS, "declarationId", d.declarationId(),
                    "the period already holds " + MAX_DECLARATIONS + " declarations");
        }
        return apply(d, current);
    }

    /** Puts {@code d} in force in place of {@code current} (null for a first declaration), if totals allow. */
    private DeclarationOutcome apply(FirmDeclaration d, Entry current) {
        long contribution = fund.contributionCents(d.valueAddedCents());
        long fixedAllowance = fund.allowanceMode() == AllowanceMode.FIXED ? fund.fixedAllowanceCents(d.fteHundredths()) : 0;
        long pool = poolCents + contribution - (current == null ? 0 : current.contributionCents());
        long fte = fteHundredths + d.fteHundredths() - (current == null ? 0 : current.declaration().fteHundredths());
        long allowances = fixedAllowancesCents + fixedAllowance - (current == null ? 0 : current.fixedAllowanceCents());
        // Every term is below 10^16 in magnitude, so these sums cannot wrap; only the ceiling can be passed.
        if (pool > MAX_PERIOD_TOTAL_CENTS || allowances > MAX_PERIOD_TOTAL_CENTS) {
            return rejected(Code.AMOUNT_OVERFLOW, "valueAddedCents", d.valueAddedCents(), "the period's total "
                    + (pool > MAX_PERIOD_TOTAL_CENTS ? "contributions" : "allowances") + " would pass "
                    + MAX_PERIOD_TOTAL_CENTS + " cents");
        }
        Invariant.that(fte >= 0 && allowances >= 0, "period totals went negative: fte %d, allowances %d", fte, allowances);
        inForce.put(d.firmId(), new Entry(d, contribution, fixedAllowance));
        acceptedById.put(d.declarationId(), d);
        poolCents = pool;
        fteHundredths = fte;
        fixedAllowancesCents = allowances;
        return current == null ? new DeclarationOutcome.Accepted(d)
                : new DeclarationOutcome.Corrected(current.declaration(), d);
    }

    private FundSettlement settle() {
        long perFteCents;
        long perHundredthCents = 0;
        if (fund.allowanceMode() == AllowanceMode.EQUAL_SHARE) {
            perHundredthCents = fteHundredths > 0 && poolCents > 0 ? poolCents / fteHundredths : 0;
            perFteCents = Math.multiplyExact(perHundredthCents, 100L);
        } else {
            perFteCents = fund.fixedAllowanceCentsPerFte();
        }
        List<FirmNet> firms = new ArrayList<>(inForce.size());
        long contributions = 0;
        long allowances = 0;
        for (Entry e : inForce.values()) {
            FirmDeclaration d = e.declaration();
            long allowance = fund.allowanceMode() == AllowanceMode.EQUAL_SHARE
                    ? Math.multiplyExact(perHundredthCents, d.fteHundredths()) : e.fixedAllowanceCents();
            firms.add(FirmNet.of(d.firmId(), d.declarationId(), d.fteHundredths(), e.contributionCents(), allowance));
            contributions = Math.addExact(contributions, e.contributionCents());
            allowances = Math.addExact(allowances, allowance);
        }
        long carriedOut = Math.subtractExact(Math.addExact(contributions, carriedInCents), allowances);
        Invariant.that(fund.allowanceMode() == AllowanceMode.FIXED || carriedInCents < 0 || fteHundredths == 0
                || (carriedOut >= 0 && carriedOut < fteHundredths), "equal share left %d over %d hundredths of FTE",
                carriedOut, fteHundredths);
        return new FundSettlement(period, fund.accountId(), fund.allowanceMode(), perFteCents, firms, contributions,
                allowances, carriedInCents, carriedOut);
    }

    /**
     * Writes the period's state for an engine snapshot: its month, the carry it opened with, every declaration
     * accepted (by id, corrected ones included: a replay of them is still recognised), which one is in force per
     * firm, and whether it is closed. Its totals, the amounts each declaration owes and the settlement are derived
     * again on read; the fund and the calendar are configuration.
     */
    public void writeState(StateWriter out) {
        out.section("fund-period").yearMonth(period).longValue(carriedInCents).count(acceptedById.size());
        for (String id : new java.util.TreeSet<>(acceptedById.keySet())) {
            ContributionCodec.writeDeclaration(out, acceptedById.get(id));
        }
        out.count(inForce.size());
        inForce.forEach((firm, e) -> out.string(firm).string(e.declaration().declarationId()));
        out.bool(settlement != null);
    }

    /**
     * A period as {@link #writeState} wrote it, its declarations in force put again through the same checks as
     * {@link #declare}.
     *
     * @throws IllegalArgumentException if the state is inconsistent (a declaration in force that was not
     *                                  accepted, of another firm or period, or totals beyond the ceiling)
     */
    public static FundPeriod readState(InterEnterpriseFund fund, ContributionCalendar calendar, StateReader in) {
        in.section("fund-period");
        FundPeriod p = new FundPeriod(fund, calendar, in.yearMonth(), in.longValue());
        TreeMap<String, FirmDeclaration> accepted = new TreeMap<>();
        int n = in.count(MAX_DECLARATIONS, 40, "declarations");
        for (int i = 0; i < n; i++) {
            FirmDeclaration d = ContributionCodec.readDeclaration(in);
            if (accepted.put(d.declarationId(), d) != null || !d.period().equals(p.period)) {
                throw new IllegalArgumentException("declaration " + d.declarationId() + " is stored twice or is of "
                        + d.period() + ", not " + p.period);
            }
        }
        int inForce = in.count(n, 8, "declarations in force");
        for (int i = 0; i < inForce; i++) {
            String firm = in.string(ContributionCodec.MAX_TEXT_BYTES);
            FirmDeclaration d = accepted.get(in.string(ContributionCodec.MAX_TEXT_BYTES));
            if (d == null || !d.firmId().equals(firm) || p.inForce.containsKey(firm)
                    || !(p.apply(d, null) instanceof DeclarationOutcome.Accepted)) {
                throw new IllegalArgumentException("firm " + firm + "'s declaration in force in " + p.period
                        + " is unknown, another firm's, listed twice or beyond the period's totals");
            }
        }
        p.acceptedById.putAll(accepted);
        if (in.bool()) {
            p.close();
        }
        return p;
    }

    private static DeclarationOutcome rejected(Code code, String field, Object value, String why) {
        return new DeclarationOutcome.Rejected(ContributionRejection.of(code, field, value, why));
    }
}
