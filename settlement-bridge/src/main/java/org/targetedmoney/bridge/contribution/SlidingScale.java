package org.targetedmoney.bridge.contribution;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.targetedmoney.bridge.contribution.ContributionRejection.Code;

/**
 * A sliding scale of monthly contributions by monthly income (seed 003, the food social security: members
 * contribute from 1 EUR to 150 EUR a month according to their income), as data.
 *
 * <p>Bands are ordered: the first starts at income 0, income floors strictly increase, contributions never
 * decrease, and each lies within the {@link ScaleLimits}. A member whose income is at or above a band's floor and
 * below the next one's owes that band's contribution.
 *
 * <p>Two text forms, read by {@link #parseCsv} (primary: people edit it, with comments) and {@link #parseJson} (for
 * the API). Each refusal names the line, the field and the value. The SSA default is a resource,
 * {@value #SSA_DEFAULT_RESOURCE}: the caller reads it (this class does no I/O) and parses it with
 * {@link ScaleLimits#SSA}.
 */
public final class SlidingScale {
    public static final int MAX_BANDS = 200;
    /** Largest scale text accepted, CSV or JSON. */
    public static final int MAX_TEXT_BYTES = 64 * 1024;
    /** Classpath resource of the SSA default scale (CSV). */
    public static final String SSA_DEFAULT_RESOURCE = "/contribution/ssa-sliding-scale.csv";
    /** The CSV header, exactly these two columns in this order. */
    public static final String CSV_HEADER = "income_from_cents,contribution_cents";

    /** A band as read, with where it was read (e.g. "line 7") and the names of its two fields there. */
    record Sourced(ScaleBand band, String where, String incomeField, String contributionField) {}

    private final List<ScaleBand> bands;
    private final ScaleLimits limits;

    private SlidingScale(List<ScaleBand> bands, ScaleLimits limits) {
        this.bands = List.copyOf(bands);
        this.limits = limits;
    }

    /** The scale of these bands within {@code limits}, or why not (the band is named by its index). */
    public static Outcome<SlidingScale> of(List<ScaleBand> bands, ScaleLimits limits) {
        List<Sourced> sourced = new ArrayList<>(bands.size());
        for (int i = 0; i < bands.size(); i++) {
            sourced.add(new Sourced(Objects.requireNonNull(bands.get(i)), "band[" + i + "]", "incomeFromCents",
                    "contributionCents"));
        }
        return checked(sourced, limits);
    }

    /**
     * Reads the CSV form (UTF-8): a header {@value #CSV_HEADER}, then one band per line; blank lines and lines
     * starting with {@code #} are ignored. Amounts are whole cents, without separators.
     */
    public static Outcome<SlidingScale> parseCsv(byte[] utf8, ScaleLimits limits) {
        return checked(ScaleText.csv(utf8), limits);
    }

    /** Reads the JSON form: {@code [{"incomeFromCents":0,"contributionCents":100}, ...]}, whole cents. */
    public static Outcome<SlidingScale> parseJson(byte[] json, ScaleLimits limits) {
        return checked(ScaleText.json(json), limits);
    }

    private static Outcome<SlidingScale> checked(Outcome<List<Sourced>> read, ScaleLimits limits) {
        return switch (read) {
            case Outcome.Accepted<List<Sourced>>(List<Sourced> bands) -> checked(bands, limits);
            case Outcome.Rejected<List<Sourced>>(ContributionRejection r) -> Outcome.rejected(r);
        };
    }

    private static Outcome<SlidingScale> checked(List<Sourced> bands, ScaleLimits limits) {
        Objects.requireNonNull(limits, "limits");
        if (bands.isEmpty()) {
            return Outcome.rejected(ContributionRejection.of(Code.SCALE_EMPTY, "bands", 0, "a scale needs a band"));
        }
        if (bands.size() > MAX_BANDS) {
            return Outcome.rejected(ContributionRejection.of(Code.SCALE_TOO_MANY_BANDS, "bands", bands.size(),
                    "more than " + MAX_BANDS + " bands"));
        }
        for (int i = 0; i < bands.size(); i++) {
            Optional<ContributionRejection> refused = bandRefusal(bands, i, limits);
            if (refused.isPresent()) {
                return Outcome.rejected(refused.get());
            }
        }
        return Outcome.accepted(new SlidingScale(bands.stream().map(Sourced::band).toList(), limits));
    }

    private static Optional<ContributionRejection> bandRefusal(List<Sourced> bands, int i, ScaleLimits limits) {
        Sourced s = bands.get(i);
        ScaleBand b = s.band();
        String income = s.where() + ": " + s.incomeField();
        String contribution = s.where() + ": " + s.contributionField();
        if (i == 0 && b.incomeFromCents() != 0) {
            return Optional.of(ContributionRejection.of(Code.SCALE_FIRST_BAND_NOT_ZERO, income, b.incomeFromCents(),
                    "the first band must start at income 0"));
        }
        if (i > 0 && b.incomeFromCents() <= bands.get(i - 1).band().incomeFromCents()) {
            return Optional.of(ContributionRejection.of(Code.SCALE_NOT_INCREASING, income, b.incomeFromCents(),
                    "not above the previous band's floor " + bands.get(i - 1).band().incomeFromCents()));
        }
        if (b.contributionCents() < limits.minContributionCents()
                || b.contributionCents() > limits.maxContributionCents()) {
            return Optional.of(ContributionRejection.of(Code.SCALE_CONTRIBUTION_OUT_OF_RANGE, contribution,
                    b.contributionCents(), "outside " + limits.minContributionCents() + ".."
                            + limits.maxContributionCents()));
        }
        if (i > 0 && b.contributionCents() < bands.get(i - 1).band().contributionCents()) {
            return Optional.of(ContributionRejection.of(Code.SCALE_CONTRIBUTION_DECREASING, contribution,
                    b.contributionCents(), "below the previous band's " + bands.get(i - 1).band().contributionCents()));
        }
        return Optional.empty();
    }

    /** The monthly contribution for a monthly income: the contribution of the highest band whose floor it reaches. */
    public long contributionFor(long monthlyIncomeCents) {
        return bandFor(monthlyIncomeCents).contributionCents();
    }

    /** The band a monthly income falls in. */
    public ScaleBand bandFor(long monthlyIncomeCents) {
        if (monthlyIncomeCents < 0) {
            throw new IllegalArgumentException("monthlyIncomeCents must be >= 0: " + monthlyIncomeCents);
        }
        int lo = 0;
        int hi = bands.size() - 1;
        while (lo < hi) {
            // Upper middle, so lo always moves: invariant bands[lo].floor <= income.
            int mid = (lo + hi + 1) >>> 1;
            if (bands.get(mid).incomeFromCents() <= monthlyIncomeCents) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return bands.get(lo);
    }

    public List<ScaleBand> bands() {
        return bands;
    }

    public ScaleLimits limits() {
        return limits;
    }

    /** The CSV form, which {@link #parseCsv} reads back to an equal scale. */
    public String toCsv() {
        StringBuilder b = new StringBuilder(CSV_HEADER).append('\n');
        for (ScaleBand band : bands) {
            b.append(band.incomeFromCents()).append(',').append(band.contributionCents()).append('\n');
        }
        return b.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SlidingScale s && s.bands.equals(bands) && s.limits.equals(limits);
    }

    @Override
    public int hashCode() {
        return Objects.hash(bands, limits);
    }

    @Override
    public String toString() {
        return "SlidingScale" + bands + " within " + limits;
    }
}
