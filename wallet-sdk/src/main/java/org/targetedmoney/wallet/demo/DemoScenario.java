package org.targetedmoney.wallet.demo;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.targetedmoney.netconfig.demo.DemoKeys;
import org.targetedmoney.policy.model.EpochScheme;
import org.targetedmoney.wallet.auditor.AuditorClient;
import org.targetedmoney.wallet.auditor.LedgerEvent;
import org.targetedmoney.wallet.authority.AuthorityClient;
import org.targetedmoney.wallet.core.LedgerAbi;
import org.targetedmoney.wallet.core.LedgerConnection;
import org.targetedmoney.wallet.core.LedgerRejectedException;
import org.targetedmoney.wallet.core.TxResult;
import org.targetedmoney.wallet.governance.GovernanceClient;
import org.targetedmoney.wallet.member.Bucket;
import org.targetedmoney.wallet.member.MemberClient;
import org.targetedmoney.wallet.provider.ProviderClient;
import org.web3j.crypto.Hash;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import static org.targetedmoney.wallet.core.Amounts.euros;

/**
 * The README's demo, played through the role clients against a running node. The food social security:
 * enrolment, a convention voted by the Hérault committee, product categories, the month opened by a vote
 * of the national body, balances, a payment, refused payments with their codes, a redemption. Health at
 * 100 %: claims against the tariff schedule and capitation. Then needs and the planning report, and the
 * conservation check. Re-runnable on the same node: what is already done is skipped or said so.
 */
@Command(name = "demo-scenario", mixinStandardHelpOptions = true,
        description = "Plays the targeted-money demo against a running node.")
public final class DemoScenario implements Callable<Integer> {
    @Option(names = "--rpc", defaultValue = "http://127.0.0.1:8545", description = "Node JSON-RPC URL (default ${DEFAULT-VALUE}).")
    String rpc;

    @Option(names = "--keys", required = true, description = "demo-keys.json written by the network-config demo command.")
    Path keysFile;

    /** The demo genesis has monthly epochs: show them as months. */
    private static final EpochScheme MONTHS = EpochScheme.monthly(0);

    private DemoKeys keys;
    private LedgerConnection ledger;

    @Override
    public Integer call() throws Exception {
        keys = DemoKeys.read(keysFile);
        ledger = LedgerConnection.connect(rpc);
        if (ledger.chainId() != keys.chainId()) {
            System.err.println("error: the node's chain id " + ledger.chainId() + " is not the keys' " + keys.chainId());
            return 1;
        }
        AuthorityClient authority = authority("authority");
        int food = authority.purposeId("FOOD");
        int health = authority.purposeId("HEALTH");
        enrolMembers();
        int now = authority.currentEpoch().timeEpoch();
        committeeVotesAConvention(food, now);
        conventionProviders(food, health, now);
        productCategories(food);
        int epoch = openEpochByVote(authority);
        showBalances(food);
        payAndRefuse(food);
        redeem(food);
        new HealthDemo(ledger, keys, health, epoch).run();
        planning(food, epoch);
        return conservation(food) ? 0 : 1;
    }

    private AuthorityClient authority(String label) {
        return new AuthorityClient(ledger, keys.byLabel(label).credentials());
    }

    private String address(String label) {
        return keys.byLabel(label).address().toHex();
    }

    static void heading(String text) {
        System.out.println();
        System.out.println("== " + text);
    }

    private void enrolMembers() throws Exception {
        heading("The registrar enrols members (on the public ledger: an address, a territory, a household size)");
        AuthorityClient registrar = authority("registrar");
        for (var m : List.of(new Object[] {"alice", "FR-OCC-34-172", 2}, new Object[] {"bob", "FR-OCC-34-142", 1},
                new Object[] {"chloe", "FR-IDF-75", 3})) {
            String who = (String) m[0];
            if (registrar.isEnrolled(address(who))) {
                System.out.printf("   %-6s already enrolled%n", who);
                continue;
            }
            TxResult r = registrar.enrolMember(address(who), (String) m[1], (Integer) m[2]);
            System.out.printf("   %-6s %s  territory %-14s household %d   (block %d)%n", who, address(who), m[1], m[2],
                    r.blockNumber());
        }
    }

