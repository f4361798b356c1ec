/**
 * The byte format of engine snapshots: {@link org.targetedmoney.bridge.snapshot.StateWriter} and
 * {@link org.targetedmoney.bridge.snapshot.StateReader} (big-endian primitives, length-prefixed strings, every count
 * and length checked on read), and {@link org.targetedmoney.bridge.snapshot.SnapshotFrame} (format version, the
 * journal position covered, the configuration fingerprint, CRC32C over the whole). Each component of the engine
 * writes and reads its own state with these, next to its fields; nothing here knows the engine.
 */
package org.targetedmoney.bridge.snapshot;
