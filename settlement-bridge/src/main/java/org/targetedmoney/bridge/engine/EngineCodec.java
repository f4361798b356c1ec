package org.targetedmoney.bridge.engine;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.targetedmoney.bridge.settlement.SettlementCodec;
import org.targetedmoney.bridge.snapshot.StateReader;
import org.targetedmoney.bridge.snapshot.StateWriter;

/** Snapshot encoding of the engine's own values: payees, the fund's orders (payouts, collections) and claims. */
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
        out.string(p.name()).string(p.iban()).string(p.bic()).bool(p.mandate().isPresent());
        p.mandate().ifPresent(m -> out.string(m.mandateId()).date(m.signedOn()));
    }

    static FirmPayee readFirmPayee(StateReader in) {
        String name = in.string(MAX_TEXT_BYTES);
        String iban = in.string(MAX_TEXT_BYTES);
        String bic = in.string(MAX_TEXT_BYTES);
        Optional<FirmPayee.Mandate> mandate = in.bool()
                ? Optional.of(new FirmPayee.Mandate(in.string(MAX_TEXT_BYTES), in.date())) : Optional.empty();
        return new FirmPayee(name, iban, bic, mandate);
    }

    static void writeCollectionOrder(StateWriter out, FundCollectionOrder o) {
        out.string(o.messageId()).yearMonth(o.period()).longValue(o.createdAtSeconds()).date(o.collectionDate())
                .count(o.items());
        for (FundCollectionOrder.Item item : o.items()) {
            out.string(item.firmId()).string(item.endToEndId()).longValue(item.amountCents());
            writeFirmPayee(out, item.payee());
            out.string(item.remittance());
        }
        out.longValue(o.totalCents());
    }

    static FundCollectionOrder readCollectionOrder(StateReader in) {
        String messageId = in.string(MAX_TEXT_BYTES);
        YearMonth period = in.yearMonth();
        long createdAt = in.longValue();
        var collection = in.date();
        int n = in.count(BridgeEngine.MAX_TRANSFERS_PER_ORDER, 40, "collection order items");
        List<FundCollectionOrder.Item> items = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            items.add(new FundCollectionOrder.Item(in.string(MAX_TEXT_BYTES), in.string(MAX_TEXT_BYTES),
                    in.longValue(), readFirmPayee(in), in.string(MAX_TEXT_BYTES)));
        }
        return new FundCollectionOrder(messageId, period, createdAt, collection, items, in.longValue());
    }

    static void writeClaim(StateWriter out, FundClaim c) {
        out.string(c.reference()).enumValue(c.flow()).yearMonth(c.period()).string(c.firmId())
                .longValue(c.amountCents());
        writeFirmPayee(out, c.payee());
        out.string(c.remittance()).enumValue(c.status()).intValue(c.attempt()).string(c.endToEndId())
                .string(c.orderId()).string(c.lastReason());
    }

    static FundClaim readClaim(StateReader in) {
        return new FundClaim(in.string(MAX_TEXT_BYTES), in.enumValue(FundClaim.Flow.class), in.yearMonth(),
                in.string(MAX_TEXT_BYTES), in.longValue(), readFirmPayee(in), in.string(MAX_TEXT_BYTES),
                in.enumValue(FundClaim.Status.class), in.intValue(0, InterEnterpriseBook.MAX_ATTEMPTS, "claim attempt"),
                in.string(MAX_TEXT_BYTES), in.string(MAX_TEXT_BYTES), in.string(MAX_TEXT_BYTES));
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
