package org.targetedmoney.node.run;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import org.targetedmoney.policy.chain.BlockResult;
import org.targetedmoney.policy.chain.TxReceipt;

/** The ledger's own Prometheus metrics: blocks, transactions by outcome, rejections by code, apply time. */
public final class NodeMetrics {
    private final Counter blocks;
    private final Counter transactions;
    private final Counter rejections;
    private final Counter dropped;
    private final Histogram applySeconds;
    private final Gauge head;

    public NodeMetrics(PrometheusRegistry registry) {
        blocks = Counter.builder().name("ledger_blocks_total").help("Blocks applied and stored").register(registry);
        transactions = Counter.builder().name("ledger_transactions_total").help("Transactions included, by status")
                .labelNames("status").register(registry);
        rejections = Counter.builder().name("ledger_rejections_total")
                .help("Transactions refused by the rules, by stable rejection code").labelNames("code")
                .register(registry);
        dropped = Counter.builder().name("ledger_dropped_transactions_total")
                .help("Ordered transactions not included because their nonce was no longer next").register(registry);
        applySeconds = Histogram.builder().name("ledger_block_apply_seconds")
                .help("Time to execute and store one block").register(registry);
        head = Gauge.builder().name("ledger_head_block").help("Number of the last stored block").register(registry);
    }

    /** The head block at start, before any new block is applied. */
    public void startedAt(long headBlock) {
        head.set(headBlock);
    }

    public void blockStored(BlockResult block, long applyNanos) {
        blocks.inc();
        head.set(block.header().number());
        applySeconds.observe(applyNanos / 1e9);
        dropped.inc(block.dropped().size());
        for (TxReceipt r : block.receipts()) {
            transactions.labelValues(r.success() ? "applied" : "rejected").inc();
            if (!r.success()) {
                int colon = r.revertReason().indexOf(':');
                rejections.labelValues(colon > 0 ? r.revertReason().substring(0, colon) : r.revertReason()).inc();
            }
        }
    }
}
