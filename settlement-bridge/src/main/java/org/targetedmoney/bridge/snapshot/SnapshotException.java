package org.targetedmoney.bridge.snapshot;

/**
 * A snapshot that cannot be used: corrupt or truncated bytes, an unknown format version, or a state that breaks an
 * invariant of the component reading it. The caller drops the snapshot (and the half-read engine) and replays the
 * journal instead.
 */
public final class SnapshotException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why a snapshot is refused. */
    public enum Reason {
        /** The bytes are damaged, truncated, or hold an impossible state. */
        CORRUPT,
        /** Written by a build with another format version. */
        UNKNOWN_VERSION
    }

    private final Reason reason;

    public SnapshotException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public SnapshotException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    /** A corrupt snapshot. */
    public static SnapshotException corrupt(String message) {
        return new SnapshotException(Reason.CORRUPT, message);
    }

    /** A snapshot whose state breaks an invariant of the component restoring it. */
    public static SnapshotException corrupt(String message, Throwable cause) {
        return new SnapshotException(Reason.CORRUPT, message + ": " + cause.getMessage(), cause);
    }

    public Reason reason() {
        return reason;
    }
}
