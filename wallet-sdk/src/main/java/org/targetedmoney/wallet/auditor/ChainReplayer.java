package org.targetedmoney.wallet.auditor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.targetedmoney.policy.abi.EventLogs;
import org.targetedmoney.policy.abi.Keccak;
import org.targetedmoney.policy.abi.Log;
import org.targetedmoney.policy.chain.BlockExecutor;
import org.targetedmoney.policy.chain.BlockHeader;
import org.targetedmoney.policy.chain.BlockResult;
import org.targetedmoney.policy.chain.OrderedTx;
import org.targetedmoney.policy.chain.TxReceipt;
import org.targetedmoney.policy.genesis.Genesis;
import org.targetedmoney.policy.genesis.GenesisState;
import org.targetedmoney.policy.rules.Conservation;
import org.targetedmoney.policy.state.Entity;
import org.targetedmoney.policy.state.Keys;
import org.targetedmoney.policy.state.MemoryState;
import org.targetedmoney.policy.tx.DecodedTx;
import org.targetedmoney.policy.tx.SenderRecovery;
import org.targetedmoney.policy.tx.TxDecoder;
import org.targetedmoney.policy.tx.TxRejectedException;

/**
 * The auditor's replay: an in-memory state started from the genesis (or a checkpoint), onto which every
 * published block is re-executed with issuance-policy's {@link BlockExecutor}, the very code the node runs.
 * Each block is checked field by field against what the node published; the first difference is returned
 * as a {@link Divergence} and the replay must not be used further. Pure: no I/O, no clock.
 *
 * <p>Senders are recovered here (Bouncy Castle), never taken from the node's {@code from}; transactions are
 * decoded with the node's own admission decoder, so a block holding a transaction the door would refuse
 * (another chain id, a malleable signature, non-canonical RLP) is a divergence too.
 */
public final class ChainReplayer {
    private static final HexFormat HEX = HexFormat.of();

    private final BlockExecutor executor;
    private final TxDecoder decoder;
    private final SenderRecovery recovery = SenderRecovery.bouncyCastle();
    private final MemoryState state;
    private BlockHeader head;
    private long transactions;
    private long rejectedTransactions;

    private ChainReplayer(Genesis genesis, MemoryState state, BlockHeader head) {
        this.executor = new BlockExecutor(genesis.epochScheme());
        this.decoder = new TxDecoder(genesis.chainId());
        this.state = state;
        this.head = head;
    }

    /** A replay at block 0 of {@code genesis}. */
    public static ChainReplayer fromGenesis(Genesis genesis) {
        MemoryState state = new MemoryState();
        List<Entity> entities = GenesisState.entities(genesis);
        state.putAll(entities);
        BlockHeader header = BlockExecutor.genesisHeader(genesis.timestampSeconds(),
                genesis.epochScheme().epochAt(genesis.timestampSeconds()), entities);
        return new ChainReplayer(genesis, state, header);
    }

    /** A replay resumed at the checkpoint's block (already checked: its state hash and header hash). */
    public static ChainReplayer fromCheckpoint(Genesis genesis, ReplayCheckpoint checkpoint) {
        MemoryState state = new MemoryState();
        state.putAll(checkpoint.entities());
        return new ChainReplayer(genesis, state, checkpoint.header());
    }

    /** The last block replayed (block 0 or the checkpoint's, before any {@link #apply}). */
    public BlockHeader head() {
        return head;
    }

    public byte[] headHash() {
        return head.hash();
    }

    /** Transactions re-executed so far, and how many of them were refused by the rules (status 0). */
    public long transactions() {
        return transactions;
    }

    public long rejectedTransactions() {
        return rejectedTransactions;
    }

    /**
     * Checks that the node's block at the replay's head (block 0 from a genesis, block N from a checkpoint)
     * is the one the replay stands on: same header fields, same hash.
     */
    public Optional<Divergence> checkAnchor(PublishedBlock b) {
        if (b.number() != head.number()) {
            return diverge(b, "number", Long.toString(head.number()), Long.toString(b.number()));
        }
        return compareHeader(b, head);
    }

