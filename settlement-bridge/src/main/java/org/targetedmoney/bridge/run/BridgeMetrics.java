package org.targetedmoney.bridge.run;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.expositionformats.ExpositionFormats;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.Map;
import org.targetedmoney.bridge.engine.BridgeView;
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
    public void update(BridgeView view, long journalEntries) {
        cursorBlock.set(view.nextBlock());
        journal.set(journalEntries);
        openLines.set(view.openLinesByWindow().values().stream().mapToLong(Integer::longValue).sum());
        Map<BatchState, long[]> byState = new EnumMap<>(BatchState.class);
        for (BatchState s : BatchState.values()) {
            byState.put(s, new long[2]);
        }
        Map<SourceKind, Long> paid = new EnumMap<>(SourceKind.class);
        for (BridgeView.BatchSummary b : view.batches()) {
            long[] c = byState.get(b.state());
            c[0]++;
            c[1] = Math.addExact(c[1], b.totalCents());
            b.paidBySourceCents().forEach((k, v) -> paid.merge(k, v, Math::addExact));
        }
        byState.forEach((s, c) -> {
            batches.labelValues(s.code()).set(c[0]);
            batchCents.labelValues(s.code()).set(c[1]);
        });
        for (SourceKind k : SourceKind.values()) {
            paidBySource.labelValues(k.code()).set(paid.getOrDefault(k, 0L));
        }
        view.funding().balancesCents().forEach((account, cents) -> balances.labelValues(account).set(cents));
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
