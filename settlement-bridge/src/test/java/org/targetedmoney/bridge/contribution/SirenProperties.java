package org.targetedmoney.bridge.contribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class SirenProperties {

    /** Luhn computed the textbook way (sum of doubled digits' digits), independently of {@link Siren}. */
    static String withCheckDigit(String eightDigits) {
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            int d = eightDigits.charAt(7 - i) - '0';
            int doubled = i % 2 == 0 ? d * 2 : d;
            sum += doubled / 10 + doubled % 10;
        }
        return eightDigits + (10 - sum % 10) % 10;
    }

    @Property
    void isValid_everyEightDigitPrefix_exactlyOneCheckDigitPasses(@ForAll @IntRange(min = 1, max = 99_999_999) int prefix) {
        String eight = String.format("%08d", prefix);
        long passing = IntStream.range(0, 10).filter(d -> Siren.isValid(eight + d)).count();
        assertThat(passing).isEqualTo(1);
        assertThat(Siren.isValid(withCheckDigit(eight))).isTrue();
    }

    @Property
    void isValid_oneDigitChanged_false(@ForAll @IntRange(min = 1, max = 99_999_999) int prefix,
                                       @ForAll @IntRange(min = 0, max = 8) int position,
                                       @ForAll @IntRange(min = 1, max = 9) int shift) {
        char[] siren = withCheckDigit(String.format("%08d", prefix)).toCharArray();
        siren[position] = (char) ('0' + (siren[position] - '0' + shift) % 10);
        // Luhn detects every single-digit error.
        assertThat(Siren.isValid(new String(siren))).isFalse();
    }
}
