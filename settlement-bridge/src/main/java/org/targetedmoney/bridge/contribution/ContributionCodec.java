package org.targetedmoney.bridge.contribution;

import java.util.ArrayList;
import java.util.List;
import org.targetedmoney.bridge.snapshot.StateReader;
import org.targetedmoney.bridge.snapshot.StateWriter;

/**
 * Snapshot encoding of the inter-enterprise fund's values (declarations, settlements). Reads go through the
 * records' constructors, so a settlement read back meets its conservation checks.
 */
public final class ContributionCodec {
    /** Longest text field read back. */
    public static final int MAX_TEXT_BYTES = 4_096;
    /** Most firms in one settlement read back (every declaration of a period). */
    static final int MAX_FIRMS = FundPeriod.MAX_DECLARATIONS;

    private ContributionCodec() {}

    public static void writeDeclaration(StateWriter out, FirmDeclaration d) {
        out.string(d.declarationId()).yearMonth(d.period()).string(d.firmId()).longValue(d.valueAddedCents())
                .longValue(d.fteHundredths());
    }

    public static FirmDeclaration readDeclaration(StateReader in) {
        return new FirmDeclaration(in.string(MAX_TEXT_BYTES), in.yearMonth(), in.string(MAX_TEXT_BYTES),
                in.longValue(), in.longValue());
    }

    public static void writeSettlement(StateWriter out, FundSettlement s) {
        out.yearMonth(s.period()).string(s.fundAccountId()).enumValue(s.allowanceMode())
                .longValue(s.allowancePerFteCents()).count(s.firms());
        for (FirmNet f : s.firms()) {
            out.string(f.firmId()).string(f.declarationId()).longValue(f.fteHundredths())
                    .longValue(f.contributionCents()).longValue(f.allowanceCents()).longValue(f.netCents());
        }
        out.longValue(s.totalContributionsCents()).longValue(s.totalAllowancesCents()).longValue(s.carriedInCents())
                .longValue(s.carriedOutCents());
    }

    public static FundSettlement readSettlement(StateReader in) {
        var period = in.yearMonth();
        String account = in.string(MAX_TEXT_BYTES);
        AllowanceMode mode = in.enumValue(AllowanceMode.class);
        long perFte = in.longValue();
        int n = in.count(MAX_FIRMS, 40, "firms");
        List<FirmNet> firms = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            firms.add(new FirmNet(in.string(MAX_TEXT_BYTES), in.string(MAX_TEXT_BYTES), in.longValue(),
                    in.longValue(), in.longValue(), in.longValue()));
        }
        return new FundSettlement(period, account, mode, perFte, firms, in.longValue(), in.longValue(),
                in.longValue(), in.longValue());
    }
}
