package org.targetedmoney.bridge.contribution;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.targetedmoney.bridge.contribution.ContributionRejection.Code;

class SirenTest {

    @ParameterizedTest
    @ValueSource(strings = {"732829320", "356000000", "111111118", "123456782"})
    void isValid_nineDigitsWithLuhnCheckDigit_true(String siren) {
        assertThat(Siren.isValid(siren)).isTrue();
        assertThat(Siren.check("firmId", siren)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"732829321", "123456789", "111111111", "356000001"})
    void isValid_wrongCheckDigit_false(String siren) {
        assertThat(Siren.isValid(siren)).isFalse();
        assertThat(Siren.check("firmId", siren)).get().satisfies(r -> {
            assertThat(r.code()).isEqualTo(Code.INVALID_FIRM_ID);
            assertThat(r.message()).isEqualTo("firmId=\"" + siren + "\": the Luhn check digit does not match");
        });
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"73282932", "7328293200", "732 829 320", "73282932O", "-32829320", "７３２８２９３２０"})
    void check_notNineAsciiDigits_invalidFirmId(String siren) {
        assertThat(Siren.isValid(siren)).isFalse();
        assertThat(Siren.check("firmId", siren)).get().satisfies(r -> {
            assertThat(r.code()).isEqualTo(Code.INVALID_FIRM_ID);
            assertThat(r.field()).isEqualTo("firmId");
            assertThat(r.message()).contains("exactly 9 digits");
        });
    }

    @Test
    void check_allZeros_invalidFirmIdThoughTheChecksumHolds() {
        assertThat(Siren.isValid("000000000")).isFalse();
        assertThat(Siren.check("firmId", "000000000")).get()
                .extracting(ContributionRejection::code).isEqualTo(Code.INVALID_FIRM_ID);
    }
}