    /** Replays the next block and checks everything the node published about it. */
    public Optional<Divergence> apply(PublishedBlock b) {
        if (b.number() != head.number() + 1) {
            return diverge(b, "number", Long.toString(head.number() + 1), Long.toString(b.number()));
        }
        if (!Arrays.equals(b.parentHash(), head.hash())) {
            return diverge(b, "parentHash", hex(head.hash()), hex(b.parentHash()));
        }
        List<OrderedTx> txs = new ArrayList<>(b.transactions().size());
        for (int i = 0; i < b.transactions().size(); i++) {
            TxOrDivergence t = orderedTx(b, i);
            if (t.divergence() != null) {
                return Optional.of(t.divergence());
            }
            txs.add(t.tx());
        }
        byte[] txRoot = BlockExecutor.transactionsRoot(txs);
        if (!Arrays.equals(txRoot, b.transactionsRoot())) {
            return diverge(b, "transactionsRoot", hex(txRoot) + " (over the " + txs.size() + " transactions served)",
                    hex(b.transactionsRoot()));
        }
        BlockResult r;
        try {
            r = executor.execute(state, head, b.timestampSeconds(), b.proposer(), b.raftIndex(), txs);
        } catch (RuntimeException e) {
            // An always-on invariant of the rules failed: the published history breaks them.
            return diverge(b, "execution", "the rules' invariants to hold", e.getMessage());
        }
        if (!r.dropped().isEmpty()) {
            OrderedTx d = r.dropped().get(0);
            int i = txs.indexOf(d);
            return Optional.of(new Divergence(b.number(), i, hex(d.hash()), "nonce",
                    "the sender's next nonce " + state.nonce(d.sender()), Long.toString(d.nonce())));
        }
        Optional<Divergence> receipts = compareReceipts(b, r.receipts());
        if (receipts.isPresent()) {
            return receipts;
        }
        Optional<Divergence> header = compareHeader(b, r.header());
        if (header.isPresent()) {
            return header;
        }
        head = r.header();
        transactions += txs.size();
        rejectedTransactions += r.receipts().stream().filter(x -> !x.success()).count();
        return Optional.empty();
    }

    private record TxOrDivergence(OrderedTx tx, Divergence divergence) {}

    private TxOrDivergence orderedTx(PublishedBlock b, int i) {
        PublishedBlock.Tx t = b.transactions().get(i);
        String hash = hex(t.hash());
        byte[] computed = Keccak.hash(t.raw());
        if (!Arrays.equals(computed, t.hash())) {
            return new TxOrDivergence(null, new Divergence(b.number(), i, hash, "hash", hex(computed) + " (keccak of "
                    + "the raw transaction)", hash));
        }
        DecodedTx decoded;
        try {
            decoded = decoder.decode(t.raw());
            var sender = recovery.recover(decoded);
            if (!sender.equals(t.from())) {
                return new TxOrDivergence(null, new Divergence(b.number(), i, hash, "from",
                        sender.toHex() + " (recovered from the signature)", t.from().toHex()));
            }
            return new TxOrDivergence(new OrderedTx(t.raw(), decoded.txHash(), sender, decoded.nonce(), decoded.to(),
                    decoded.data()), null);
        } catch (TxRejectedException e) {
            return new TxOrDivergence(null, new Divergence(b.number(), i, hash, "raw",
                    "a transaction the door admits", e.code() + ": " + e.getMessage()));
        }
    }

    private Optional<Divergence> compareReceipts(PublishedBlock b, List<TxReceipt> replayed) {
        for (int i = 0; i < replayed.size(); i++) {
            TxReceipt mine = replayed.get(i);
            PublishedBlock.Receipt theirs = b.transactions().get(i).receipt();
            String hash = hex(mine.txHash());
            if (theirs == null) {
                return Optional.of(new Divergence(b.number(), i, hash, "receipt", "a receipt", "none"));
            }
            if (theirs.transactionIndex() != i) {
                return tx(b, i, hash, "receipt.transactionIndex", i, theirs.transactionIndex());
            }
            if (theirs.success() != mine.success()) {
                return tx(b, i, hash, "receipt.status", mine.success() ? "0x1" : "0x0 (" + mine.revertReason() + ")",
                        theirs.success() ? "0x1" : "0x0");
            }
            byte[] revert = mine.success() ? new byte[0] : EventLogs.revertData(mine.revertReason());
            if (!Arrays.equals(revert, theirs.revertData())) {
                return tx(b, i, hash, "receipt.revertReason", "'" + mine.revertReason() + "'",
                        hex(theirs.revertData()));
            }
            Optional<Divergence> logs = compareLogs(b, i, hash, mine, theirs.logs());
            if (logs.isPresent()) {
                return logs;
            }
        }
        return Optional.empty();
    }

