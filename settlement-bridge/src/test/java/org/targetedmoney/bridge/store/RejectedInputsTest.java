package org.targetedmoney.bridge.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RejectedInputsTest {
    private static final Instant RECEIVED = Instant.parse("2026-04-02T08:30:00Z");
    private static final String SCOPE = "POST /bank/camt054";

    @TempDir
    Path dir;

    private BridgeStore store;
    private RejectedInputs rejected;

    @BeforeEach
    void open() {
        store = BridgeStore.open(dir);
        rejected = new RejectedInputs(store);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void keep_storesTheRefusalUnderTheNextNumberWithItsFingerprint() {
        byte[] xml = Keys.utf8("<Document><BkToCstmrDbtCdtNtfctn>");

        RejectedInput kept = rejected.keep(SCOPE, "k-1", RECEIVED, "XML_MALFORMED", "unexpected end of file", xml);

        assertThat(kept.number()).isEqualTo(1);
        assertThat(rejected.get(1)).contains(kept);
        assertThat(kept.sha256()).isEqualTo(Keys.hex(IdempotencyKeys.sha256(xml)));
        assertThat(kept.keptBytes()).isEqualTo(xml);
        assertThat(kept.complete()).isTrue();
    }

    @Test
    void keep_bigInput_keepsItsFirstBytesAndTheFullSizeAndHash() {
        byte[] big = new byte[RejectedInputs.MAX_KEPT_BYTES * 3];
        Arrays.fill(big, (byte) 'x');

        RejectedInput kept = rejected.keep(SCOPE, null, RECEIVED, "SCHEMA_VERSION", "camt.054.001.02 expected",
                big);

        assertThat(kept.keptBytes()).hasSize(RejectedInputs.MAX_KEPT_BYTES);
        assertThat(kept.sizeBytes()).isEqualTo(big.length);
        assertThat(kept.sha256()).isEqualTo(Keys.hex(IdempotencyKeys.sha256(big)));
        assertThat(kept.complete()).isFalse();
    }

    @Test
    void keep_longMessage_isCut() {
        RejectedInput kept = rejected.keep(SCOPE, null, RECEIVED, "IBAN_UNKNOWN", "m".repeat(5_000), new byte[1]);

        assertThat(kept.message()).hasSize(RejectedInputs.MAX_MESSAGE_CHARS);
    }

    @Test
    void keep_changesNothingElse() {
        rejected.keep(SCOPE, "k", RECEIVED, "AMOUNT_NEGATIVE", "amount -5", Keys.utf8("{}"));

        for (Family family : Family.values()) {
            if (family != Family.REJECTED && family != Family.META) {
                assertThat(store.scan(family, new byte[0], 10)).as(family.name()).isEmpty();
            }
        }
        assertThat(store.scan(Family.META, new byte[0], 10)).as("only the refusals' counter").hasSize(1);
    }

    @Test
    void keep_badReasonCode_isRefusedAndTakesNoNumber() {
        assertThatThrownBy(() -> rejected.keep(SCOPE, null, RECEIVED, "not snake", "m", new byte[1]))
                .isInstanceOf(IllegalArgumentException.class);

        assertThat(rejected.count()).isZero();
    }

    @Test
    void newest_listsNewestFirstBoundedAndPagesOn() {
        for (int i = 1; i <= 12; i++) {
            rejected.keep(SCOPE, "k-" + i, RECEIVED.plusSeconds(i), "DUPLICATE_MESSAGE_ID", "msg " + i, new byte[i]);
        }

        assertThat(rejected.newest(5)).extracting(RejectedInput::number).containsExactly(12L, 11L, 10L, 9L, 8L);
        assertThat(rejected.olderThan(8, 5)).extracting(RejectedInput::number).containsExactly(7L, 6L, 5L, 4L, 3L);
        assertThat(rejected.olderThan(3, 5)).extracting(RejectedInput::number).containsExactly(2L, 1L);
        assertThat(rejected.count()).isEqualTo(12);
        assertThatThrownBy(() -> rejected.newest(RejectedInputs.MAX_LIST + 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusals_surviveReopenAndNumberingGoesOn() {
        RejectedInput first = rejected.keep(SCOPE, null, RECEIVED, "XML_MALFORMED", "m", new byte[3]);
        store.close();
        store = BridgeStore.open(dir);
        rejected = new RejectedInputs(store);

        RejectedInput second = rejected.keep(SCOPE, null, RECEIVED, "XML_MALFORMED", "m", new byte[3]);

        assertThat(rejected.get(1)).contains(first);
        assertThat(second.number()).isEqualTo(2);
        assertThat(rejected.get(3)).isEmpty();
    }
}
