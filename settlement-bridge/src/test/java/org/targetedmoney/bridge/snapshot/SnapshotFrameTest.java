package org.targetedmoney.bridge.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;

class SnapshotFrameTest {
    static final byte[] FINGERPRINT = new byte[SnapshotFrame.FINGERPRINT_BYTES];
    static final byte[] STATE = new StateWriter().section("engine").longValue(42).string("état").toByteArray();

    static {
        Arrays.fill(FINGERPRINT, (byte) 7);
    }

    @Test
    void decode_encodedFrame_givesItBack() {
        SnapshotFrame frame = new SnapshotFrame(1_234, FINGERPRINT, STATE);

        assertThat(SnapshotFrame.decode(frame.encode())).isEqualTo(frame);
        assertThat(frame.takenUnder(FINGERPRINT.clone())).isTrue();
    }

    @Test
    void decode_anyTruncation_refusedAsCorrupt() {
        byte[] bytes = new SnapshotFrame(1, FINGERPRINT, STATE).encode();
        for (int length = 0; length < bytes.length; length++) {
            byte[] truncated = Arrays.copyOf(bytes, length);
            assertThatThrownBy(() -> SnapshotFrame.decode(truncated)).as("truncated to %d bytes", length)
                    .isInstanceOfSatisfying(SnapshotException.class,
                            e -> assertThat(e.reason()).isEqualTo(SnapshotException.Reason.CORRUPT));
        }
    }

    @Test
    void decode_anyFlippedBit_refusedAsCorrupt() {
        byte[] bytes = new SnapshotFrame(1, FINGERPRINT, STATE).encode();
        for (int i = 0; i < bytes.length * 8; i++) {
            byte[] damaged = bytes.clone();
            damaged[i / 8] ^= (byte) (1 << (i % 8));
            assertThatThrownBy(() -> SnapshotFrame.decode(damaged)).as("bit %d flipped", i)
                    .isInstanceOfSatisfying(SnapshotException.class,
                            e -> assertThat(e.reason()).isEqualTo(SnapshotException.Reason.CORRUPT));
        }
    }

    @Test
    void decode_otherFormatVersion_refusedAsUnknownVersion() {
        byte[] bytes = new SnapshotFrame(1, FINGERPRINT, STATE).encode();
        ByteBuffer.wrap(bytes).putInt(8, SnapshotFrame.FORMAT_VERSION + 1);
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, bytes.length - 4);
        ByteBuffer.wrap(bytes).putInt(bytes.length - 4, (int) crc.getValue()); // a well-formed frame of a newer build

        assertThatThrownBy(() -> SnapshotFrame.decode(bytes))
                .isInstanceOfSatisfying(SnapshotException.class,
                        e -> assertThat(e.reason()).isEqualTo(SnapshotException.Reason.UNKNOWN_VERSION))
                .hasMessageContaining("format version " + (SnapshotFrame.FORMAT_VERSION + 1));
    }

    @Test
    void stateReader_countBeyondTheBytesLeft_refusedBeforeAllocating() {
        StateReader in = new StateReader(new StateWriter().intValue(Integer.MAX_VALUE - 1).toByteArray());

        assertThatThrownBy(() -> in.count(Integer.MAX_VALUE, 1, "lines"))
                .isInstanceOf(SnapshotException.class).hasMessageContaining("count of lines");
    }

    @Test
    void hexOrString_givesBackTheVeryText() {
        for (String text : new String[] {"0x00ab", "0xAB", "0x", "0xabc", "plain", "", "0x" + "f".repeat(64)}) {
            byte[] bytes = new StateWriter().hexOrString(text).toByteArray();
            assertThat(new StateReader(bytes).hexOrString(4_096)).isEqualTo(text);
        }
    }
}
