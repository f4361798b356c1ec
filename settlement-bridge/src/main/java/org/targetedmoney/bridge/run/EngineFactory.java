package org.targetedmoney.bridge.run;

import java.util.ArrayList;
import java.util.List;
import org.targetedmoney.bridge.engine.BridgeEngine;
import org.targetedmoney.bridge.funding.SourceKind;
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
                new FundingBook(plan(config.funding())), config.payees());
    }

    static FundingPlan plan(BridgeConfig.Funding funding) {
        List<FundingAccount> accounts = new ArrayList<>();
        for (BridgeConfig.FundingAccount a : funding.accounts()) {
            accounts.add(new FundingAccount(a.id(), kind(a.kind()), a.earmarks()));
        }
        return new FundingPlan(accounts, funding.creationCeilingCentsPerMonth());
    }

    static SourceKind kind(String code) {
        for (SourceKind k : SourceKind.values()) {
            if (k.code().equals(code)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown funding kind " + code);
    }
}
