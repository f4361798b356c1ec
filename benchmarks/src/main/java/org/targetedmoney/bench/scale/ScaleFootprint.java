package org.targetedmoney.bench.scale;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.targetedmoney.node.ledger.RocksChainStore;
import org.targetedmoney.policy.state.Entity;
import org.targetedmoney.policy.state.EntityCodec;
import org.targetedmoney.policy.state.MemoryState;

/**
 * What one member costs a validator: on disk (RocksDB table files of the state after compaction, and
 * the whole store directory) and in memory (the node loads the whole state into a {@link MemoryState}
 * at start), for generated stores of the given sizes. Generates missing stores first.
 *
 * <p>Run: {@code java -Xmx6g -cp benchmarks/target/benchmarks.jar
 * org.targetedmoney.bench.scale.ScaleFootprint 1000000 10000000}.
 */
public final class ScaleFootprint {
    private ScaleFootprint() {}

    public static void main(String[] args) {
        if (args.length == 0) {
            System.err.println("usage: ScaleFootprint MEMBERS... (e.g. 1000000 10000000)");
            System.exit(2);
        }
        printEncodedSizes();
        for (String a : args) {
            long n = Long.parseLong(a.replace("_", ""));
            Path dir = ScaleStateGenerator.defaultDir(n);
            ScaleStateGenerator.Summary generated = ScaleStateGenerator.ensure(dir, n);
            long directoryBytes = directoryBytes(dir);
            try (RocksChainStore store = RocksChainStore.open(dir)) {
                RocksChainStore.DiskUsage u = store.diskUsage();
                long heap = heapOfLoadedState(store);
                System.out.printf("%,d members (generated in %.0f s): state SST %,d bytes = %.1f bytes/member "
                        + "(%,d keys); all column families %,d bytes; directory %,d bytes = %.1f bytes/member; "
                        + "in memory %,d bytes = %.0f bytes/member%n", n, generated.generationMillis() / 1000.0,
                        u.stateSstBytes(), (double) u.stateSstBytes() / n, u.stateKeysEstimate(), u.allSstBytes(),
                        directoryBytes, (double) directoryBytes / n, heap, (double) heap / n);
            }
        }
    }

    /** Raw key + value bytes of a member before and after its first payment (which also adds a nonce). */
    private static void printEncodedSizes() {
        Entity.Member fresh = ScaleMembers.member(0);
        Entity.Member paid = new Entity.Member(fresh.address(), fresh.territory(), fresh.householdSize(),
                fresh.firstEpoch(), ScaleGenesis.FIRST_EPOCH, List.of(new Entity.Bucket(ScaleGenesis.FIRST_EPOCH,
                ScaleGenesis.FOOD, 10_750, ScaleGenesis.FIRST_EPOCH + ScaleGenesis.FOOD_EXPIRY_EPOCHS)));
        Entity.Nonce nonce = new Entity.Nonce(fresh.address(), 1);
        System.out.printf("encoded key+value: untouched member %d bytes; after a payment, member with one "
                + "bucket %d bytes + nonce %d bytes%n", encoded(fresh), encoded(paid), encoded(nonce));
    }

    private static int encoded(Entity e) {
        return e.key().length() + EntityCodec.encode(e).length;
    }

    private static long heapOfLoadedState(RocksChainStore store) {
        long before = ScaleNode.usedHeapAfterGc();
        MemoryState state = new MemoryState();
        store.loadState(state::put);
        long after = ScaleNode.usedHeapAfterGc();
        if (state.size() == 0) {
            throw new IllegalStateException("empty state");
        }
        return after - before;
    }

    private static long directoryBytes(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
