package org.targetedmoney.bridge.run;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.expositionformats.ExpositionFormats;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.targetedmoney.bridge.engine.BridgeStatus;
import org.targetedmoney.bridge.funding.SourceKind;
import org.targetedmoney.bridge.receipt.ReceiptBook;
import org.targetedmoney.bridge.settlement.BatchState;

/**
 * The bridge's Prometheus metrics: lag behind the ledger, batches by state, amounts by funding source, funding
 * balances. Labels come from bounded sets (states, source kinds, configured accounts).
 */
public final class BridgeMetrics {
    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final PrometheusTextFormatWriter writer = ExpositionFormats.init().getPrometheusTextFormatWriter();

    final Gauge lagBlocks = Gauge.builder().name("bridge_ledger_lag_blocks")
            .help("Blocks between the bridge's cursor and the ledger head it saw").register(registry);
    final Gauge cursorBlock = Gauge.builder().name("bridge_ledger_cursor_block")
            .help("Next ledger block the bridge reads").register(registry);
    final Counter ledgerErrors = Counter.builder().name("bridge_ledger_errors")
            .help("Failed reads of the ledger (node down, error answers)").register(registry);
    final Counter ordersCut = Counter.builder().name("bridge_payment_orders")
            .help("Payment orders (pain.001 files) cut").register(registry);
    private final Gauge batches = Gauge.builder().name("bridge_batches")
            .help("Settlement batches by state").labelNames("state").register(registry);
    private final Gauge batchCents = Gauge.builder().name("bridge_batches_cents")
            .help("Euro cents of settlement batches by state").labelNames("state").register(registry);
    private final Gauge paidBySource = Gauge.builder().name("bridge_paid_cents")
            .help("Euro cents paid to providers (booked by the bank) by funding source").labelNames("source")
            .register(registry);
    private final Gauge balances = Gauge.builder().name("bridge_funding_balance_cents")
            .help("Balance of each funding account").labelNames("account").register(registry);
    private final Gauge journal = Gauge.builder().name("bridge_journal_entries")
            .help("Inputs in the bridge's journal").register(registry);
    private final Gauge openLines = Gauge.builder().name("bridge_open_lines")
            .help("Ledger lines read and not yet in a batch").register(registry);

    private final Gauge receiptCents = Gauge.builder().name("bridge_receipts_cents")
            .help("Euro cents of declared credits expected on the bank account, confirmed by a bank receipt, and of "
                    + "bank receipts matching no declaration").labelNames("state").register(registry);
    private final Gauge receiptCount = Gauge.builder().name("bridge_receipts")
            .help("Declared credits expected, confirmed, and bank receipts unmatched").labelNames("state")
            .register(registry);

    /** Sets the money-received gauges (states expected, confirmed, unmatched). */
    public void updateReceipts(ReceiptBook.Totals t) {
        receiptCents.labelValues("expected").set(t.expectedCents());
        receiptCents.labelValues("confirmed").set(t.confirmedCents());
        receiptCents.labelValues("unmatched").set(t.unmatchedCents());
        receiptCount.labelValues("expected").set(t.expectedCount());
        receiptCount.labelValues("confirmed").set(t.confirmedCount());
        receiptCount.labelValues("unmatched").set(t.unmatchedCount());
    }

    /** Sets the gauges from a view of the engine. */
    public void update(BridgeStatus status, long journalEntries) {
        cursorBlock.set(status.nextBlock());
        journal.set(journalEntries);
        openLines.set(status.openLines());
        for (BatchState s : BatchState.values()) {
            batches.labelValues(s.code()).set(status.batches().countByState().get(s));
            batchCents.labelValues(s.code()).set(status.batches().centsByState().get(s));
        }
        for (SourceKind k : SourceKind.values()) {
            paidBySource.labelValues(k.code()).set(status.batches().paidBySourceCents().get(k));
        }
        status.funding().balancesCents().forEach((account, cents) -> balances.labelValues(account).set(cents));
    }

    /** The metrics in Prometheus' text format. */
    public byte[] scrape() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            writer.write(out, registry.scrape());
        } catch (IOException e) {
            throw new UncheckedIOException("writing metrics to memory cannot fail", e);
        }
        return out.toByteArray();
    }

    public String contentType() {
        return writer.getContentType();
    }
}
