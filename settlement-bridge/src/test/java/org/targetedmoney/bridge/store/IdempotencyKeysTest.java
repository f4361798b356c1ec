package org.targetedmoney.bridge.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.targetedmoney.bridge.store.IdempotencyKeys.KeyCheck;
import org.targetedmoney.bridge.store.IdempotencyKeys.Lookup;

class IdempotencyKeysTest {
    private static final String SCOPE = "POST /contributions/declarations";
    private static final String KEY = "8e03978e-40d5-43e8-bc93-6894a57f9324";
    private static final byte[] BODY = Keys.utf8("{\"firm\":\"F1\",\"valueAddedCents\":100000}");
    private static final byte[] OTHER_BODY = Keys.utf8("{\"firm\":\"F1\",\"valueAddedCents\":100001}");

    @TempDir
    Path dir;

    private BridgeStore store;
    private IdempotencyKeys keys;

    @BeforeEach
    void open() {
        store = BridgeStore.open(dir);
        keys = new IdempotencyKeys(store);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private IdempotencyRecord answered(String key, byte[] body) {
        return new IdempotencyRecord(key, SCOPE, IdempotencyKeys.sha256(body), 201, "application/json",
                Keys.utf8("{\"id\":7}"));
    }

    @Test
    void lookup_unknownKey_isNew() {
        assertThat(keys.lookup(SCOPE, KEY, IdempotencyKeys.sha256(BODY))).isInstanceOf(Lookup.New.class);
    }

    @Test
    void lookup_sameKeySameBody_isAReplayOfTheFirstAnswer() {
        IdempotencyRecord first = answered(KEY, BODY);
        store.commit(w -> keys.record(w, first));

        assertThat(keys.lookup(SCOPE, KEY, IdempotencyKeys.sha256(BODY))).isEqualTo(new Lookup.Replay(first));
    }

    @Test
    void lookup_sameKeyOtherBody_isAConflict() {
        IdempotencyRecord first = answered(KEY, BODY);
        store.commit(w -> keys.record(w, first));

        assertThat(keys.lookup(SCOPE, KEY, IdempotencyKeys.sha256(OTHER_BODY))).isEqualTo(new Lookup.Conflict(first));
    }

    @Test
    void lookup_sameKeyInAnotherScope_isNew() {
        store.commit(w -> keys.record(w, answered(KEY, BODY)));

        assertThat(keys.lookup("POST /public-credits", KEY, IdempotencyKeys.sha256(BODY)))
                .isInstanceOf(Lookup.New.class);
    }

    @Test
    void lookup_afterReopen_stillReplays() {
        IdempotencyRecord first = answered(KEY, BODY);
        store.commit(w -> keys.record(w, first));
        store.close();
        store = BridgeStore.open(dir);
        keys = new IdempotencyKeys(store);

        assertThat(keys.lookup(SCOPE, KEY, IdempotencyKeys.sha256(BODY))).isEqualTo(new Lookup.Replay(first));
    }

    @Test
    void lookupThroughWrites_seesARecordStagedInTheSameCommit() {
        store.commit(w -> {
            keys.record(w, answered(KEY, BODY));
            assertThat(keys.lookup(w, SCOPE, KEY, IdempotencyKeys.sha256(BODY))).isInstanceOf(Lookup.Replay.class);
            assertThat(keys.lookup(SCOPE, KEY, IdempotencyKeys.sha256(BODY))).isInstanceOf(Lookup.New.class);
        });
    }

    @Test
    void record_keyAlreadyAnswered_isABug() {
        store.commit(w -> keys.record(w, answered(KEY, BODY)));

        assertThatThrownBy(() -> store.commit(w -> keys.record(w, answered(KEY, OTHER_BODY))))
                .isInstanceOf(IllegalStateException.class);
        assertThat(keys.lookup(SCOPE, KEY, IdempotencyKeys.sha256(BODY))).isInstanceOf(Lookup.Replay.class);
    }

    @Test
    void record_serverError_isRefused() {
        assertThatThrownBy(() -> new IdempotencyRecord(KEY, SCOPE, IdempotencyKeys.sha256(BODY), 503, "", new byte[0]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void tryBegin_sameKeyTwice_isRefusedUntilEnded() {
        assertThat(keys.tryBegin(SCOPE, KEY)).isTrue();
        assertThat(keys.tryBegin(SCOPE, KEY)).isFalse();
        assertThat(keys.tryBegin("POST /other", KEY)).isTrue();

        keys.end(SCOPE, KEY);

        assertThat(keys.tryBegin(SCOPE, KEY)).isTrue();
    }

    @Test
    void parseHeader_absent_isMissing() {
        assertThat(IdempotencyKeys.parseHeader(null)).isInstanceOf(KeyCheck.Missing.class);
    }

    @Test
    void parseHeader_bareOrQuotedUuid_isTheSameKey() {
        assertThat(IdempotencyKeys.parseHeader(KEY)).isEqualTo(new KeyCheck.Valid(KEY));
        assertThat(IdempotencyKeys.parseHeader("\"" + KEY + "\"")).isEqualTo(new KeyCheck.Valid(KEY));
    }

    @Test
    void parseHeader_quotedWithEscapes_isUnescaped() {
        assertThat(IdempotencyKeys.parseHeader("\"a\\\"b\\\\c\"")).isEqualTo(new KeyCheck.Valid("a\"b\\c"));
    }

    @Test
    void parseHeader_malformed_isInvalidWithAReason() {
        assertThat(IdempotencyKeys.parseHeader("")).isInstanceOf(KeyCheck.Invalid.class);
        assertThat(IdempotencyKeys.parseHeader("\"\"")).isInstanceOf(KeyCheck.Invalid.class);
        assertThat(IdempotencyKeys.parseHeader("\"unterminated")).isInstanceOf(KeyCheck.Invalid.class);
        assertThat(IdempotencyKeys.parseHeader("\"a\"b\"")).isInstanceOf(KeyCheck.Invalid.class);
        assertThat(IdempotencyKeys.parseHeader("\"bad \\n escape\"")).isInstanceOf(KeyCheck.Invalid.class);
        assertThat(IdempotencyKeys.parseHeader("caf\u00e9")).isEqualTo(
                new KeyCheck.Invalid("the key must be printable ASCII; character 4 is not"));
        assertThat(IdempotencyKeys.parseHeader("x".repeat(256))).isEqualTo(
                new KeyCheck.Invalid("the key must be 1..255 characters long, not 256"));
    }

    @Test
    void parseHeader_255Characters_isValid() {
        assertThat(IdempotencyKeys.parseHeader("x".repeat(255))).isInstanceOf(KeyCheck.Valid.class);
    }
}
