package org.targetedmoney.netconfig.genesis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;
import org.targetedmoney.policy.genesis.Genesis;
import org.targetedmoney.policy.genesis.Genesis.AccountSpec;
import org.targetedmoney.policy.genesis.Genesis.AllowanceSpec;
import org.targetedmoney.policy.genesis.Genesis.BodySpec;
import org.targetedmoney.policy.genesis.Genesis.PurposeSpec;
import org.targetedmoney.policy.genesis.Genesis.TariffSpec;
import org.targetedmoney.policy.model.Address;
import org.targetedmoney.policy.model.BodyKind;
import org.targetedmoney.policy.model.EpochScheme;
import org.targetedmoney.policy.model.Role;

/** Any valid genesis survives write-then-read unchanged, and no input makes the reader fail otherwise. */
class GenesisRoundTripProperties {
    private static final long LAST_4_DIGIT_YEAR_SECOND = 253_402_300_799L;

    @Property(tries = 200)
    void writeThenRead_givesEqualGenesis(@ForAll("validGenesis") Genesis genesis) throws GenesisException {
        String json = GenesisWriter.toJson(genesis);
        assertThat(GenesisReader.parse(json)).isEqualTo(genesis);
        assertThat(GenesisWriter.toJson(GenesisReader.parse(json))).isEqualTo(json);
    }

    @Property(tries = 300)
    void parse_truncatedOrSplicedDemo_failsOnlyWithGenesisException(
            @ForAll("cut") Tuple2<Integer, Integer> cut) {
        String json = GenesisFixtures.demoJson();
        int from = Math.min(cut.get1(), json.length());
        int to = Math.min(from + cut.get2(), json.length());
        String broken = json.substring(0, from) + json.substring(to);
        try {
            GenesisReader.parse(broken);
        } catch (GenesisException e) {
            assertThat(e.problems()).isNotEmpty().allSatisfy(p -> assertThat(p.path()).startsWith("genesis"));
        }
    }

    @Property(tries = 300)
    void parse_arbitraryText_failsOnlyWithGenesisException(@ForAll String text) {
        try {
            GenesisReader.parse(text);
        } catch (GenesisException e) {
            assertThat(e.problems()).isNotEmpty();
        }
    }

    @Provide
    Arbitrary<Tuple2<Integer, Integer>> cut() {
        return Combinators.combine(Arbitraries.integers().between(0, 2500), Arbitraries.integers().between(1, 40))
                .as(Tuple::of);
    }

    record RawAccount(byte[] address, Set<Role> roles, int scopeIndex, boolean labelled) {}

    record RawAllowance(int purposeIndex, List<Long> amounts, int expiry, int fromEpoch) {}

    @Provide
    Arbitrary<Genesis> validGenesis() {
        Arbitrary<Long> chainId = Arbitraries.longs().between(GenesisLimits.MIN_CHAIN_ID, GenesisLimits.MAX_CHAIN_ID);
        Arbitrary<Long> timestamp = Arbitraries.longs().between(0, LAST_4_DIGIT_YEAR_SECOND);
        Arbitrary<Long> epochSeconds = Arbitraries.longs().between(0, GenesisLimits.MAX_FIXED_EPOCH_SECONDS);
        return Combinators.combine(chainId, timestamp, epochSeconds, purposes(), territorySteps(), accounts(),
                allowances(), governance()).as(GenesisRoundTripProperties::build);
    }

    record RawBody(String name, int territoryIndex, BodyKind kind, List<Address> members, int quorumSeed) {}

    record RawTariff(int purposeIndex, String actCode, long cents) {}

    record RawGovernance(List<RawBody> bodies, List<RawTariff> tariffs) {}

    private Arbitrary<RawGovernance> governance() {
        Arbitrary<String> name = Arbitraries.strings().withCharRange(' ', '~').withChars("éèàçœ€ü\uD83C\uDF3E")
                .ofMinLength(1).ofMaxLength(GenesisLimits.MAX_BODY_NAME_CHARS)
                .filter(n -> !n.isBlank() && !hasLoneSurrogate(n));
        Arbitrary<List<Address>> members = Arbitraries.bytes().array(byte[].class).ofSize(Address.LENGTH)
                .map(Address::of).filter(a -> !a.equals(Address.ZERO))
                .list().ofMinSize(1).ofMaxSize(7).uniqueElements();
        Arbitrary<RawBody> body = Combinators.combine(name, Arbitraries.integers().between(0, 1000),
                Arbitraries.of(BodyKind.class), members, Arbitraries.integers().between(0, 1000)).as(RawBody::new);
        Arbitrary<String> actCode = Combinators.combine(Arbitraries.chars().range('A', 'Z').numeric(),
                Arbitraries.strings().withCharRange('A', 'Z').numeric().withChars("_.-").ofMaxLength(15))
                .as((first, rest) -> first + rest);
        Arbitrary<RawTariff> tariff = Combinators.combine(Arbitraries.integers().between(0, 20), actCode,
                Arbitraries.longs().between(1, GenesisLimits.MAX_TARIFF_CENTS)).as(RawTariff::new);
        return Combinators.combine(body.list().ofMaxSize(4), tariff.list().ofMaxSize(6)).as(RawGovernance::new);
    }

