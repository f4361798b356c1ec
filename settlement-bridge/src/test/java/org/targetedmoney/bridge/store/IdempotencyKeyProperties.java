package org.targetedmoney.bridge.store;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.StringLength;
import org.targetedmoney.bridge.store.IdempotencyKeys.KeyCheck;

class IdempotencyKeyProperties {

    /** The structured-field form of {@code key}: quoted, with '"' and '\' escaped. */
    private static String quoted(String key) {
        return "\"" + key.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    @Property
    void anyPrintableKey_quoted_readsBackAsItself(
            @ForAll @StringLength(min = 1, max = 255) @CharRange(from = ' ', to = '~') String key) {
        assertThat(IdempotencyKeys.parseHeader(quoted(key))).isEqualTo(new KeyCheck.Valid(key));
    }

    @Property
    void anyPrintableToken_bare_readsBackAsItself(
            @ForAll @StringLength(min = 1, max = 255) @CharRange(from = '!', to = '~') String token) {
        KeyCheck check = IdempotencyKeys.parseHeader(token);
        if (!token.startsWith("\"")) {
            assertThat(check).isEqualTo(new KeyCheck.Valid(token));
        } else {
            assertThat(check).isNotEqualTo(new KeyCheck.Missing());
        }
    }

    /** Inside the key: at its ends a space or tab is HTTP's optional whitespace, trimmed. */
    @Property
    void anyKeyWithAControlCharacterInside_isInvalid(
            @ForAll @StringLength(min = 1, max = 100) @CharRange(from = 'a', to = 'z') String head,
            @ForAll @CharRange(from = '\u0000', to = '\u001f') char control,
            @ForAll @StringLength(min = 1, max = 100) @CharRange(from = 'a', to = 'z') String tail) {
        assertThat(IdempotencyKeys.parseHeader(head + control + tail)).isInstanceOf(KeyCheck.Invalid.class);
    }
}
