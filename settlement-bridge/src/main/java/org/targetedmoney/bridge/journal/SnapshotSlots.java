package org.targetedmoney.bridge.journal;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.targetedmoney.bridge.snapshot.SnapshotException;
import org.targetedmoney.bridge.store.BridgeStore;
import org.targetedmoney.bridge.store.Family;
import org.targetedmoney.bridge.store.Writes;

/**
 * Where snapshots live in {@link Family#SNAPSHOT}: two slots, so that the previous snapshot is still there if the
 * newest turns out damaged. A slot is a head ({@code 'h', slot}: journal position, chunk count, byte count) and
 * its chunks ({@code 'c', slot, index}) of at most {@link #CHUNK_BYTES} (a store value is bounded). A new snapshot
 * goes to the slot not holding the newest one, head and chunks in the caller's commit, so a slot is replaced
 * whole or not at all.
 */
final class SnapshotSlots {
    /** Bytes per stored chunk. */
    static final int CHUNK_BYTES = 16 << 20;
    static final int SLOTS = 2;
    private static final int HEAD_BYTES = 8 + 4 + 8;

    /** A slot's head: the snapshot it holds. */
    record Head(int slot, long position, int chunks, long bytes) {}

    private final BridgeStore store;

    SnapshotSlots(BridgeStore store) {
        this.store = store;
    }

    /** The committed snapshots, newest (highest journal position) first. */
    List<Head> heads() {
        return heads(key -> store.get(Family.SNAPSHOT, key));
    }

    private static List<Head> heads(Function<byte[], Optional<byte[]>> get) {
        List<Head> heads = new ArrayList<>();
        for (int slot = 0; slot < SLOTS; slot++) {
            int s = slot;
            get.apply(headKey(slot)).flatMap(v -> parse(s, v)).ifPresent(heads::add);
        }
        heads.sort(Comparator.comparingLong(Head::position).reversed().thenComparingInt(Head::slot));
        return heads;
    }

    /** The snapshot bytes of a slot, its chunks put together. */
    byte[] read(Head head) {
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(head.bytes(), Integer.MAX_VALUE - 8));
        for (int i = 0; i < head.chunks(); i++) {
            byte[] chunk = store.get(Family.SNAPSHOT, chunkKey(head.slot(), i)).orElseThrow(() ->
                    SnapshotException.corrupt("chunk missing from the snapshot in slot " + head.slot()));
            out.writeBytes(chunk);
        }
        if (out.size() != head.bytes()) {
            throw SnapshotException.corrupt("the snapshot in slot " + head.slot() + " holds " + out.size()
                    + " bytes, its head says " + head.bytes());
        }
        return out.toByteArray();
    }

    /**
     * Stages {@code bytes}, the snapshot at journal {@code position}, in the slot not holding the newest snapshot
     * (as {@code writes} would leave them). Returns false, staging nothing, if it would not fit this commit.
     */
    boolean stage(Writes writes, long position, byte[] bytes) {
        if (writes.sizeInBytes() + bytes.length + (1 << 20) > BridgeStore.MAX_COMMIT_BYTES) {
            return false;
        }
        List<Head> heads = heads(key -> writes.get(Family.SNAPSHOT, key));
        int slot = heads.size() < SLOTS ? freeSlot(heads) : heads.getLast().slot();
        int oldChunks = heads.stream().filter(h -> h.slot() == slot).mapToInt(Head::chunks).findFirst().orElse(0);
        int chunks = (bytes.length + CHUNK_BYTES - 1) / CHUNK_BYTES;
        for (int i = 0; i < chunks; i++) {
            int from = i * CHUNK_BYTES;
            writes.put(Family.SNAPSHOT, chunkKey(slot, i),
                    Arrays.copyOfRange(bytes, from, Math.min(bytes.length, from + CHUNK_BYTES)));
        }
        for (int i = chunks; i < oldChunks; i++) {
            writes.delete(Family.SNAPSHOT, chunkKey(slot, i));
        }
        writes.put(Family.SNAPSHOT, headKey(slot), ByteBuffer.allocate(HEAD_BYTES).putLong(position).putInt(chunks)
                .putLong(bytes.length).array());
        return true;
    }

    private static int freeSlot(List<Head> heads) {
        for (int slot = 0; slot < SLOTS; slot++) {
            int s = slot;
            if (heads.stream().noneMatch(h -> h.slot() == s)) {
                return slot;
            }
        }
        throw new IllegalStateException("no free snapshot slot among " + heads);
    }

    /** A head's value; empty (and the slot ignored) if it is damaged. */
    private static Optional<Head> parse(int slot, byte[] value) {
        if (value.length != HEAD_BYTES) {
            return Optional.empty();
        }
        ByteBuffer b = ByteBuffer.wrap(value);
        Head h = new Head(slot, b.getLong(), b.getInt(), b.getLong());
        boolean sane = h.position() >= 0 && h.chunks() >= 0 && h.bytes() >= 0
                && h.bytes() <= (long) h.chunks() * CHUNK_BYTES;
        return sane ? Optional.of(h) : Optional.empty();
    }

    private static byte[] headKey(int slot) {
        return new byte[] {'h', (byte) slot};
    }

    private static byte[] chunkKey(int slot, int index) {
        return ByteBuffer.allocate(6).put((byte) 'c').put((byte) slot).putInt(index).array();
    }

    /** The key of a slot's chunk (tests damage one). */
    static byte[] chunkKeyOf(int slot, int index) {
        return chunkKey(slot, index);
    }
}
