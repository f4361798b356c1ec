package org.targetedmoney.bridge.contribution;

import java.time.YearMonth;
import java.util.Objects;
import java.util.Optional;
import org.targetedmoney.bridge.contribution.ContributionRejection.Code;

/**
 * A firm's monthly declaration to the inter-enterprise fund (seed 001, "Sécurité économique et sociale"): its
 * value added, of which the fund mutualises a share, and its jobs in full-time equivalents, for which it receives
 * an allowance. Every firm declares, the self-employed included.
 *
 * <p>The record holds what was sent; {@link #validate()} says whether it is acceptable. Null components are a
 * caller bug (the API refuses missing fields before building a declaration).
 *
 * @param declarationId   the sender's id of this declaration (replays carry the same id); see {@link Fields#id}
 * @param period          the month declared
 * @param firmId          SIREN, 9 digits with a Luhn check digit
 * @param valueAddedCents the month's value added in euro cents; negative for a loss-making month (it then owes
 *                        nothing, and still receives its allowance)
 * @param fteHundredths   full-time-equivalent jobs in hundredths (12.50 FTE = 1250), 0..{@link #MAX_FTE_HUNDREDTHS}
 */
public record FirmDeclaration(String declarationId, YearMonth period, String firmId, long valueAddedCents,
                              long fteHundredths) {
    /** 1 000 000 FTE: above the largest French employer by a wide margin. */
    public static final long MAX_FTE_HUNDREDTHS = 100_000_000L;
    /**
     * |value added| at most 10^14 cents (1 000 billion euros) a month, far above any firm; it keeps
     * rate x value added (rate at most 10 000 basis points) within a long.
     */
    public static final long MAX_ABS_VALUE_ADDED_CENTS = 100_000_000_000_000L;

    public FirmDeclaration {
        Objects.requireNonNull(declarationId, "declarationId");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(firmId, "firmId");
    }

    /** Why this declaration is unacceptable in itself (whatever the period's state), or empty. */
    public Optional<ContributionRejection> validate() {
        Optional<ContributionRejection> refused = Fields.id("declarationId", declarationId)
                .or(() -> Siren.check("firmId", firmId));
        if (refused.isPresent()) {
            return refused;
        }
        if (fteHundredths < 0) {
            return Optional.of(ContributionRejection.of(Code.NEGATIVE_FTE, "fteHundredths", fteHundredths,
                    "full-time equivalents cannot be negative"));
        }
        if (fteHundredths > MAX_FTE_HUNDREDTHS) {
            return Optional.of(ContributionRejection.of(Code.FTE_TOO_LARGE, "fteHundredths", fteHundredths,
                    "above the limit of " + MAX_FTE_HUNDREDTHS + " hundredths"));
        }
        if (valueAddedCents > MAX_ABS_VALUE_ADDED_CENTS || valueAddedCents < -MAX_ABS_VALUE_ADDED_CENTS) {
            return Optional.of(ContributionRejection.of(Code.AMOUNT_OVERFLOW, "valueAddedCents", valueAddedCents,
                    "beyond the limit of +/-" + MAX_ABS_VALUE_ADDED_CENTS + " cents"));
        }
        return Optional.empty();
    }
}