    private static Optional<Divergence> compareLogs(PublishedBlock b, int i, String hash, TxReceipt mine,
                                                    List<PublishedBlock.Log> theirs) {
        if (mine.logs().size() != theirs.size()) {
            return tx(b, i, hash, "receipt.logs.length", mine.logs().size(), theirs.size());
        }
        for (int j = 0; j < theirs.size(); j++) {
            Log m = mine.logs().get(j);
            PublishedBlock.Log t = theirs.get(j);
            String f = "receipt.logs[" + j + "].";
            if (t.logIndex() != mine.firstLogIndex() + j) {
                return tx(b, i, hash, f + "logIndex", mine.firstLogIndex() + j, t.logIndex());
            }
            if (!m.address().equals(t.address())) {
                return tx(b, i, hash, f + "address", m.address().toHex(), t.address().toHex());
            }
            if (m.topics().size() != t.topics().size()) {
                return tx(b, i, hash, f + "topics.length", m.topics().size(), t.topics().size());
            }
            for (int k = 0; k < m.topics().size(); k++) {
                if (!Arrays.equals(m.topics().get(k), t.topics().get(k))) {
                    return tx(b, i, hash, f + "topics[" + k + "]", hex(m.topics().get(k)), hex(t.topics().get(k)));
                }
            }
            if (!Arrays.equals(m.data(), t.data())) {
                return tx(b, i, hash, f + "data", hex(m.data()), hex(t.data()));
            }
        }
        return Optional.empty();
    }

    /** The header the replay computed against the one published; the hash last, as it covers all the rest. */
    private static Optional<Divergence> compareHeader(PublishedBlock b, BlockHeader h) {
        if (h.timestampSeconds() != b.timestampSeconds()) {
            return diverge(b, "timestamp", Long.toString(h.timestampSeconds()), Long.toString(b.timestampSeconds()));
        }
        if (h.epoch() != b.epoch()) {
            return diverge(b, "epoch", Integer.toString(h.epoch()), Integer.toString(b.epoch()));
        }
        if (!Arrays.equals(h.parentHash(), b.parentHash())) {
            return diverge(b, "parentHash", hex(h.parentHash()), hex(b.parentHash()));
        }
        String[] names = {"transactionsRoot", "receiptsRoot", "stateRoot", "logsBloom"};
        byte[][] mine = {h.transactionsRoot(), h.receiptsRoot(), h.stateChangesRoot(), h.logsBloom()};
        byte[][] theirs = {b.transactionsRoot(), b.receiptsRoot(), b.stateRoot(), b.logsBloom()};
        for (int k = 0; k < names.length; k++) {
            if (!Arrays.equals(mine[k], theirs[k])) {
                return diverge(b, names[k], hex(mine[k]), hex(theirs[k]));
            }
        }
        if (!Arrays.equals(h.hash(), b.hash())) {
            return diverge(b, "hash", hex(h.hash()), hex(b.hash()));
        }
        return Optional.empty();
    }

    /**
     * Conservation recomputed from every balance of the replayed state (per purpose), and each epoch's
     * counters (spent + expired never above issued; an expired epoch has nothing unspent). Empty when all hold.
     */
    public Optional<Divergence> checkConservation() {
        for (Conservation.PurposeReport r : Conservation.check(state)) {
            if (!r.holds()) {
                return Optional.of(Divergence.block(head.number(), "conservation[" + r.symbol() + "]",
                        "issued = members + providers + redeemed + expired", String.join("; ", r.problems())));
            }
        }
        List<Divergence> found = new ArrayList<>(1);
        state.scan(Keys.epochCountersPrefix(), e -> {
            Entity.EpochCounters c = (Entity.EpochCounters) e;
            boolean ok = c.spentCents() >= 0 && c.expiredCents() >= 0 && c.unspentCents() >= 0
                    && (!c.expired() || c.unspentCents() == 0);
            if (!ok && found.isEmpty()) {
                found.add(Divergence.block(head.number(), "epochCounters[" + c.epoch() + "," + c.purpose() + "]",
                        "spent + expired <= issued, nothing unspent once expired", c.toString()));
            }
        });
        return found.stream().findFirst();
    }

    /** The per-purpose figures of the replayed state (for the report and the comparison with the node). */
    public List<Conservation.PurposeReport> purposeFigures() {
        return Conservation.check(state);
    }

    /** The replayed state at the head, to resume from later. */
    public ReplayCheckpoint checkpoint() {
        return ReplayCheckpoint.of(head, List.copyOf(state.all()));
    }

    private static Optional<Divergence> diverge(PublishedBlock b, String field, String expected, String found) {
        return Optional.of(Divergence.block(b.number(), field, expected, found));
    }

    private static Optional<Divergence> tx(PublishedBlock b, int i, String hash, String field, Object expected,
                                           Object found) {
        return Optional.of(new Divergence(b.number(), i, hash, field, String.valueOf(expected),
                String.valueOf(found)));
    }

    static String hex(byte[] b) {
        return "0x" + HEX.formatHex(b);
    }
}