    /** Body ids of the demo genesis, in the order of DemoNetwork.BODIES. */
    private static final int NATIONAL_BODY = 1;
    private static final int HERAULT_COMMITTEE = 2;

    private void committeeVotesAConvention(int food, int now) throws Exception {
        heading("The SSA committee of Hérault (3 members, 2 votes decide) conventions biocoop-montpellier");
        GovernanceClient proposer = new GovernanceClient(ledger, keys.byLabel("herault-1").credentials());
        long p = proposer.propose(HERAULT_COMMITTEE, LedgerAbi.conventionProvider(address("biocoop-montpellier"),
                List.of(food), "FR-OCC-34", now, now + 24));
        System.out.printf("   herault-1 proposes it: proposal %d is %s%n", p, proposer.proposal(p).status());
        new GovernanceClient(ledger, keys.byLabel("herault-2").credentials()).vote(p, true);
        System.out.printf("   herault-2 approves: proposal %d is %s%n", p, proposer.proposal(p).status());
        refused("herault-1 proposes a convention in Paris (FR-IDF-75), outside the committee's territory",
                () -> {
                    proposer.propose(HERAULT_COMMITTEE, LedgerAbi.conventionProvider(address("supermarket-paris"),
                            List.of(food), "FR-IDF-75", now, now + 24));
                    return null;
                });
    }

    private void conventionProviders(int food, int health, int now) throws Exception {
        heading("The authority conventions a Paris supermarket and a pharmacy");
        convention("authority", "supermarket-paris", food, "FR-IDF-75", now);
        convention("authority", "pharmacie-lodeve", health, "FR-OCC-34", now);
    }

    /** The SSA makes products eligible, not only shops: the mixed supermarket is conventioned for local produce. */
    private void productCategories(int food) throws Exception {
        heading("Product categories: supermarket-paris is conventioned for its LOCAL produce only");
        AuthorityClient authority = authority("authority");
        for (String[] c : List.of(new String[] {"LOCAL", "Local produce"}, new String[] {"IMPORTED", "Imported"})) {
            try {
                authority.addCategory(food, c[0], c[1]);
                System.out.printf("   category %s declared%n", c[0]);
            } catch (LedgerRejectedException e) {
                System.out.printf("   category %s: %s%n", c[0], e.code());
            }
        }
        authority.restrictConvention(address("supermarket-paris"), food, List.of(1));
        System.out.println("   supermarket-paris: FOOD convention restricted to category 1 (LOCAL)");
    }

    private void convention(String by, String provider, int purpose, String territory, int now) throws Exception {
        TxResult r = authority(by).conventionProvider(address(provider), List.of(purpose), territory, now, now + 24);
        System.out.printf("   %-22s conventions %-20s for purpose %d in %-10s (block %d)%n", by, provider, purpose,
                territory, r.blockNumber());
    }

    private int openEpochByVote(AuthorityClient authority) throws Exception {
        AuthorityClient.Epochs e = authority.currentEpoch();
        heading("The national body votes to open epoch " + e.timeEpoch() + " (" + MONTHS.label(e.timeEpoch())
                + "): one transaction issues to every member, whatever their number");
        if (e.lastOpenedEpoch() >= e.timeEpoch()) {
            System.out.println("   already open");
            return e.timeEpoch();
        }
        long p = new GovernanceClient(ledger, keys.byLabel("national-1").credentials())
                .propose(NATIONAL_BODY, LedgerAbi.openEpoch(e.timeEpoch()));
        TxResult r = new GovernanceClient(ledger, keys.byLabel("national-2").credentials()).vote(p, true);
        System.out.printf("   national-1 proposes, national-2 approves (proposal %d), block %d%n", p,
                r.blockNumber());
        for (LedgerEvent ev : new AuditorClient(ledger).events(r.blockNumber(), r.blockNumber())) {
            if (ev instanceof LedgerEvent.Issued i && i.amountCents() > 0) {
                System.out.printf("   Issued: purpose %d, %s to %d members%n", i.purpose(), euros(i.amountCents()),
                        i.memberCount());
            }
        }
        return e.timeEpoch();
    }

