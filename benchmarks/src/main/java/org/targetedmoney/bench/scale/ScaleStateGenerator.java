package org.targetedmoney.bench.scale;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.targetedmoney.policy.chain.BlockExecutor;
import org.targetedmoney.policy.chain.BlockHeader;
import org.targetedmoney.policy.chain.BlockResult;
import org.targetedmoney.policy.chain.TxReceipt;
import org.targetedmoney.node.ledger.RocksChainStore;
import org.targetedmoney.policy.abi.Keccak;
import org.targetedmoney.policy.state.Entity;
import org.targetedmoney.policy.state.MemoryState;

/**
 * Writes a ledger of N members straight into a node store (the node's column families, keys and
 * encoding, through {@link RocksChainStore}): block 0 holds the {@link ScaleGenesis} state plus N
 * enrolled members and the enrolment counters that go with them; block 1 opens epoch 682 with the real
 * {@code openEpoch} transaction. Members are streamed in batches of {@value #ENTITIES_PER_BATCH} written
 * without the WAL, then everything is flushed and compacted, so memory stays flat whatever N.
 *
 * <p>A complete store has a marker file; {@link #ensure} reuses such a store and regenerates anything
 * else (an interrupted run leaves no marker). Run alone: {@code java -cp benchmarks.jar
 * org.targetedmoney.bench.scale.ScaleStateGenerator 1000000 10000000} (stores under
 * {@code benchmarks/target/scale-N}, or under the directory named by {@code -Dtm.scale.dir}).
 */
public final class ScaleStateGenerator {
    static final int ENTITIES_PER_BATCH = 50_000;
    static final String MARKER = "GENERATED.properties";
    static final String DIR_PROPERTY = "tm.scale.dir";
    /** Bump when the generated state changes: stores of another format are regenerated. */
    static final int FORMAT = 1;
    private static final long PROGRESS_EVERY = 1_000_000;
    private static final long RAFT_TERM = 1;

    /** What the marker of a complete store records. */
    record Summary(long members, long stateSstBytes, long allSstBytes, long generationMillis, String genesisRoot) {}

    private ScaleStateGenerator() {}

    public static void main(String[] args) {
        if (args.length == 0) {
            System.err.println("usage: ScaleStateGenerator MEMBERS... (e.g. 1000000 10000000)");
            System.exit(2);
        }
        for (String a : args) {
            long n = Long.parseLong(a.replace("_", ""));
            Summary s = ensure(defaultDir(n), n);
            System.out.printf("%,d members: state %,d bytes on disk (%.1f bytes/member), all column families "
                    + "%,d bytes, generated in %.1f s%n", n, s.stateSstBytes(), (double) s.stateSstBytes() / n,
                    s.allSstBytes(), s.generationMillis() / 1000.0);
        }
    }

    /** {@code -Dtm.scale.dir}/scale-N, else benchmarks/target/scale-N from the repository root, else target/. */
    static Path defaultDir(long members) {
        String base = System.getProperty(DIR_PROPERTY);
        Path root = base != null ? Path.of(base)
                : Files.isDirectory(Path.of("benchmarks", "target")) ? Path.of("benchmarks", "target")
                : Path.of("target");
        return root.resolve("scale-" + members).toAbsolutePath();
    }

    /** The complete store of {@code members} members in {@code dir}, generated unless already there. */
    static Summary ensure(Path dir, long members) {
        Summary done = readMarker(dir);
        if (done != null && done.members() == members) {
            return done;
        }
        deleteTree(dir);
        return generate(dir, members);
    }

    static Summary generate(Path dir, long members) {
        long started = System.nanoTime();
        MemoryState base = ScaleGenesis.baseState();
        try (RocksChainStore store = RocksChainStore.open(dir)) {
            List<Entity> block0 = writeMembers(store, members).block0WithoutMembers(base);
            store.putStateWithoutWal(block0);
            store.flushAndCompact();
            byte[] root = genesisRoot(store);
            BlockHeader genesis = BlockExecutor.genesisHeader(ScaleGenesis.GENESIS_TIMESTAMP,
                    ScaleGenesis.FIRST_EPOCH, root);
            store.storeGenesis(genesis, block0, genesisId(members));
            openFirstEpoch(store, genesis, block0);
            store.flushAndCompact();
            RocksChainStore.DiskUsage usage = store.diskUsage();
            Summary s = new Summary(members, usage.stateSstBytes(), usage.allSstBytes(),
                    (System.nanoTime() - started) / 1_000_000, HexFormat.of().formatHex(root));
            writeMarker(dir, s);
            return s;
        }
    }

