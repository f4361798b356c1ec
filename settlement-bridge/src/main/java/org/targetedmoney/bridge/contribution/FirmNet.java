package org.targetedmoney.bridge.contribution;

import java.util.Objects;

/**
 * One firm's position for a settled fund period: what it owed, what it is allowed, and the net.
 *
 * @param firmId            SIREN
 * @param declarationId     the declaration in force at close (the last correction, if any)
 * @param fteHundredths     its declared FTE, in hundredths
 * @param contributionCents what it owes, >= 0
 * @param allowanceCents    what it is allowed, >= 0
 * @param netCents          {@code contributionCents - allowanceCents}: > 0 the firm pays the fund, < 0 the fund
 *                          pays the firm, 0 nothing moves
 */
public record FirmNet(String firmId, String declarationId, long fteHundredths, long contributionCents,
                      long allowanceCents, long netCents) {
    public FirmNet {
        Objects.requireNonNull(firmId, "firmId");
        Objects.requireNonNull(declarationId, "declarationId");
        Invariant.that(fteHundredths >= 0 && contributionCents >= 0 && allowanceCents >= 0,
                "firm %s: negative fte %d, contribution %d or allowance %d", firmId, fteHundredths,
                contributionCents, allowanceCents);
        Invariant.that(netCents == Math.subtractExact(contributionCents, allowanceCents),
                "firm %s: net %d != contribution %d - allowance %d", firmId, netCents, contributionCents,
                allowanceCents);
    }

    static FirmNet of(String firmId, String declarationId, long fteHundredths, long contributionCents,
                      long allowanceCents) {
        return new FirmNet(firmId, declarationId, fteHundredths, contributionCents, allowanceCents,
                Math.subtractExact(contributionCents, allowanceCents));
    }
}