    private void showBalances(int food) throws Exception {
        heading("Balances (FOOD), with what expires when");
        for (String who : List.of("alice", "bob", "chloe")) {
            MemberClient m = new MemberClient(ledger, keys.byLabel(who).credentials());
            StringBuilder b = new StringBuilder();
            for (Bucket bucket : m.buckets(food)) {
                b.append(String.format(" [%s: %s, expires when %s opens]", MONTHS.label(bucket.epoch()),
                        euros(bucket.amountCents()), MONTHS.label(bucket.expiresAtEpoch())));
            }
            System.out.printf("   %-6s %10s%s%n", who, euros(m.balance(food)), b);
        }
    }

    private void payAndRefuse(int food) throws Exception {
        MemberClient alice = new MemberClient(ledger, keys.byLabel("alice").credentials());
        MemberClient bob = new MemberClient(ledger, keys.byLabel("bob").credentials());
        heading("alice pays biocoop-montpellier 42.50 € for FOOD");
        TxResult paid = alice.pay(address("biocoop-montpellier"), food, 4_250, ref("invoice-2026-001"));
        System.out.printf("   applied in block %d, tx %s; alice now holds %s%n", paid.blockNumber(), paid.txHash(),
                euros(alice.balance(food)));
        heading("Refused payments (still mined, with status 0 and a stable code)");
        long bobBefore = bob.balance(food);
        refused("bob pays pharmacie-lodeve 10 € for FOOD", () -> bob.pay(address("pharmacie-lodeve"), food, 1_000,
                ref("x")));
        System.out.printf("   bob's balance is unchanged: %s (was %s)%n", euros(bob.balance(food)), euros(bobBefore));
        refused("alice pays supermarket-paris 5 € (conventioned in FR-IDF-75 only)",
                () -> alice.pay(address("supermarket-paris"), food, 500, ref("y")));
        refused("alice pays biocoop 10 000 €", () -> alice.pay(address("biocoop-montpellier"), food, 1_000_000,
                ref("z")));
        MemberClient chloe = new MemberClient(ledger, keys.byLabel("chloe").credentials());
        heading("chloe (Paris) buys local produce at supermarket-paris: 12 €");
        TxResult local = chloe.payInCategory(address("supermarket-paris"), food, 1, 1_200, ref("ticket-88"));
        System.out.printf("   applied in block %d; chloe now holds %s%n", local.blockNumber(), euros(chloe.balance(food)));
        refused("chloe pays supermarket-paris 8 € for IMPORTED products",
                () -> chloe.payInCategory(address("supermarket-paris"), food, 2, 800, ref("ticket-89")));
    }

    /** The committee records the needs it assessed; the planning report sets them beside budget and spending. */
    @SuppressWarnings("unchecked")
    private void planning(int food, int epoch) throws Exception {
        heading("Planning: needs assessed by the Hérault committee, the budget, entitlements and spending");
        authority("authority").setTerritoryBudget("FR-OCC-34", food, 1_000_000);
        GovernanceClient herault1 = new GovernanceClient(ledger, keys.byLabel("herault-1").credentials());
        long p = herault1.propose(HERAULT_COMMITTEE, LedgerAbi.recordNeeds("FR-OCC-34", food, epoch, 800_000,
                "diagnostic alimentaire 2026"));
        new GovernanceClient(ledger, keys.byLabel("herault-3").credentials()).vote(p, true);
        Map<String, Object> report = new AuditorClient(ledger).planning("FR-OCC-34", food, epoch);
        printPlanningRow((Map<String, Object>) report.get("total"));
        for (Map<String, Object> row : (List<Map<String, Object>>) report.get("children")) {
            printPlanningRow(row);
        }
    }

