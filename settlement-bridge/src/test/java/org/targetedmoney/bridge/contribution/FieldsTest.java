package org.targetedmoney.bridge.contribution;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.targetedmoney.bridge.contribution.ContributionRejection.Code;

class FieldsTest {

    @ParameterizedTest
    @ValueSource(strings = {"d-2025-03-0001", "7c9e6679-7425-40de-944b-e07fc1f97ae6", "A", "x.y:z_1"})
    void id_lettersDigitsAndSeparators_accepted(String id) {
        assertThat(Fields.id("declarationId", id)).isEmpty();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"-leading", "with space", "a/b", "é", "a@b"})
    void id_outsideTheCharacterSet_invalidId(String id) {
        assertThat(Fields.id("declarationId", id)).get().satisfies(r -> {
            assertThat(r.code()).isEqualTo(Code.INVALID_ID);
            assertThat(r.field()).isEqualTo("declarationId");
        });
    }

    @Test
    void id_longerThanLimit_invalidId() {
        String id = "a".repeat(Fields.MAX_ID_LENGTH + 1);
        assertThat(Fields.id("declarationId", id)).get().satisfies(r -> assertThat(r.message())
                .isEqualTo("declarationId=\"" + id + "\": longer than " + Fields.MAX_ID_LENGTH + " characters"));
        assertThat(Fields.id("declarationId", id.substring(1))).isEmpty();
    }

    @Test
    void id_veryLong_echoIsCut() {
        String id = "b".repeat(10_000);
        assertThat(Fields.id("declarationId", id)).get().satisfies(r -> assertThat(r.message())
                .startsWith("declarationId=\"" + "b".repeat(ContributionRejection.MAX_ECHOED_CHARS) + "...(10000 chars)\""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Jeanne Dupont", "jeanne.dupont@example.org"})
    void memberRef_nameOrEmail_invalidMemberRef(String ref) {
        assertThat(Fields.memberRef("memberRef", ref)).get()
                .extracting(ContributionRejection::code).isEqualTo(Code.INVALID_MEMBER_REF);
    }

    @Test
    void memberRef_prefixedSha256_accepted() {
        assertThat(Fields.memberRef("memberRef", "sha256:" + "ab12".repeat(16))).isEmpty();
    }

    @Test
    void reference_controlCharacter_invalidReferenceEchoedEscaped() {
        assertThat(Fields.reference("reference", "ok\nnot")).get().satisfies(r -> {
            assertThat(r.code()).isEqualTo(Code.INVALID_REFERENCE);
            assertThat(r.message()).startsWith("reference=\"ok\\u000anot\"");
        });
        assertThat(Fields.reference("reference", "Arrêté n° 2025-114 — Région")).isEmpty();
        assertThat(Fields.reference("reference", " ")).isPresent();
    }
}
