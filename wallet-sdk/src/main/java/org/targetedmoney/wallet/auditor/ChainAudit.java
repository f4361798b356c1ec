package org.targetedmoney.wallet.auditor;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.targetedmoney.policy.genesis.Genesis;
import org.targetedmoney.policy.rules.Conservation;

/**
 * A whole audit: anchors the replay (block 0 against the genesis file, or block N against a checkpoint),
 * replays every following block up to the node's head in batches, checks conservation at each epoch change and
 * at the end, then compares the replay's figures with the node's own conservation view. Stops at the first
 * divergence.
 *
 * <p>Seals are not checked yet: nodes do not publish them ({@code ledger_getSeals} is still to come). When they
 * do, {@link #replayUpTo} checks, for each batch, that a quorum of the validator set sealed its last block (or a
 * descendant) before believing it: that is the place, marked below.
 */
public final class ChainAudit {
    /** Told after each batch: blocks replayed so far, out of how many. */
    @FunctionalInterface
    public interface Progress {
        void update(long blocksDone, long blocksTotal, long transactionsDone);
    }

    private final ChainSource source;
    private final Progress progress;

    public ChainAudit(ChainSource source, Progress progress) {
        this.source = source;
        this.progress = progress;
    }

    /** Audits from the genesis; the returned report's replay can be checkpointed when it passed. */
    public AuditReport fromGenesis(Genesis genesis) throws IOException {
        return run(ChainReplayer.fromGenesis(genesis));
    }

    /** Audits the blocks after the checkpoint, once the node's block at the checkpoint has the same hash. */
    public AuditReport fromCheckpoint(Genesis genesis, ReplayCheckpoint checkpoint) throws IOException {
        return run(ChainReplayer.fromCheckpoint(genesis, checkpoint));
    }

    private AuditReport run(ChainReplayer replay) throws IOException {
        long start = replay.head().number();
        ChainSource.NodeInvariants nodeView = source.invariants();
        long head = nodeView.blockNumber();
        Optional<Divergence> d = head < start
                ? Optional.of(Divergence.block(start, "number", "a head at or after block " + start,
                        "head " + head))
                : replay.checkAnchor(source.blocks(start, start).get(0));
        if (d.isEmpty()) {
            d = replayUpTo(replay, head);
        }
        if (d.isEmpty()) {
            d = replay.checkConservation();
        }
        List<Conservation.PurposeReport> figures = replay.purposeFigures();
        if (d.isEmpty()) {
            d = compareWithNode(replay.head().number(), figures, nodeView);
        }
        return new AuditReport(start, replay.head().number(), replay.transactions(), replay.rejectedTransactions(),
                figures, d, replay);
    }

    private Optional<Divergence> replayUpTo(ChainReplayer replay, long head) throws IOException {
        long start = replay.head().number();
        int epoch = replay.head().epoch();
        for (long from = start + 1; from <= head; from += RpcChainSource.MAX_BLOCKS_PER_BATCH) {
            long to = Math.min(head, from + RpcChainSource.MAX_BLOCKS_PER_BATCH - 1);
            // Seal check goes here (ledger_getSeals, not served yet): a quorum of the validator set must have
            // sealed block `to` or a descendant before this batch is believed.
            for (PublishedBlock b : source.blocks(from, to)) {
                Optional<Divergence> d = replay.apply(b);
                if (d.isEmpty() && b.epoch() != epoch) {
                    // Per epoch: the state at the first block of a new epoch must still conserve every unit.
                    d = replay.checkConservation();
                    epoch = b.epoch();
                }
                if (d.isPresent()) {
                    return d;
                }
            }
            progress.update(to - start, head - start, replay.transactions());
        }
        return Optional.empty();
    }

    /** The node's conservation view must say what the replay computes, figure by figure. */
    static Optional<Divergence> compareWithNode(long block, List<Conservation.PurposeReport> mine,
                                                ChainSource.NodeInvariants node) {
        if (node.blockNumber() != block) {
            return Optional.of(Divergence.block(block, "ledger_invariants.blockNumber", Long.toString(block),
                    Long.toString(node.blockNumber())));
        }
        if (node.purposes().size() != mine.size()) {
            return Optional.of(Divergence.block(block, "ledger_invariants.purposes.length",
                    Integer.toString(mine.size()), Integer.toString(node.purposes().size())));
        }
        String[] names = {"issued", "spent", "redeemed", "expired", "providerBalances", "memberBalances"};
        for (int i = 0; i < mine.size(); i++) {
            Conservation.PurposeReport m = mine.get(i);
            ChainSource.PurposeFigures n = node.purposes().get(i);
            long[] a = {m.issuedCents(), m.spentCents(), m.redeemedCents(), m.expiredCents(),
                    m.providerBalancesCents(), m.memberBalancesCents()};
            long[] b = {n.issuedCents(), n.spentCents(), n.redeemedCents(), n.expiredCents(),
                    n.providerBalancesCents(), n.memberBalancesCents()};
            for (int k = 0; k < a.length; k++) {
                if (a[k] != b[k] || n.purpose() != m.purpose()) {
                    return Optional.of(Divergence.block(block, "ledger_invariants.purposes[" + m.symbol() + "]."
                            + names[k], Long.toString(a[k]), Long.toString(b[k])));
                }
            }
        }
        if (!node.holds()) {
            return Optional.of(Divergence.block(block, "ledger_invariants.holds", "true", "false"));
        }
        return Optional.empty();
    }
}
