package org.targetedmoney.netconfig.demo;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.targetedmoney.netconfig.demo.DemoKeys.Kind;
import org.targetedmoney.netconfig.genesis.GenesisWriter;
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
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Keys;
import org.web3j.utils.Numeric;

/**
 * The demo network: a food social security pilot in Hérault (Montpellier, Lodève) and a Paris provider
 * outside its territory, so a demo can show both an accepted and a refused payment. Programmes can also be run
 * by governance bodies: a national body and the SSA committee of Hérault, whose members' keys are in the keys
 * file, and health at 100 % pays claims against a small tariff schedule. This is the programme {@code all} of
 * {@link Programmes}; the others (ssa, health, universal, mutualist) each make a demo genesis of one programme.
 */
public final class DemoNetwork {
    public static final long DEFAULT_CHAIN_ID = 1337;
    public static final String GENESIS_FILE = "genesis.json";
    public static final String KEYS_FILE = "demo-keys.json";

    public static final List<PurposeSpec> PURPOSES = List.of(
            new PurposeSpec("HEALTH", "Health (santé)"),
            new PurposeSpec("FOOD", "Food (alimentation)"),
            new PurposeSpec("HOUSING", "Low-energy housing (logement)"),
            new PurposeSpec("ENERGY", "Renewable energy (énergie)"),
            new PurposeSpec("WATER", "Water (eau)"),
            new PurposeSpec("TRANSPORT", "Low-carbon transport (mobilité)"),
            new PurposeSpec("CULTURE", "Culture"),
            new PurposeSpec("TRAINING", "Training (formation)"));

    /** Parents first: FR-OCC-34-172 is Montpellier, FR-OCC-34-142 Lodève (INSEE commune numbers in Hérault). */
    public static final List<String> TERRITORIES = List.of(
            "FR", "FR-OCC", "FR-OCC-34", "FR-OCC-34-172", "FR-OCC-34-142", "FR-IDF", "FR-IDF-75");

    /** SSA food credit by household size 1, 2, 3, 4 and more, in cents. */
    public static final List<Long> FOOD_CENTS_BY_HOUSEHOLD = List.of(15_000L, 25_000L, 32_000L, 38_000L);
    public static final int FOOD_EXPIRY_EPOCHS = 3;
    public static final long CULTURE_CENTS = 3_000L;
    public static final int CULTURE_EXPIRY_EPOCHS = 6;

    /**
     * The settlement bridge's account, in every programme: it holds the BRIDGE role for all of them (a role is
     * not per purpose), so the demo's bridge can attest the euro settlement of what the ledger paid.
     */
    public static final String BRIDGE_LABEL = "bridge";

    /** A demo account: its roles in genesis (none for members and providers) and a committee's territory. */
    public record AccountTemplate(String label, Kind kind, List<Role> roles, String scopeTerritory) {}

    public static final List<AccountTemplate> ACCOUNTS = List.of(
            new AccountTemplate("authority", Kind.AUTHORITY, List.of(Role.AUTHORITY), null),
            new AccountTemplate("registrar", Kind.REGISTRAR, List.of(Role.REGISTRAR), null),
            new AccountTemplate("food-committee-herault", Kind.COMMITTEE, List.of(Role.COMMITTEE), "FR-OCC-34"),
            new AccountTemplate("auditor", Kind.AUDITOR, List.of(Role.AUDITOR), null),
            new AccountTemplate("validator-1", Kind.VALIDATOR, List.of(Role.VALIDATOR), null),
            new AccountTemplate("alice", Kind.MEMBER, List.of(), null),
            new AccountTemplate("bob", Kind.MEMBER, List.of(), null),
            new AccountTemplate("chloe", Kind.MEMBER, List.of(), null),
            new AccountTemplate("biocoop-montpellier", Kind.PROVIDER, List.of(), null),
            new AccountTemplate("pharmacie-lodeve", Kind.PROVIDER, List.of(), null),
            new AccountTemplate("supermarket-paris", Kind.PROVIDER, List.of(), null),
            new AccountTemplate("national-1", Kind.BODY_MEMBER, List.of(), null),
            new AccountTemplate("national-2", Kind.BODY_MEMBER, List.of(), null),
            new AccountTemplate("national-3", Kind.BODY_MEMBER, List.of(), null),
            new AccountTemplate("herault-1", Kind.BODY_MEMBER, List.of(), null),
            new AccountTemplate("herault-2", Kind.BODY_MEMBER, List.of(), null),
            new AccountTemplate("herault-3", Kind.BODY_MEMBER, List.of(), null),
            // Added after the body members: keys derive from the label, so earlier accounts keep theirs.
            new AccountTemplate("medecin-sete", Kind.PROVIDER, List.of(), null),
            new AccountTemplate(BRIDGE_LABEL, Kind.BRIDGE, List.of(Role.BRIDGE), null));

    /** A governance body of the demo genesis; its members are demo accounts, by label. */
    public record BodyTemplate(String name, String territory, BodyKind kind, List<String> memberLabels, int quorum) {}

    /** Body 1 acts as the AUTHORITY, body 2 as the COMMITTEE of Hérault; two votes out of three decide. */
    public static final List<BodyTemplate> BODIES = List.of(
            new BodyTemplate("Conseil national", "FR", BodyKind.NATIONAL,
                    List.of("national-1", "national-2", "national-3"), 2),
            new BodyTemplate("Comité SSA Hérault", "FR-OCC-34", BodyKind.LOCAL,
                    List.of("herault-1", "herault-2", "herault-3"), 2));

