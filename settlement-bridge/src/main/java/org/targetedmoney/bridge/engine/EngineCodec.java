package org.targetedmoney.bridge.engine;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.targetedmoney.bridge.settlement.SettlementCodec;
import org.targetedmoney.bridge.snapshot.StateReader;
import org.targetedmoney.bridge.snapshot.StateWriter;

/** Snapshot encoding of the engine's own values: payees and fund payout orders. */
final class EngineCodec {
    static final int MAX_TEXT_BYTES = SettlementCodec.MAX_TEXT_BYTES;

    private EngineCodec() {}

    static void writePayee(StateWriter out, Payee p) {
        out.hexOrString(p.provider()).string(p.name()).string(p.iban()).string(p.bic());
    }

    static Payee readPayee(StateReader in) {
        return new Payee(in.hexOrString(MAX_TEXT_BYTES), in.string(MAX_TEXT_BYTES), in.string(MAX_TEXT_BYTES),
                in.string(MAX_TEXT_BYTES));
    }

    static void writeFirmPayee(StateWriter out, FirmPayee p) {
        out.string(p.name()).string(p.iban()).string(p.bic());
    }

    static FirmPayee readFirmPayee(StateReader in) {
        return new FirmPayee(in.string(MAX_TEXT_BYTES), in.string(MAX_TEXT_BYTES), in.string(MAX_TEXT_BYTES));
    }

    static void writeFundOrder(StateWriter out, FundPayoutOrder o) {
        out.string(o.messageId()).yearMonth(o.period()).longValue(o.createdAtSeconds()).date(o.executionDate())
                .count(o.items());
        for (FundPayoutOrder.Item item : o.items()) {
            out.string(item.firmId()).string(item.endToEndId()).longValue(item.amountCents());
            writeFirmPayee(out, item.payee());
            out.string(item.remittance());
        }
        out.longValue(o.totalCents());
    }

    static FundPayoutOrder readFundOrder(StateReader in) {
        String messageId = in.string(MAX_TEXT_BYTES);
        YearMonth period = in.yearMonth();
        long createdAt = in.longValue();
        var execution = in.date();
        int n = in.count(BridgeEngine.MAX_TRANSFERS_PER_ORDER, 40, "payout order items");
        List<FundPayoutOrder.Item> items = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            items.add(new FundPayoutOrder.Item(in.string(MAX_TEXT_BYTES), in.string(MAX_TEXT_BYTES), in.longValue(),
                    readFirmPayee(in), in.string(MAX_TEXT_BYTES)));
        }
        return new FundPayoutOrder(messageId, period, createdAt, execution, items, in.longValue());
    }
}
