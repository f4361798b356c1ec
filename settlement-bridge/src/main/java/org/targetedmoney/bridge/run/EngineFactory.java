package org.targetedmoney.bridge.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.targetedmoney.bridge.contribution.ContributionCalendar;
import org.targetedmoney.bridge.contribution.InterEnterpriseFund;
import org.targetedmoney.bridge.engine.BridgeEngine;
import org.targetedmoney.bridge.engine.InterEnterpriseBook;
import org.targetedmoney.bridge.funding.SourceKind;
import org.targetedmoney.bridge.receipt.CreditConfirmation;
import org.targetedmoney.bridge.settlement.BatchBuilder;
import org.targetedmoney.bridge.settlement.FundingAccount;
import org.targetedmoney.bridge.settlement.FundingBook;
import org.targetedmoney.bridge.settlement.FundingPlan;
import org.targetedmoney.bridge.settlement.SettlementMode;
import org.targetedmoney.bridge.settlement.SettlementWindow;

/** Builds an empty engine from the configuration (the journal's replay then fills it). */
final class EngineFactory {
    private EngineFactory() {}

    static BridgeEngine engine(BridgeConfig config) {
        return new BridgeEngine(SettlementWindow.parse(config.settlement().window()),
                new BatchBuilder(config.settlement().mode().equals("gross") ? SettlementMode.GROSS : SettlementMode.NET),
                new FundingBook(plan(config.funding())), config.payees(), interEnterprise(config),
                CreditConfirmation.parse(config.funding().creditConfirmation()));
    }

    /** Which months accept contributions and declarations, and when a fund period closes. */
    static ContributionCalendar calendar(BridgeConfig config) {
        return new ContributionCalendar(config.lateMonths(), BridgeServer.HORIZON_MONTHS);
    }

    /** The fund's book: FIXED when the configuration sets an allowance per FTE, else EQUAL_SHARE. */
    static Optional<InterEnterpriseBook> interEnterprise(BridgeConfig config) {
        return config.interEnterpriseFund().map(f -> new InterEnterpriseBook(f.fixedAllowanceCentsPerFte()
                .map(perFte -> InterEnterpriseFund.fixed(f.accountId(), f.rateBasisPoints(), perFte))
                .orElseGet(() -> InterEnterpriseFund.equalShare(f.accountId(), f.rateBasisPoints())),
                calendar(config)));
    }

    static FundingPlan plan(BridgeConfig.Funding funding) {
        List<FundingAccount> accounts = new ArrayList<>();
        for (BridgeConfig.FundingAccount a : funding.accounts()) {
            accounts.add(new FundingAccount(a.id(), SourceKind.parse(a.kind()), a.earmarks()));
        }
        return new FundingPlan(accounts, funding.creationCeilingCentsPerMonth());
    }

}
