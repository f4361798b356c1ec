package org.targetedmoney.netconfig.genesis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.targetedmoney.policy.genesis.Genesis;
import org.targetedmoney.policy.model.EpochScheme;

class GenesisWriterTest {
    private final Genesis demo = GenesisFixtures.demoGenesis();

    @Test
    void toJson_demo_isCanonicalText() {
        String json = GenesisWriter.toJson(demo);
        assertThat(json).startsWith("{\n  \"format\": \"targeted-money-genesis/1\",\n  \"chainId\": 1337,\n"
                + "  \"timestamp\": \"2026-11-01T00:00:00Z\",\n  \"epoch\": {\n    \"kind\": \"MONTH\"\n  },\n")
                .endsWith("]\n}\n").doesNotContain("\r").contains("\"name\": \"Health (santé)\"");
    }

    @Test
    void toJson_invalidGenesis_isRefusedWithProblems() {
        Genesis noValidators = new Genesis(demo.chainId(), demo.timestampSeconds(), demo.epochScheme(),
                demo.purposes(), demo.territories(), demo.accounts(), demo.allowancePolicies(), List.of());
        assertThatThrownBy(() -> GenesisWriter.toJson(noValidators)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("genesis.validators: has 0 elements");
    }

    @Test
    void toJson_epochSchemeAnchoredElsewhere_isNotRepresentable() {
        EpochScheme shifted = new EpochScheme(EpochScheme.Kind.FIXED, 60, demo.timestampSeconds() + 1);
        Genesis genesis = new Genesis(demo.chainId(), demo.timestampSeconds(), shifted, demo.purposes(),
                demo.territories(), demo.accounts(), demo.allowancePolicies(), demo.validators());
        assertThatThrownBy(() -> GenesisWriter.toJson(genesis)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot be represented");
    }
}
