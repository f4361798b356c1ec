package org.targetedmoney.wallet.auditor;

import java.util.List;
import java.util.Optional;
import org.targetedmoney.policy.rules.Conservation;

/**
 * The outcome of an audit: the blocks replayed ({@code fromBlock} is the anchor, block 0 or the checkpoint's),
 * the transactions re-executed, each purpose's figures in the replayed state, and the first divergence if any.
 */
public record AuditReport(long fromBlock, long toBlock, long transactions, long rejectedTransactions,
                          List<Conservation.PurposeReport> purposes, Optional<Divergence> divergence,
                          ChainReplayer replay) {
    /** What every passed audit has checked, in the report's words. */
    static final List<String> CHECKS = List.of(
            "anchor block hash (genesis file or checkpoint)",
            "block numbers and parent hashes (the chain is linked, in order)",
            "transaction hashes (keccak of the signed bytes) and admissibility (the node's own decoder)",
            "senders recovered from signatures, against the node's 'from'",
            "transactions root, receipts root, state-changes root, logs bloom, block hash (recomputed)",
            "receipt statuses, revert reasons and logs (replayed with issuance-policy)",
            "conservation per purpose and epoch counters, at each epoch change and at the end",
            "the node's conservation view (ledger_invariants) against the replay's figures");

    public AuditReport {
        purposes = List.copyOf(purposes);
    }

    public boolean passed() {
        return divergence.isEmpty();
    }

    /** The replayed state at {@link #toBlock()}: only meaningful when the audit passed. */
    public ReplayCheckpoint checkpoint() {
        if (!passed()) {
            throw new IllegalStateException("a failed audit's state is not a checkpoint");
        }
        return replay.checkpoint();
    }

    /** The report a person reads. */
    public String render() {
        StringBuilder s = new StringBuilder();
        s.append(passed() ? "AUDIT PASSED" : "AUDIT FAILED").append('\n');
        s.append("blocks       ").append(fromBlock + 1 > toBlock ? "none new" : (fromBlock + 1) + ".." + toBlock)
                .append(" (").append(toBlock - fromBlock).append(" replayed, anchored at block ").append(fromBlock)
                .append(")\n");
        s.append("transactions ").append(transactions).append(" re-executed, ").append(rejectedTransactions)
                .append(" refused by the rules (status 0)\n");
        divergence.ifPresent(d -> s.append("DIVERGENCE   ").append(d.message()).append('\n'));
        s.append("purposes (cents) at block ").append(toBlock).append(":\n");
        s.append(String.format("  %-10s %14s %14s %14s %14s %14s %14s%n", "purpose", "issued", "members",
                "providers", "redeemed", "expired", "spent"));
        for (Conservation.PurposeReport p : purposes) {
            s.append(String.format("  %-10s %14d %14d %14d %14d %14d %14d%n", p.symbol(), p.issuedCents(),
                    p.memberBalancesCents(), p.providerBalancesCents(), p.redeemedCents(), p.expiredCents(),
                    p.spentCents()));
        }
        if (passed()) {
            s.append("checks passed:\n");
            CHECKS.forEach(c -> s.append("  - ").append(c).append('\n'));
        }
        s.append("not checked: validator seals (nodes do not publish them yet: ledger_getSeals is to come)\n");
        return s.toString();
    }
}
