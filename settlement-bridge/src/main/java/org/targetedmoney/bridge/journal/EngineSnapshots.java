package org.targetedmoney.bridge.journal;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.targetedmoney.bridge.engine.BridgeEngine;
import org.targetedmoney.bridge.snapshot.SnapshotException;
import org.targetedmoney.bridge.snapshot.SnapshotFrame;
import org.targetedmoney.bridge.snapshot.StateReader;
import org.targetedmoney.bridge.snapshot.StateWriter;
import org.targetedmoney.bridge.store.BridgeStore;
import org.targetedmoney.bridge.store.Writes;

/**
 * Start-up without replaying the whole journal: the engine's state is saved every {@link #everyEntries()} journal
 * entries, in the same commit as the entry it follows (so a snapshot never covers an entry the journal lacks), and
 * at start-up the newest usable snapshot is restored and only the entries after it are replayed.
 *
 * <p>A snapshot is not used, with a log line, if it is damaged or truncated (CRC), of another
 * {@link SnapshotFrame#FORMAT_VERSION}, taken under another engine configuration
 * ({@link BridgeEngine#configurationFingerprint()}), or covers more entries than the journal holds; the next
 * older one is tried, then the whole journal is replayed. The journal is never shortened: it is the audit trail.
 * Not thread-safe: the writer thread takes snapshots; recovery runs before it starts.
 */
public final class EngineSnapshots {
    /**
     * Journal entries between two snapshots. An entry is one ledger read (up to {@code BridgeInput.MAX_LINES}
     * lines), a credit, a bank file, a cut: at this rate a busy bridge snapshots every few hours and replays at most
     * this many entries at start.
     */
    public static final long SNAPSHOT_EVERY_ENTRIES = 10_000;
    /** System property overriding {@link #SNAPSHOT_EVERY_ENTRIES} (tests lower it to snapshot often). */
    public static final String EVERY_ENTRIES_PROPERTY = "bridge.snapshotEveryEntries";
    private static final Logger LOG = LoggerFactory.getLogger(EngineSnapshots.class);

    /**
     * How the engine was rebuilt.
     *
     * @param engine           the engine, up to date with the journal
     * @param snapshotPosition journal entries the restored snapshot covered (0 if none was used)
     * @param replayedEntries  entries replayed after it
     * @param ignored          why newer snapshots were not used, newest first (empty if none was ignored)
     */
    public record Recovery(BridgeEngine engine, long snapshotPosition, long replayedEntries, List<String> ignored) {
        public Recovery {
            Objects.requireNonNull(engine, "engine");
            ignored = List.copyOf(ignored);
        }
    }

    private final Journal journal;
    private final SnapshotSlots slots;
    private final long everyEntries;

    /** Snapshots every {@link #everyEntries()} entries (the system property, else the constant). */
    public EngineSnapshots(BridgeStore store, Journal journal) {
        this(store, journal, everyEntries());
    }

    public EngineSnapshots(BridgeStore store, Journal journal, long everyEntries) {
        this.journal = Objects.requireNonNull(journal, "journal");
        this.slots = new SnapshotSlots(Objects.requireNonNull(store, "store"));
        if (everyEntries < 1) {
            throw new IllegalArgumentException("snapshot every " + everyEntries + " entries: must be >= 1");
        }
        this.everyEntries = everyEntries;
    }

    /** {@value #EVERY_ENTRIES_PROPERTY} if set, else {@link #SNAPSHOT_EVERY_ENTRIES}. */
    public static long everyEntries() {
        return Long.getLong(EVERY_ENTRIES_PROPERTY, SNAPSHOT_EVERY_ENTRIES);
    }

