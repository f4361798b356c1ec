package org.targetedmoney.netconfig.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;
import org.targetedmoney.netconfig.genesis.GenesisException;
import org.targetedmoney.netconfig.genesis.GenesisReader;
import org.targetedmoney.netconfig.genesis.GenesisWriter;
import org.targetedmoney.netconfig.json.ConfigException;
import org.targetedmoney.netconfig.json.Problem;
import org.targetedmoney.policy.genesis.Genesis;
import org.targetedmoney.policy.model.Address;
import org.targetedmoney.policy.model.BodyKind;
import org.targetedmoney.policy.model.EpochScheme;
import org.targetedmoney.policy.model.Role;

class DemoNetworkTest {
    private static final Instant NOVEMBER_2026 = Instant.parse("2026-11-01T00:00:00Z");

    private static DemoNetwork.Demo seeded(String seed, Long epochSeconds) {
        return DemoNetwork.generate(new DemoNetwork.Options(1337, NOVEMBER_2026, epochSeconds, seed));
    }

    @Test
    void generate_demoGenesis_validatesAndRoundTrips() throws GenesisException {
        Genesis genesis = seeded("s", null).genesis();
        assertThat(GenesisReader.parse(GenesisWriter.toJson(genesis))).isEqualTo(genesis);
        assertThat(genesis.purposes()).extracting(Genesis.PurposeSpec::symbol).containsExactly(
                "HEALTH", "FOOD", "HOUSING", "ENERGY", "WATER", "TRANSPORT", "CULTURE", "TRAINING");
        assertThat(genesis.territories()).containsExactly(
                "FR", "FR-OCC", "FR-OCC-34", "FR-OCC-34-172", "FR-OCC-34-142", "FR-IDF", "FR-IDF-75");
        assertThat(genesis.allowancePolicies()).containsExactly(
                new Genesis.AllowanceSpec("FOOD", java.util.List.of(15_000L, 25_000L, 32_000L, 38_000L), 3, 682),
                new Genesis.AllowanceSpec("CULTURE", java.util.List.of(3_000L), 6, 682));
    }

    @Test
    void generate_genesisAccounts_holdRolesAndMembersAreOnlyInKeys() {
        DemoNetwork.Demo demo = seeded("s", null);
        assertThat(demo.genesis().accounts()).extracting(Genesis.AccountSpec::label)
                .containsExactly("authority", "registrar", "food-committee-herault", "auditor", "validator-1",
                        "bridge");
        assertThat(demo.genesis().accounts().get(5).roles()).containsExactly(Role.BRIDGE);
        assertThat(demo.genesis().accounts().get(2).roles()).containsExactly(Role.COMMITTEE);
        assertThat(demo.genesis().accounts().get(2).scopeTerritory()).isEqualTo("FR-OCC-34");
        assertThat(demo.genesis().validators()).containsExactly(demo.keys().byLabel("validator-1").address());
        assertThat(demo.keys().ofKind(DemoKeys.Kind.MEMBER)).extracting(DemoKeys.Account::label)
                .containsExactly("alice", "bob", "chloe");
        assertThat(demo.keys().ofKind(DemoKeys.Kind.PROVIDER)).extracting(DemoKeys.Account::label)
                .containsExactly("biocoop-montpellier", "pharmacie-lodeve", "supermarket-paris", "medecin-sete");
    }

    @Test
    void generate_bodiesAreRunByDemoKeys_andHealthHasATariffSchedule() {
        DemoNetwork.Demo demo = seeded("s", null);
        List<Genesis.BodySpec> bodies = demo.genesis().bodies();
        assertThat(bodies).extracting(Genesis.BodySpec::kind, Genesis.BodySpec::territory, Genesis.BodySpec::quorum)
                .containsExactly(tuple(BodyKind.NATIONAL, "FR", 2), tuple(BodyKind.LOCAL, "FR-OCC-34", 2));
        assertThat(bodies.get(0).members()).containsExactly(demo.keys().byLabel("national-1").address(),
                demo.keys().byLabel("national-2").address(), demo.keys().byLabel("national-3").address());
        assertThat(bodies.get(1).members()).containsExactly(demo.keys().byLabel("herault-1").address(),
                demo.keys().byLabel("herault-2").address(), demo.keys().byLabel("herault-3").address());
        assertThat(demo.keys().ofKind(DemoKeys.Kind.BODY_MEMBER)).extracting(DemoKeys.Account::label).containsExactly(
                "national-1", "national-2", "national-3", "herault-1", "herault-2", "herault-3");
        assertThat(demo.genesis().tariffs()).extracting(Genesis.TariffSpec::purposeSymbol).containsOnly("HEALTH");
        assertThat(demo.genesis().tariffs()).contains(new Genesis.TariffSpec("HEALTH", "G", 2_650));
    }

