package org.targetedmoney.netconfig.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.targetedmoney.netconfig.demo.DemoKeys.Kind;
import org.targetedmoney.netconfig.demo.DemoNetwork.AccountTemplate;
import org.targetedmoney.netconfig.demo.DemoNetwork.BodyTemplate;
import org.targetedmoney.netconfig.demo.Programme.Allowance;
import org.targetedmoney.policy.genesis.Genesis.PurposeSpec;
import org.targetedmoney.policy.genesis.Genesis.TariffSpec;
import org.targetedmoney.policy.model.BodyKind;
import org.targetedmoney.policy.model.Role;

/**
 * The programmes of the source documents, each as a demo genesis of its own, and {@code all}, the demo that
 * runs them side by side (the one bin/demo plays, unchanged). Territory codes end with INSEE commune numbers
 * (FR-OCC-34-172 is Montpellier, 34172). Body members are named {@code PREFIX-1..n} and get keys like every
 * demo account; the roles of the bootstrap accounts (authority, registrar, auditor, validator-1, and the
 * settlement bridge's account bridge) are the same in every programme.
 */
public final class Programmes {
    public static final String DEFAULT_NAME = "all";

    /** An act of a health tariff schedule and the most paid for it, in cents. */
    private record Act(String code, long maxAmountCents) {}

    /**
     * The most paid per act, in cents: French NGAP acts and one pharmacy fee. G is the tests' 26.50 € (30 € since
     * December 2024; a demo tariff need not follow), and so are its home visit VG and teleconsultation TCG.
     */
    private static final List<Act> ACTS = List.of(
            new Act("G", 2_650),    // consultation with a general practitioner
            new Act("VG", 2_650),   // a general practitioner's home visit
            new Act("TCG", 2_650),  // a general practitioner's teleconsultation
            new Act("MD", 1_000),   // a doctor's home visit surcharge (majoration de déplacement)
            new Act("AMI", 315),    // a nursing act of coefficient 1, e.g. an injection
            new Act("AIS", 265),    // a nursing care act of coefficient 1 (acte infirmier de soins)
            new Act("IFD", 275),    // a nurse's home visit flat fee (indemnité forfaitaire de déplacement)
            new Act("BTE", 102));   // a pharmacist's dispensing fee per box (honoraire au conditionnement)

    /** Food at 100–150 € a month per person: the credit of a household of 1, 2, 3, 4 and more, in cents. */
    private static final Allowance SSA_FOOD = new Allowance("FOOD", DemoNetwork.FOOD_CENTS_BY_HOUSEHOLD,
            DemoNetwork.FOOD_EXPIRY_EPOCHS);

    /** Today's demo: every purpose, Hérault and Paris, the SSA committee of Hérault and health tariffs. */
    public static final Programme ALL = new Programme(DEFAULT_NAME,
            "every programme side by side: food in Hérault, a Paris shop, culture, health at 100 % (bin/demo)",
            DemoNetwork.PURPOSES, DemoNetwork.TERRITORIES, DemoNetwork.ACCOUNTS, DemoNetwork.BODIES,
            List.of(SSA_FOOD, new Allowance("CULTURE", List.of(DemoNetwork.CULTURE_CENTS),
                    DemoNetwork.CULTURE_EXPIRY_EPOCHS)),
            DemoNetwork.HEALTH_TARIFFS);

    public static final Programme SSA = ssa();
    public static final Programme HEALTH = health();
    public static final Programme UNIVERSAL = universal();
    public static final Programme MUTUALIST = mutualist();

    private static final List<Programme> LIST = List.of(ALL, SSA, HEALTH, UNIVERSAL, MUTUALIST);

    private Programmes() {}

    /** Every programme, {@code all} first. */
    public static List<Programme> list() {
        return LIST;
    }

    /** The names {@code demo --programme} takes, {@code all} first. */
    public static List<String> names() {
        return LIST.stream().map(Programme::name).toList();
    }

