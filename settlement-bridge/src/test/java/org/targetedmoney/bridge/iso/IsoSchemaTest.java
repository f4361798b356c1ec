package org.targetedmoney.bridge.iso;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class IsoSchemaTest {

    @Test
    void requireValid_documentBreakingTheSchema_throwsNamingTheErrorAndItsPosition() {
        String valid = new String(IsoFixtures.written(IsoFixtures.file(IsoFixtures.NURSE)), StandardCharsets.UTF_8);
        byte[] broken = IsoFixtures.utf8(valid.replace("<ChrgBr>SLEV</ChrgBr>", "<ChrgBr>NONE</ChrgBr>"));

        assertThat(IsoSchema.PAIN_001_001_09.firstError(broken)).hasValueSatisfying(error ->
                assertThat(error).startsWith("line ").contains("NONE"));
        assertThatThrownBy(() -> IsoSchema.PAIN_001_001_09.requireValid(broken, "pain.001 file X"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("pain.001 file X").hasMessageContaining("pain.001.001.09.xsd")
                .hasMessageContaining("NONE");
    }

    @Test
    void firstError_otherMessageVersion_isReported() {
        byte[] pain001 = IsoFixtures.written(IsoFixtures.file(IsoFixtures.NURSE));
        assertThat(IsoSchema.PAIN_002_001_10.firstError(pain001)).isPresent();
    }
}