    /**
     * Rebuilds the engine: the newest usable snapshot restored into an engine from {@code fresh} (which gives a new,
     * empty engine of the current configuration at each call), then the journal entries after it applied.
     */
    public Recovery recover(Supplier<BridgeEngine> fresh) {
        List<String> ignored = new ArrayList<>();
        long journalSize = journal.size();
        for (SnapshotSlots.Head head : slots.heads()) {
            BridgeEngine engine = fresh.get();
            try {
                SnapshotFrame frame = SnapshotFrame.decode(slots.read(head));
                String unusable = unusable(frame, head, engine, journalSize);
                if (unusable != null) {
                    ignored.add(note(head, unusable));
                    continue;
                }
                engine.readState(new StateReader(frame.state()));
            } catch (SnapshotException e) {
                ignored.add(note(head, e.reason() + ": " + e.getMessage()));
                continue;
            }
            try {
                long replayed = journal.replayAfter(head.position(), engine::apply);
                return new Recovery(engine, head.position(), replayed, ignored);
            } catch (RuntimeException e) {
                // A state the entries after it cannot be applied to: trust the whole journal instead.
                ignored.add(note(head, "REPLAY_FAILED: " + e.getMessage()));
            }
        }
        BridgeEngine engine = fresh.get();
        long replayed = journal.replay(engine::apply);
        return new Recovery(engine, 0, replayed, ignored);
    }

    private static String unusable(SnapshotFrame frame, SnapshotSlots.Head head, BridgeEngine engine, long journalSize) {
        if (frame.journalPosition() != head.position()) {
            return "CORRUPT: it says journal entry " + frame.journalPosition() + ", its slot " + head.position();
        }
        if (!frame.takenUnder(engine.configurationFingerprint())) {
            return "CONFIGURATION_CHANGED: taken under another configuration (windows, mode, funding accounts, payees"
                    + " or fund rules)";
        }
        if (frame.journalPosition() > journalSize) {
            return "CORRUPT: it covers " + frame.journalPosition() + " entries, the journal holds " + journalSize;
        }
        return null;
    }

    private static String note(SnapshotSlots.Head head, String why) {
        String line = "snapshot at journal entry " + head.position() + " ignored, " + why;
        LOG.warn("{}; the journal is replayed from an older snapshot or from its start", line);
        return line;
    }

    /**
     * After journal entry {@code entry} was staged in {@code writes} and applied to {@code engine}: takes a snapshot
     * in the same commit if the entry is a multiple of {@link #everyEntries()}.
     *
     * @return whether a snapshot was staged
     */
    public boolean afterAppend(Writes writes, long entry, BridgeEngine engine) {
        return entry % everyEntries == 0 && take(writes, entry, engine);
    }

    /**
     * Takes a snapshot now (a clean close), at the journal's position as {@code writes} would leave it, unless the
     * newest snapshot is already there.
     */
    public boolean takeNow(Writes writes, BridgeEngine engine) {
        long position = journal.size(writes);
        boolean current = slots.heads().stream().findFirst().map(h -> h.position() == position).orElse(false);
        return !current && take(writes, position, engine);
    }

    private boolean take(Writes writes, long position, BridgeEngine engine) {
        long started = System.nanoTime();
        byte[] bytes;
        try {
            StateWriter out = new StateWriter();
            engine.writeState(out);
            bytes = new SnapshotFrame(position, engine.configurationFingerprint(), out.toByteArray()).encode();
        } catch (RuntimeException e) {
            // A snapshot is an optimisation: failing to take one must not fail the input it follows.
            LOG.error("snapshot at journal entry {} not taken: {}", position, e.getMessage(), e);
            return false;
        }
        if (!slots.stage(writes, position, bytes)) {
            LOG.warn("snapshot at journal entry {} not taken: {} bytes do not fit this commit", position, bytes.length);
            return false;
        }
        LOG.info("snapshot taken at journal entry {}: {} bytes in {} ms", position, bytes.length,
                (System.nanoTime() - started) / 1_000_000);
        return true;
    }

    /** Journal entries between two snapshots. */
    public long interval() {
        return everyEntries;
    }
}