    @Test
    void demoKeys_bodyMemberKind_isWrittenWithADash() throws ConfigException {
        DemoKeys keys = seeded("s", null).keys();
        assertThat(keys.toJson()).contains("\"kind\": \"body-member\"").doesNotContain("body_member");
        assertThat(DemoKeys.parse(keys.toJson()).byLabel("herault-1").kind()).isEqualTo(DemoKeys.Kind.BODY_MEMBER);
    }

    @Test
    void generate_sameSeed_sameKeysAndGenesis_otherSeedOtherKeys() {
        assertThat(seeded("demo", null)).isEqualTo(seeded("demo", null));
        assertThat(seeded("demo", null).keys().byLabel("alice").address())
                .isNotEqualTo(seeded("demo2", null).keys().byLabel("alice").address());
    }

    @Test
    void generate_seededKey_isSha256OfSeedAndLabel() throws Exception {
        byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                .digest("demoalice".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(seeded("demo", null).keys().byLabel("alice").privateKey())
                .isEqualTo("0x" + java.util.HexFormat.of().formatHex(digest));
    }

    @Test
    void generate_withoutSeed_keysAreRandomAndDistinct() {
        DemoNetwork.Demo a = seeded(null, null);
        DemoNetwork.Demo b = seeded(null, null);
        assertThat(a.keys().byLabel("alice").address()).isNotEqualTo(b.keys().byLabel("alice").address());
        assertThat(a.keys().accounts()).extracting(DemoKeys.Account::address).doesNotHaveDuplicates();
    }

    @Test
    void generate_fixedEpochs_policiesStartAtEpochZero() {
        Genesis genesis = seeded("s", 60L).genesis();
        assertThat(genesis.epochScheme()).isEqualTo(new EpochScheme(EpochScheme.Kind.FIXED, 60, genesis.timestampSeconds()));
        assertThat(genesis.allowancePolicies()).allSatisfy(p -> assertThat(p.effectiveFromEpoch()).isZero());
    }

    @Test
    void startOfMonthUtc_isFirstInstantOfTheUtcMonth() {
        Clock clock = Clock.fixed(Instant.parse("2026-11-30T23:30:00Z"), ZoneId.of("Pacific/Kiritimati"));
        assertThat(DemoNetwork.startOfMonthUtc(clock)).isEqualTo(NOVEMBER_2026);
    }

    @Test
    void demoKeys_toJsonThenParse_roundTripsAndMatchesAddresses() throws ConfigException {
        DemoKeys keys = seeded("s", null).keys();
        DemoKeys parsed = DemoKeys.parse(keys.toJson());
        assertThat(parsed).isEqualTo(keys);
        DemoKeys.Account alice = parsed.byLabel("alice");
        assertThat(Address.fromHex(alice.credentials().getAddress())).isEqualTo(alice.address());
    }

    @Test
    void demoKeys_toString_hidesPrivateKeys() {
        DemoKeys keys = seeded("s", null).keys();
        String key = keys.byLabel("alice").privateKey();
        assertThat(keys.toString()).doesNotContain(key.substring(2)).contains("privateKey=<hidden>");
    }

    @Test
    void demoKeys_byUnknownLabel_namesKnownLabels() {
        assertThatThrownBy(() -> seeded("s", null).keys().byLabel("alicia"))
                .isInstanceOf(NoSuchElementException.class)
                .hasMessageContaining("no demo account \"alicia\" (known: authority, registrar,");
    }

    @Test
    void demoKeys_addressNotOfItsKey_isRefusedWithPath() {
        DemoKeys keys = seeded("s", null).keys();
        String json = keys.toJson().replace(keys.byLabel("bob").address().toHex(), "0x" + "11".repeat(20));
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> DemoKeys.parse(json));
        assertThat(e.problems()).extracting(Problem::toString)
                .containsExactly("demoKeys.accounts[6].address: 0x1111111111111111111111111111111111111111"
                        + " is not the address of this privateKey");
    }

    @Test
    void demoKeys_badKeyAndKind_areRefusedWithoutEchoingTheKey() {
        String json = "{\"chainId\": 1, \"accounts\": [{\"label\": \"x\", \"address\": \"0x" + "11".repeat(20)
                + "\", \"privateKey\": \"0x" + "ff".repeat(32) + "\", \"kind\": \"boss\"}]}";
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> DemoKeys.parse(json));
        assertThat(e.problems()).extracting(Problem::path)
                .containsExactly("demoKeys.accounts[0].kind", "demoKeys.accounts[0].privateKey");
        assertThat(e.getMessage()).doesNotContain("ff".repeat(32));
    }
}