    /** The programme of this name, if there is one. */
    public static Optional<Programme> byName(String name) {
        return LIST.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /**
     * Sécurité sociale de l'alimentation: food only, one département (Hérault) and three communes, a national
     * fund and a committee per territory that conventions shops and producers (the Caisse alimentaire commune of
     * Montpellier is an existing experiment).
     */
    private static Programme ssa() {
        List<BodyTemplate> bodies = List.of(
                body("Caisse nationale de l'alimentation", "FR", BodyKind.NATIONAL, "national", 3, 2),
                body("Comité SSA Hérault", "FR-OCC-34", BodyKind.LOCAL, "herault", 3, 2),
                body("Caisse alimentaire commune Montpellier", "FR-OCC-34-172", BodyKind.LOCAL, "montpellier", 5, 3),
                body("Comité SSA Lodève", "FR-OCC-34-142", BodyKind.LOCAL, "lodeve", 3, 2),
                body("Comité SSA Sète", "FR-OCC-34-301", BodyKind.LOCAL, "sete", 3, 2));
        return new Programme("ssa",
                "sécurité sociale de l'alimentation: food credit by household size, Hérault and three communes",
                List.of(new PurposeSpec("FOOD", "Food (sécurité sociale de l'alimentation)")),
                List.of("FR", "FR-OCC", "FR-OCC-34", "FR-OCC-34-172", "FR-OCC-34-142", "FR-OCC-34-301"),
                accounts(List.of(member("alice"), member("bob"), member("chloe"), member("david"),
                        provider("biocoop-montpellier"), provider("marche-paysan-lodeve"),
                        provider("ferme-des-garrigues"), provider("epicerie-solidaire-sete")), bodies),
                bodies, List.of(SSA_FOOD), List.of());
    }

    /**
     * Santé à 100 % (AMOUR 100 %: a compulsory health insurance paying everything): an entitlement, so no
     * allowance; conventioned doctors, nurses and pharmacies file claims up to the tariff of each act.
     */
    private static Programme health() {
        List<BodyTemplate> bodies = List.of(
                body("Conseil national de l'assurance maladie", "FR", BodyKind.NATIONAL, "national", 3, 2));
        return new Programme("health",
                "santé à 100 %: claims paid in full up to a tariff per act, no allowance (an entitlement)",
                List.of(new PurposeSpec("HEALTH", "Health at 100 % (santé)")),
                List.of("FR", "FR-OCC", "FR-OCC-34", "FR-OCC-34-172", "FR-OCC-34-142", "FR-OCC-34-301"),
                accounts(List.of(member("alice"), member("bob"), member("chloe"),
                        provider("medecin-montpellier"), provider("medecin-sete"), provider("centre-sante-montpellier"),
                        provider("infirmiere-lodeve"), provider("pharmacie-lodeve")), bodies),
                bodies, List.of(), healthTariffs("HEALTH", List.of("G", "VG", "MD", "AMI", "AIS", "IFD", "BTE")));
    }

    /**
     * Sécurité sociale écologique et universelle: every essential need as a purpose, a basic allowance for food,
     * water, renewable energy, low-carbon transport and culture, a national council and regional committees.
     */
    private static Programme universal() {
        List<BodyTemplate> bodies = List.of(
                body("Conseil national de la sécurité sociale écologique", "FR", BodyKind.NATIONAL, "national", 5, 3),
                body("Comité régional Occitanie", "FR-OCC", BodyKind.LOCAL, "occitanie", 3, 2),
                body("Comité régional Île-de-France", "FR-IDF", BodyKind.LOCAL, "idf", 3, 2),
                body("Comité régional Bretagne", "FR-BRE", BodyKind.LOCAL, "bretagne", 3, 2));
        return new Programme("universal",
                "sécurité sociale écologique et universelle: eight needs, basic allowances, regional committees",
                DemoNetwork.PURPOSES,
                List.of("FR", "FR-OCC", "FR-OCC-34", "FR-OCC-34-172", "FR-OCC-34-142", "FR-IDF", "FR-IDF-75",
                        "FR-BRE", "FR-BRE-35", "FR-BRE-35-238"),
                accounts(List.of(member("alice"), member("bob"), member("chloe"),
                        provider("biocoop-montpellier"), provider("regie-eaux-montpellier"),
                        provider("cooperative-energie-occitanie"), provider("transports-rennes"),
                        provider("scop-renovation-rennes"), provider("librairie-paris"), provider("formation-paris"),
                        provider("medecin-sete")), bodies),
                bodies,
                List.of(SSA_FOOD,
                        new Allowance("ENERGY", List.of(3_000L, 4_500L, 5_500L, 6_500L), 6),
                        new Allowance("WATER", List.of(1_000L, 1_800L, 2_400L, 3_000L), 12),
                        new Allowance("TRANSPORT", List.of(2_000L, 4_000L, 5_500L, 7_000L), 3),
                        new Allowance("CULTURE", List.of(DemoNetwork.CULTURE_CENTS),
                                DemoNetwork.CULTURE_EXPIRY_EPOCHS)),
                DemoNetwork.HEALTH_TARIFFS);
    }

    /**
     * Santé mutualiste territoriale: health paid by claims, run close to the ground by health committees at every
     * level (region, département, commune), in mainland France and overseas; Uzès is a "territoire de pleine santé".
     */
    private static Programme mutualist() {
        List<BodyTemplate> bodies = List.of(
                body("Union mutualiste nationale", "FR", BodyKind.NATIONAL, "national", 3, 2),
                body("Comité santé Occitanie", "FR-OCC", BodyKind.LOCAL, "occitanie", 3, 2),
                body("Comité santé Gard", "FR-OCC-30", BodyKind.LOCAL, "gard", 3, 2),
                body("Territoire de pleine santé Uzès", "FR-OCC-30-334", BodyKind.LOCAL, "uzes", 5, 3),
                body("Comité santé Nîmes", "FR-OCC-30-189", BodyKind.LOCAL, "nimes", 3, 2),
                body("Comité santé La Réunion", "FR-REU", BodyKind.LOCAL, "reunion", 3, 2));
        return new Programme("mutualist",
                "santé mutualiste territoriale: health claims, health committees from region to commune",
                List.of(new PurposeSpec("HEALTH", "Health (santé mutualiste territoriale)")),
                List.of("FR", "FR-OCC", "FR-OCC-30", "FR-OCC-30-334", "FR-OCC-30-189", "FR-OCC-30-007",
                        "FR-REU", "FR-REU-974", "FR-REU-974-411"),
                accounts(List.of(member("alice"), member("bob"), member("chloe"),
                        provider("msp-uzes"), provider("pharmacie-uzes"), provider("medecin-nimes"),
                        provider("infirmier-ales"), provider("centre-sante-saint-denis")), bodies),
                bodies, List.of(), healthTariffs("HEALTH", List.of("G", "VG", "TCG", "MD", "AMI", "AIS", "IFD")));
    }

    /** These acts of {@link #ACTS}, in this order, as tariffs of {@code purpose}. */
    private static List<TariffSpec> healthTariffs(String purpose, List<String> actCodes) {
        return actCodes.stream().map(code -> ACTS.stream().filter(act -> act.code().equals(code)).findFirst()
                        .map(act -> new TariffSpec(purpose, code, act.maxAmountCents()))
                        .orElseThrow(() -> new IllegalArgumentException("no act " + code)))
                .toList();
    }

    private static AccountTemplate member(String label) {
        return new AccountTemplate(label, Kind.MEMBER, List.of(), null);
    }

    private static AccountTemplate provider(String label) {
        return new AccountTemplate(label, Kind.PROVIDER, List.of(), null);
    }

    /** A body whose members are the demo accounts {@code prefix-1} to {@code prefix-size}. */
    private static BodyTemplate body(String name, String territory, BodyKind kind, String prefix, int size,
                                     int quorum) {
        return new BodyTemplate(name, territory, kind,
                IntStream.rangeClosed(1, size).mapToObj(i -> prefix + "-" + i).toList(), quorum);
    }

    /** The bootstrap accounts with roles (the bridge's too), then {@code people}, then the members of {@code bodies}. */
    private static List<AccountTemplate> accounts(List<AccountTemplate> people, List<BodyTemplate> bodies) {
        List<AccountTemplate> out = new ArrayList<>(List.of(
                new AccountTemplate("authority", Kind.AUTHORITY, List.of(Role.AUTHORITY), null),
                new AccountTemplate("registrar", Kind.REGISTRAR, List.of(Role.REGISTRAR), null),
                new AccountTemplate("auditor", Kind.AUDITOR, List.of(Role.AUDITOR), null),
                new AccountTemplate("validator-1", Kind.VALIDATOR, List.of(Role.VALIDATOR), null),
                new AccountTemplate(DemoNetwork.BRIDGE_LABEL, Kind.BRIDGE, List.of(Role.BRIDGE), null)));
        out.addAll(people);
        bodies.forEach(b -> b.memberLabels().forEach(
                label -> out.add(new AccountTemplate(label, Kind.BODY_MEMBER, List.of(), null))));
        return out;
    }
}