    private static void printPlanningRow(Map<String, Object> row) {
        System.out.printf("   %-14s members %3s  needs %12s  budget %12s  entitled %12s  spent %10s%n",
                row.get("territory"), row.get("members"), money(row.get("needsCents")),
                money(row.get("budgetCents")), money(row.get("entitledCents")), money(row.get("spentCents")));
    }

    private static String money(Object cents) {
        return cents == null ? "-" : euros(Long.parseLong((String) cents));
    }

    @FunctionalInterface
    interface Attempt {
        TxResult run() throws Exception;
    }

    static void refused(String what, Attempt attempt) throws Exception {
        try {
            TxResult r = attempt.run();
            throw new IllegalStateException("expected a refusal but it was applied: " + what + " " + r.txHash());
        } catch (LedgerRejectedException e) {
            System.out.printf("   %s%n     -> refused %s: %s%n", what, e.code(), e.detail());
        }
    }

    static byte[] ref(String text) {
        return Hash.sha3(text.getBytes(StandardCharsets.UTF_8));
    }

    private void redeem(int food) throws Exception {
        heading("biocoop-montpellier redeems 42.50 € (the settlement bridge pays redemptions in euros)");
        ProviderClient shop = new ProviderClient(ledger, keys.byLabel("biocoop-montpellier").credentials());
        TxResult r = shop.redeem(food, 4_250);
        for (LedgerEvent ev : new AuditorClient(ledger).events(r.blockNumber(), r.blockNumber())) {
            if (ev instanceof LedgerEvent.Redeemed red) {
                System.out.printf("   Redeemed: %s, redemption id %d, block %d; shop balance now %s%n",
                        euros(red.amountCents()), red.redemptionId(), red.blockNumber(), euros(shop.balance(food)));
            }
        }
        System.out.println("   (the settlement bridge pays redemptions in euros: see the end of the demo)");
    }

    @SuppressWarnings("unchecked")
    private boolean conservation(int food) throws Exception {
        heading("Conservation: issued = member balances + provider balances + redeemed + expired");
        Map<String, Object> inv = new AuditorClient(ledger).invariants();
        boolean all = Boolean.TRUE.equals(inv.get("holds"));
        for (Map<String, Object> p : (List<Map<String, Object>>) inv.get("purposes")) {
            if (!"0".equals(p.get("issued"))) {
                System.out.printf("   %-8s issued %s = members %s + providers %s + redeemed %s + expired %s  -> %s%n",
                        p.get("symbol"), euros(Long.parseLong((String) p.get("issued"))),
                        euros(Long.parseLong((String) p.get("memberBalances"))),
                        euros(Long.parseLong((String) p.get("providerBalances"))),
                        euros(Long.parseLong((String) p.get("redeemed"))),
                        euros(Long.parseLong((String) p.get("expired"))),
                        Boolean.TRUE.equals(p.get("holds")) ? "holds" : "VIOLATED");
            }
            if (!"0".equals(p.get("claimsPaid"))) {
                System.out.printf("   %-8s paid directly to providers (claims and capitation): %s%n", p.get("symbol"),
                        euros(Long.parseLong((String) p.get("claimsPaid"))));
            }
        }
        System.out.println(all ? "   conservation holds for every purpose" : "   CONSERVATION VIOLATED");
        return all;
    }

    public static void main(String[] args) {
        CommandLine cli = new CommandLine(new DemoScenario());
        cli.setExecutionExceptionHandler((ex, line, parsed) -> {
            System.err.println("error: the demo stopped: " + ex.getMessage());
            return 1;
        });
        System.exit(cli.execute(args));
    }
}
