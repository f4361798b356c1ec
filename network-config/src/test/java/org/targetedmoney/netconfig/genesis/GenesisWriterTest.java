package org.targetedmoney.netconfig.genesis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.targetedmoney.policy.genesis.Genesis;
import org.targetedmoney.policy.genesis.GenesisState;
import org.targetedmoney.policy.model.EpochScheme;
import org.targetedmoney.policy.model.Role;
import org.targetedmoney.policy.state.StateRoots;

class GenesisWriterTest {
    /** The fixture demo genesis as written before bodies and tariffs were added to the format. */
    private static final String BEFORE_BODIES = "/genesis/demo-before-bodies.json";
    /**
     * The state root of block 0 of that genesis: bodies and tariffs must not change it. (It changed once, on
     * purpose, when purposes gained a category count and conventions a category list: the state encoding is
     * not frozen before the first release, and README says data directories must then be recreated.)
     */
    private static final String BEFORE_BODIES_STATE_ROOT =
            "dfcde52534514b05733dffa104b700ab19210ee736d340d00c27f2fbda546eee";

    private final Genesis demo = GenesisFixtures.demoGenesis();

    private static String resource(String name) throws IOException {
        try (InputStream in = GenesisWriterTest.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /**
     * A node identifies its chain by the hash of this text and refuses a data directory made from another: a
     * genesis without bodies or tariffs must keep the bytes, and block 0 the state, it had before they existed.
     * The demo's accounts of that time are kept: the settlement bridge's account came later (its own change of
     * content, not of format), and leaving it out keeps this pin a check that the encodings did not move.
     */
    @Test
    void toJson_withoutBodiesOrTariffs_isByteIdenticalToTheFormatBeforeThem() throws Exception {
        String before = resource(BEFORE_BODIES);
        Genesis withoutBodies = new Genesis(demo.chainId(), demo.timestampSeconds(), demo.epochScheme(),
                demo.purposes(), demo.territories(),
                demo.accounts().stream().filter(a -> !a.roles().contains(Role.BRIDGE)).toList(),
                demo.allowancePolicies(), demo.validators());

        assertThat(GenesisWriter.toJson(withoutBodies)).isEqualTo(before);
        assertThat(GenesisReader.parse(before)).isEqualTo(withoutBodies);
        assertThat(HexFormat.of().formatHex(StateRoots.root(GenesisState.entities(withoutBodies))))
                .isEqualTo(BEFORE_BODIES_STATE_ROOT);
    }

    @Test
    void toJson_bodiesAfterAccounts_tariffsAfterAllowances_andReadBackEqual() throws GenesisException {
        String json = GenesisWriter.toJson(demo);

        assertThat(json.indexOf("\"accounts\"")).isLessThan(json.indexOf("\"bodies\""));
        assertThat(json.indexOf("\"bodies\"")).isLessThan(json.indexOf("\"allowancePolicies\""));
        assertThat(json.indexOf("\"allowancePolicies\"")).isLessThan(json.indexOf("\"tariffs\""));
        assertThat(json.indexOf("\"tariffs\"")).isLessThan(json.indexOf("\"validators\""));
        assertThat(json).contains("      \"kind\": \"LOCAL\",\n");
        assertThat(GenesisReader.parse(json)).isEqualTo(demo);
        assertThat(demo.bodies()).hasSize(2);
        assertThat(demo.tariffs()).hasSize(4);
    }

    @Test
    void toJson_invalidBody_isRefusedWithItsPath() {
        Genesis.BodySpec national = demo.bodies().get(0);
        Genesis badQuorum = demo.withBodiesAndTariffs(List.of(new Genesis.BodySpec(national.name(),
                national.territory(), national.kind(), national.members(), 4)), demo.tariffs());
        assertThatThrownBy(() -> GenesisWriter.toJson(badQuorum)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("genesis.bodies[0].quorum: quorum 4 is outside 1 to 3");
    }

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