    /** The character generator may cut a surrogate pair; such text is not valid UTF-8 once written. */
    private static boolean hasLoneSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1)))) {
                return true;
            }
            if (Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(text.charAt(i - 1)))) {
                return true;
            }
        }
        return false;
    }

    private Arbitrary<List<PurposeSpec>> purposes() {
        Arbitrary<String> symbol = Combinators.combine(Arbitraries.chars().range('A', 'Z'),
                Arbitraries.strings().withCharRange('A', 'Z').numeric().withChars('_').ofMinLength(1).ofMaxLength(15))
                .as((first, rest) -> first + rest);
        Arbitrary<String> name = Arbitraries.strings().withCharRange(' ', '~').withChars("éèàçœ€ü")
                .ofMinLength(1).ofMaxLength(64).filter(s -> !s.isBlank());
        return Combinators.combine(symbol, name).as(PurposeSpec::new)
                .list().ofMinSize(1).ofMaxSize(12).uniqueElements(PurposeSpec::symbol);
    }

    /** Each step adds a country (parent index -1) or a child of an earlier territory. */
    private Arbitrary<List<Tuple2<Integer, String>>> territorySteps() {
        Arbitrary<String> segment = Arbitraries.strings().withCharRange('A', 'Z').ofMinLength(2).ofMaxLength(8);
        return Combinators.combine(Arbitraries.integers().between(-1, 30), segment).as(Tuple::of)
                .list().ofMinSize(1).ofMaxSize(25);
    }

    private Arbitrary<List<RawAccount>> accounts() {
        Arbitrary<Set<Role>> roles = Arbitraries.of(AccountsParser.GRANTABLE_IN_GENESIS).set().ofMaxSize(3);
        return Combinators.combine(Arbitraries.bytes().array(byte[].class).ofSize(Address.LENGTH), roles,
                        Arbitraries.integers().between(0, 1000), Arbitraries.of(true, false)).as(RawAccount::new)
                .list().ofMinSize(2).ofMaxSize(8).uniqueElements(a -> HexFormat.of().formatHex(a.address()));
    }

    private Arbitrary<List<RawAllowance>> allowances() {
        Arbitrary<List<Long>> amounts = Arbitraries.longs().between(0, GenesisLimits.MAX_ALLOWANCE_CENTS)
                .list().ofMinSize(1).ofMaxSize(GenesisLimits.MAX_HOUSEHOLD_SIZES);
        return Combinators.combine(Arbitraries.integers().between(0, 20), amounts,
                        Arbitraries.integers().between(GenesisLimits.MIN_EXPIRY_EPOCHS, GenesisLimits.MAX_EXPIRY_EPOCHS),
                        Arbitraries.integers().between(0, Integer.MAX_VALUE)).as(RawAllowance::new)
                .list().ofMaxSize(6);
    }

    private static Genesis build(long chainId, long timestamp, long epochSeconds, List<PurposeSpec> purposes,
                                 List<Tuple2<Integer, String>> steps, List<RawAccount> raw,
                                 List<RawAllowance> rawAllowances, RawGovernance governance) {
        EpochScheme scheme = epochSeconds == 0 ? EpochScheme.monthly(timestamp)
                : new EpochScheme(EpochScheme.Kind.FIXED, epochSeconds, timestamp);
        List<String> territories = territories(steps);
        List<AccountSpec> accounts = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            Set<Role> roles = EnumSet.noneOf(Role.class);
            roles.addAll(raw.get(i).roles());
            roles.add(i == 0 ? Role.AUTHORITY : i == 1 ? Role.REGISTRAR : Role.VALIDATOR);
            if (i == raw.size() - 1) {
                roles.add(Role.VALIDATOR); // a genesis needs at least one validator
            }
            String scope = roles.contains(Role.COMMITTEE)
                    ? territories.get(raw.get(i).scopeIndex() % territories.size()) : null;
            accounts.add(new AccountSpec(Address.of(raw.get(i).address()), List.copyOf(roles), scope,
                    raw.get(i).labelled() ? "account-" + i : null));
        }
        List<Address> validators = accounts.stream().filter(a -> a.roles().contains(Role.VALIDATOR))
                .map(AccountSpec::address).toList();
        List<AllowanceSpec> allowances = new ArrayList<>();
        Set<String> covered = new HashSet<>();
        for (RawAllowance a : rawAllowances) {
            String purpose = purposes.get(a.purposeIndex() % purposes.size()).symbol();
            if (covered.add(purpose)) {
                allowances.add(new AllowanceSpec(purpose, a.amounts(), a.expiry(), a.fromEpoch()));
            }
        }
        return new Genesis(chainId, timestamp, scheme, purposes, territories, accounts, allowances, validators,
                bodies(governance.bodies(), territories), tariffs(governance.tariffs(), purposes));
    }

    private static List<BodySpec> bodies(List<RawBody> raw, List<String> territories) {
        return raw.stream().map(b -> new BodySpec(b.name(), territories.get(b.territoryIndex() % territories.size()),
                b.kind(), b.members(), 1 + b.quorumSeed() % b.members().size())).toList();
    }

    private static List<TariffSpec> tariffs(List<RawTariff> raw, List<PurposeSpec> purposes) {
        List<TariffSpec> tariffs = new ArrayList<>();
        Set<String> acts = new HashSet<>();
        for (RawTariff t : raw) {
            String purpose = purposes.get(t.purposeIndex() % purposes.size()).symbol();
            if (acts.add(purpose + " " + t.actCode())) {
                tariffs.add(new TariffSpec(purpose, t.actCode(), t.cents()));
            }
        }
        return tariffs;
    }

    private static List<String> territories(List<Tuple2<Integer, String>> steps) {
        List<String> codes = new ArrayList<>();
        for (Tuple2<Integer, String> step : steps) {
            String code = step.get1() < 0 || codes.isEmpty() ? step.get2().substring(0, 2)
                    : codes.get(step.get1() % codes.size()) + "-" + step.get2();
            if (code.length() <= GenesisLimits.MAX_TERRITORY_CHARS && !codes.contains(code)) {
                codes.add(code);
            }
        }
        return codes;
    }
}