    /** Streams the members into the store and counts them. */
    private static Tally writeMembers(RocksChainStore store, long members) {
        Tally tally = new Tally();
        List<Entity> batch = new ArrayList<>(ENTITIES_PER_BATCH);
        for (long i = 0; i < members; i++) {
            Entity.Member m = ScaleMembers.member(i);
            tally.add(m);
            batch.add(m);
            if (batch.size() == ENTITIES_PER_BATCH || i == members - 1) {
                store.putStateWithoutWal(batch);
                batch.clear();
            }
            if ((i + 1) % PROGRESS_EVERY == 0) {
                System.err.printf("scale state: %,d / %,d members written%n", i + 1, members);
            }
        }
        return tally;
    }

    /** Members counted per territory and household size, as enrolment counts them. */
    static final class Tally {
        // Household sizes index directly (from 1); ScaleMembers draws at most as many sizes as there are amounts.
        private final long[][] counts =
                new long[ScaleGenesis.MEMBER_TERRITORIES.size()][ScaleGenesis.FOOD_CENTS_BY_HOUSEHOLD.size() + 1];
        private long members;

        void add(Entity.Member m) {
            counts[ScaleGenesis.MEMBER_TERRITORIES.indexOf(m.territory())][m.householdSize()]++;
            members++;
        }

        /** The entities of block 0 besides members: the base state, Meta counting them, one counter per class. */
        List<Entity> block0WithoutMembers(MemoryState base) {
            List<Entity> out = new ArrayList<>();
            for (Entity e : base.all()) {
                out.add(e instanceof Entity.Meta meta ? meta.withMemberCount(members) : e);
            }
            for (int t = 0; t < counts.length; t++) {
                for (int size = 1; size < counts[t].length; size++) {
                    if (counts[t][size] > 0) {
                        out.add(new Entity.EnrolmentCount(ScaleGenesis.MEMBER_TERRITORIES.get(t), size,
                                counts[t][size]));
                    }
                }
            }
            return out;
        }
    }

    /** The Merkle root of the whole state of block 0, streamed over the store in key order. */
    private static byte[] genesisRoot(RocksChainStore store) {
        StreamingRoot root = new StreamingRoot();
        store.loadState(root::add);
        return root.root();
    }

    /**
     * Opens the first epoch as block 1 through the node's block executor. It runs on the state without its
     * members, which gives the same writes: opening an epoch reads counters, never a member (the point the
     * benchmarks measure; the generator test checks conservation over every member afterwards).
     */
    private static void openFirstEpoch(RocksChainStore store, BlockHeader genesis, List<Entity> block0) {
        MemoryState withoutMembers = new MemoryState();
        withoutMembers.putAll(block0);
        long nonce = withoutMembers.nonce(ScaleGenesis.AUTHORITY);
        byte[] raw = ScaleTxs.openEpoch(ScaleGenesis.FIRST_EPOCH, nonce);
        BlockResult block = new BlockExecutor(ScaleGenesis.EPOCHS).execute(withoutMembers, genesis,
                ScaleGenesis.GENESIS_TIMESTAMP, ScaleGenesis.AUTHORITY, 1,
                List.of(ScaleTxs.ordered(ScaleGenesis.AUTHORITY, raw)));
        TxReceipt receipt = block.receipts().isEmpty() ? null : block.receipts().get(0);
        if (receipt == null || !receipt.success()) {
            throw new IllegalStateException("opening the first epoch failed: "
                    + (receipt == null ? "transaction dropped" : receipt.revertReason()));
        }
        store.storeBlock(block, RAFT_TERM, block.header().raftIndex());
    }

    private static byte[] genesisId(long members) {
        return Keccak.hash("targeted-money scale benchmark, format " + FORMAT + ", " + members + " members");
    }

    private static void writeMarker(Path dir, Summary s) {
        Properties p = new Properties();
        p.setProperty("format", Integer.toString(FORMAT));
        p.setProperty("members", Long.toString(s.members()));
        p.setProperty("stateSstBytes", Long.toString(s.stateSstBytes()));
        p.setProperty("allSstBytes", Long.toString(s.allSstBytes()));
        p.setProperty("generationMillis", Long.toString(s.generationMillis()));
        p.setProperty("genesisRoot", s.genesisRoot());
        try (Writer w = Files.newBufferedWriter(dir.resolve(MARKER), StandardCharsets.UTF_8)) {
            p.store(w, "complete scale benchmark state; delete the directory to regenerate");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The summary of a complete store of the current format in {@code dir}, or null. */
    static Summary readMarker(Path dir) {
        Path marker = dir.resolve(MARKER);
        if (!Files.isRegularFile(marker)) {
            return null;
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(marker, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!Integer.toString(FORMAT).equals(p.getProperty("format"))) {
            return null;
        }
        return new Summary(Long.parseLong(p.getProperty("members")), Long.parseLong(p.getProperty("stateSstBytes")),
                Long.parseLong(p.getProperty("allSstBytes")), Long.parseLong(p.getProperty("generationMillis")),
                p.getProperty("genesisRoot"));
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
