package org.targetedmoney.bridge.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.StringLength;

class KeysProperties {

    @Property
    void numberKeys_sortAsTheNumbers(@ForAll @LongRange(min = 0) long a, @ForAll @LongRange(min = 0) long b) {
        assertThat(Integer.signum(Arrays.compareUnsigned(Keys.ofNumber(a), Keys.ofNumber(b))))
                .isEqualTo(Long.signum(Long.compare(a, b)));
    }

    @Property
    void longs_roundTrip(@ForAll long value) {
        assertThat(Keys.toLong(Keys.ofLong(value))).isEqualTo(value);
    }

    @Property
    void compositeKeys_withTheSameFirstPart_shareItsPrefixAndNoOtherDoes(
            @ForAll @AlphaChars @StringLength(min = 1, max = 20) String first,
            @ForAll @AlphaChars @StringLength(min = 1, max = 20) String other,
            @ForAll @AlphaChars @StringLength(max = 20) String second) {
        assertThat(Keys.startsWith(Keys.of(first, second), Keys.prefix(first))).isTrue();
        assertThat(Keys.startsWith(Keys.of(other, second), Keys.prefix(first))).isEqualTo(other.equals(first));
    }

    @Property
    void prefixEnd_isAboveEveryKeyWithThePrefix(
            @ForAll @StringLength(min = 1, max = 10) @AlphaChars String prefix,
            @ForAll @StringLength(max = 10) String rest) {
        byte[] p = Keys.utf8(prefix);
        byte[] key = Keys.concat(p, Keys.utf8(rest));
        assertThat(Arrays.compareUnsigned(key, Keys.prefixEnd(p))).isNegative();
    }
}
