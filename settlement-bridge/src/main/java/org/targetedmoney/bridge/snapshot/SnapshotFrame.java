package org.targetedmoney.bridge.snapshot;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import java.util.zip.CRC32C;

/**
 * A stored snapshot: the engine's state with what it needs to be trusted. Layout (big-endian):
 * <ol>
 *   <li>8 bytes magic {@code "TMSNAP\0\1"};</li>
 *   <li>4-byte {@linkplain #FORMAT_VERSION format version} of the state encoding;</li>
 *   <li>8-byte journal position: the number of journal entries the state has applied;</li>
 *   <li>32-byte configuration fingerprint (SHA-256 of what the engine was built with);</li>
 *   <li>4-byte state length, then the state ({@link StateWriter});</li>
 *   <li>4-byte CRC32C of every byte before it.</li>
 * </ol>
 * {@link #decode} refuses anything damaged, truncated or of another version; it never returns part of a state.
 *
 * @param journalPosition journal entries covered (the next entry to replay is {@code journalPosition + 1})
 * @param fingerprint     the engine configuration's fingerprint, 32 bytes
 * @param state           the engine's state
 */
public record SnapshotFrame(long journalPosition, byte[] fingerprint, byte[] state) {
    /**
     * Version of the state encoding: bump it whenever any component's {@code writeState} changes (a field added,
     * removed or encoded differently). A snapshot of another version is ignored and the journal replayed in full.
     */
    public static final int FORMAT_VERSION = 2;
    /** Largest state accepted (the store splits it into chunks; the whole must fit one commit). */
    public static final int MAX_STATE_BYTES = 1 << 30;
    public static final int FINGERPRINT_BYTES = 32;

    private static final byte[] MAGIC = {'T', 'M', 'S', 'N', 'A', 'P', 0, 1};
    private static final int HEADER_BYTES = MAGIC.length + 4 + 8 + FINGERPRINT_BYTES + 4;
    private static final int CRC_BYTES = 4;

    public SnapshotFrame {
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(state, "state");
        if (journalPosition < 0 || fingerprint.length != FINGERPRINT_BYTES || state.length > MAX_STATE_BYTES) {
            throw new IllegalArgumentException("snapshot frame: position " + journalPosition + ", fingerprint of "
                    + fingerprint.length + " bytes, state of " + state.length + " bytes");
        }
    }

    /** The frame's bytes. */
    public byte[] encode() {
        ByteBuffer buf = ByteBuffer.allocate(HEADER_BYTES + state.length + CRC_BYTES);
        buf.put(MAGIC).putInt(FORMAT_VERSION).putLong(journalPosition).put(fingerprint).putInt(state.length).put(state);
        CRC32C crc = new CRC32C();
        crc.update(buf.array(), 0, buf.position());
        buf.putInt((int) crc.getValue());
        return buf.array();
    }

    /**
     * The frame in {@code bytes}.
     *
     * @throws SnapshotException CORRUPT if the bytes are truncated, damaged (CRC) or not a snapshot;
     *                           UNKNOWN_VERSION if written by a build with another {@link #FORMAT_VERSION}
     */
    public static SnapshotFrame decode(byte[] bytes) {
        if (bytes.length < HEADER_BYTES + CRC_BYTES || !Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw SnapshotException.corrupt("not a snapshot (" + bytes.length + " bytes, no snapshot header)");
        }
        ByteBuffer buf = ByteBuffer.wrap(bytes);
        buf.position(MAGIC.length);
        int version = buf.getInt();
        long position = buf.getLong();
        byte[] fingerprint = new byte[FINGERPRINT_BYTES];
        buf.get(fingerprint);
        int length = buf.getInt();
        if (length < 0 || (long) HEADER_BYTES + length + CRC_BYTES != bytes.length) {
            throw SnapshotException.corrupt("truncated or damaged: the header announces " + length
                    + " bytes of state, the snapshot holds " + (bytes.length - HEADER_BYTES - CRC_BYTES));
        }
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, bytes.length - CRC_BYTES);
        int stored = ByteBuffer.wrap(bytes, bytes.length - CRC_BYTES, CRC_BYTES).getInt();
        if (stored != (int) crc.getValue()) {
            throw SnapshotException.corrupt("damaged: CRC32C " + Integer.toHexString((int) crc.getValue())
                    + " of the bytes is not the stored " + Integer.toHexString(stored));
        }
        if (version != FORMAT_VERSION) {
            throw new SnapshotException(SnapshotException.Reason.UNKNOWN_VERSION, "format version " + version
                    + ", this build reads " + FORMAT_VERSION);
        }
        if (position < 0) {
            throw SnapshotException.corrupt("journal position " + position);
        }
        return new SnapshotFrame(position, fingerprint, Arrays.copyOfRange(bytes, HEADER_BYTES, HEADER_BYTES + length));
    }

    /** Whether this frame was taken under the configuration with {@code fingerprint}. */
    public boolean takenUnder(byte[] otherFingerprint) {
        return Arrays.equals(fingerprint, otherFingerprint);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SnapshotFrame f && journalPosition == f.journalPosition
                && Arrays.equals(fingerprint, f.fingerprint) && Arrays.equals(state, f.state);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(journalPosition) * 31 + Arrays.hashCode(state);
    }

    @Override
    public String toString() {
        return "SnapshotFrame[position " + journalPosition + ", fingerprint "
                + HexFormat.of().formatHex(fingerprint, 0, 8) + "..., " + state.length + " bytes]";
    }
}