    /**
     * Health at 100 %: the most paid per act, in cents (French NGAP codes). G is the tests' 26.50 € (the
     * consultation was raised to 30 € in December 2024; a demo tariff need not follow).
     */
    public static final List<TariffSpec> HEALTH_TARIFFS = List.of(
            new TariffSpec("HEALTH", "G", 2_650),   // consultation with a general practitioner
            new TariffSpec("HEALTH", "MD", 1_000),  // a doctor's home visit surcharge (majoration de déplacement)
            new TariffSpec("HEALTH", "AMI", 315),   // a nursing act of coefficient 1, e.g. an injection
            new TariffSpec("HEALTH", "IFD", 275));  // a nurse's home visit flat fee (indemnité de déplacement)

    /**
     * What to generate.
     *
     * @param epochSeconds null for monthly epochs, else the length of a FIXED epoch
     * @param seed null for random keys, else the text the keys are derived from
     */
    public record Options(long chainId, Instant timestamp, Long epochSeconds, String seed) {
        public Options {
            Objects.requireNonNull(timestamp, "timestamp");
        }
    }

    /** A generated demo: the genesis and the keys of every demo account. */
    public record Demo(Genesis genesis, DemoKeys keys) {}

    private DemoNetwork() {}

    /** The first instant of the current month in UTC, the default genesis time. */
    public static Instant startOfMonthUtc(Clock clock) {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        return today.withDayOfMonth(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** Generates keys and genesis of the demo that runs every programme ({@link Programmes#ALL}). */
    public static Demo generate(Options options) {
        return generate(Programmes.ALL, options);
    }

    /**
     * Generates keys and genesis of one programme; throws IllegalArgumentException if the options make an invalid
     * genesis. A key depends only on the seed and the account's label, so an account keeps its key whatever the
     * programme and whatever accounts are added around it.
     */
    public static Demo generate(Programme programme, Options options) {
        List<DemoKeys.Account> keys = new ArrayList<>();
        for (AccountTemplate template : programme.accounts()) {
            ECKeyPair pair = options.seed() == null ? DemoKeyFactory.random()
                    : DemoKeyFactory.fromSeed(options.seed(), template.label());
            keys.add(new DemoKeys.Account(template.label(), Address.fromHex(Keys.getAddress(pair)),
                    Numeric.toHexStringWithPrefixZeroPadded(pair.getPrivateKey(), 64), template.kind()));
        }
        DemoKeys demoKeys = new DemoKeys(options.chainId(), keys);
        Genesis genesis = genesis(programme, options, demoKeys);
        GenesisWriter.toJson(genesis); // fails early, with the problems, on options that make an invalid genesis
        return new Demo(genesis, demoKeys);
    }

    /** The demo genesis of every programme for these options, with the addresses of {@code keys}. */
    public static Genesis genesis(Options options, DemoKeys keys) {
        return genesis(Programmes.ALL, options, keys);
    }

    /** The demo genesis of {@code programme} for these options, with the addresses of {@code keys}. */
    public static Genesis genesis(Programme programme, Options options, DemoKeys keys) {
        long timestamp = options.timestamp().getEpochSecond();
        EpochScheme scheme = options.epochSeconds() == null ? EpochScheme.monthly(timestamp)
                : new EpochScheme(EpochScheme.Kind.FIXED, options.epochSeconds(), timestamp);
        int firstEpoch = scheme.epochAt(timestamp);
        List<AccountSpec> accounts = programme.accounts().stream().filter(t -> !t.roles().isEmpty())
                .map(t -> new AccountSpec(keys.byLabel(t.label()).address(), t.roles(), t.scopeTerritory(), t.label()))
                .toList();
        List<AllowanceSpec> allowances = programme.allowances().stream().map(a -> new AllowanceSpec(a.purpose(),
                a.centsByHouseholdSize(), a.expiryEpochs(), firstEpoch)).toList();
        List<Address> validators = keys.ofKind(Kind.VALIDATOR).stream().map(DemoKeys.Account::address).toList();
        List<BodySpec> bodies = programme.bodies().stream().map(b -> new BodySpec(b.name(), b.territory(), b.kind(),
                b.memberLabels().stream().map(label -> keys.byLabel(label).address()).toList(), b.quorum())).toList();
        return new Genesis(options.chainId(), timestamp, scheme, programme.purposes(), programme.territories(),
                accounts, allowances, validators, bodies, programme.tariffs());
    }

    /**
     * Writes {@code genesis.json} and {@code demo-keys.json} into {@code dir} (created with mode 0700), both
     * with mode 0600. Refuses to replace existing files unless {@code overwrite}: they may hold the only copy
     * of keys a running demo uses.
     *
     * @return false if {@code dir} already existed and others can read it (the caller should warn)
     */
    public static boolean write(Demo demo, Path dir, boolean overwrite) throws IOException {
        Path genesisFile = dir.resolve(GENESIS_FILE);
        Path keysFile = dir.resolve(KEYS_FILE);
        if (!overwrite) {
            for (Path file : List.of(genesisFile, keysFile)) {
                if (Files.exists(file)) {
                    throw new FileAlreadyExistsException(file.toString(), null, "already exists (overwrite to replace)");
                }
            }
        }
        boolean privateDir = PrivateFiles.createPrivateDirectory(dir);
        PrivateFiles.writePrivate(genesisFile, GenesisWriter.toJson(demo.genesis()));
        PrivateFiles.writePrivate(keysFile, demo.keys().toJson());
        return privateDir;
    }
}
