package org.targetedmoney.bridge.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.targetedmoney.bridge.line.LedgerLine;
import org.targetedmoney.bridge.line.LineKind;
import org.targetedmoney.netconfig.demo.DemoKeys;
import org.targetedmoney.netconfig.demo.DemoNetwork;
import org.targetedmoney.netconfig.demo.Programmes;
import org.targetedmoney.node.run.LedgerNode;
import org.targetedmoney.node.run.NodeConfig;
import org.targetedmoney.wallet.auditor.EventDecoder;
import org.targetedmoney.wallet.auditor.EventQuery;
import org.targetedmoney.wallet.auditor.LedgerEvent;
import org.targetedmoney.wallet.authority.AuthorityClient;
import org.targetedmoney.wallet.core.LedgerConnection;
import org.targetedmoney.wallet.core.LedgerRejectedException;
import org.targetedmoney.wallet.core.TxResult;
import org.targetedmoney.wallet.member.MemberClient;
import org.targetedmoney.wallet.provider.ProviderClient;
import org.targetedmoney.wallet.settlement.RecordedAttestation;
import org.targetedmoney.wallet.settlement.SettlementAttestation;
import org.targetedmoney.wallet.settlement.SettlementClient;
import org.targetedmoney.wallet.settlement.SettlementTotals;
import org.web3j.crypto.Hash;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.http.HttpService;

/**
 * The bridge's side of the ledger against a real one-validator node started from the demo genesis: providers
 * redeem, a doctor's claims and capitation are paid, and the follower reads every line exactly once, across polls
 * and restarts; the bridge account attests a batch, once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LedgerSideScenarioTest {
    /** 2026-11-01T00:00:00Z, the start of epoch 682. */
    static final long GENESIS_TIME = 1_793_491_200L;
    static final int EPOCH = 682;
    /** Purpose ids of the demo genesis, in DemoNetwork.PURPOSES order. */
    static final int HEALTH = 1;
    static final int FOOD = 2;

    @TempDir
    static Path dir;
    DemoNetwork.Demo demo;
    LedgerNode node;
    String url;
    LedgerConnection ledger;
    ProviderClient shop;
    ProviderClient doctor;
    /** Every line the story produced, in chain order, as the follower must read them. */
    final List<LedgerLine> expected = new ArrayList<>();
    long redemptions;
    long healthClaims;

    @BeforeAll
    void startNodeAndPlayTheStory() throws Exception {
        demo = DemoNetwork.generate(Programmes.ALL, new DemoNetwork.Options(DemoNetwork.DEFAULT_CHAIN_ID,
                Instant.ofEpochSecond(GENESIS_TIME), null, "demo"));
        DemoNetwork.write(demo, dir.resolve("config"), false);
        // A running clock ten days into the genesis month: blocks get increasing timestamps in epoch 682.
        Clock clock = Clock.offset(Clock.systemUTC(),
                Duration.between(Instant.now(), Instant.ofEpochSecond(GENESIS_TIME + 10 * 86_400)));
        node = LedgerNode.start(new NodeConfig(dir.resolve("config").resolve(DemoNetwork.GENESIS_FILE),
                dir.resolve("data"), "127.0.0.1", freePort(), freePort(), clock));
        url = "http://127.0.0.1:" + node.rpcPort();
        ledger = LedgerConnection.connect(url);
        shop = new ProviderClient(ledger, key("biocoop-montpellier"));
        doctor = new ProviderClient(ledger, key("medecin-sete"));
        MemberClient alice = new MemberClient(ledger, key("alice"));
        MemberClient bob = new MemberClient(ledger, key("bob"));
        AuthorityClient authority = new AuthorityClient(ledger, key("authority"));
        AuthorityClient registrar = new AuthorityClient(ledger, key("registrar"));

        registrar.enrolMember(alice.address(), "FR-OCC-34-172", 2);
        registrar.enrolMember(bob.address(), "FR-OCC-34-172", 1);
        authority.conventionProvider(shop.address(), List.of(FOOD), "FR-OCC-34", EPOCH, EPOCH + 12);
        authority.conventionProvider(doctor.address(), List.of(HEALTH), "FR-OCC-34", EPOCH, EPOCH + 12);
        authority.openEpoch(EPOCH);
        alice.pay(shop.address(), FOOD, 20_000, new byte[32]);
        redeem(1_000);
        redeem(2_000);
        claim(alice.address(), 2_650, 1);
        redeem(3_000);
        claim(bob.address(), 2_000, 2);
        authority.setCapitation(HEALTH, 500);
        alice.choosePractitioner(doctor.address(), HEALTH);
        bob.choosePractitioner(doctor.address(), HEALTH);
        TxResult capitation = doctor.claimCapitation(HEALTH, EPOCH);
        healthClaims++;
        expected.add(expect(capitation, doctor.address(), HEALTH, LineKind.CAPITATION, 1_000, EPOCH));
        redeem(4_000);
    }

    @AfterAll
    void stopNode() {
        if (node != null) {
            node.close();
        }
    }

    private org.web3j.crypto.Credentials key(String label) {
        return demo.keys().byLabel(label).credentials();
    }

    private void redeem(long cents) throws Exception {
        TxResult tx = shop.redeem(FOOD, cents);
        expected.add(expect(tx, shop.address(), FOOD, LineKind.REDEMPTION, cents, ++redemptions));
    }

    private void claim(String member, long cents, int ref) throws Exception {
        byte[] claimRef = new byte[32];
        claimRef[31] = (byte) ref;
        TxResult tx = doctor.fileClaim(member, HEALTH, "G", cents, claimRef);
        expected.add(expect(tx, doctor.address(), HEALTH, LineKind.CLAIM, cents, ++healthClaims));
    }

    /** The line a transaction's receipt says it made: its one log among the three kinds the bridge pays. */
    private LedgerLine expect(TxResult tx, String provider, int purpose, LineKind kind, long cents, long reference)
            throws Exception {
        List<Log> owed = tx.logs().stream().filter(l -> LedgerFollower.TOPICS.contains(l.getTopics().get(0)))
                .toList();
        assertThat(owed).hasSize(1);
        return new LedgerLine(tx.blockNumber(), owed.get(0).getLogIndex().intValueExact(), tx.txHash(),
                EventQuery.blockTimestampSeconds(ledger, tx.blockNumber()), provider.toLowerCase(Locale.ROOT), purpose, kind,
                cents, reference);
    }

    /** Polls from {@code from} until caught up; checks each step's cursor moves forward and covers its lines. */
    private static List<LedgerLine> readAll(LedgerFollower follower, LedgerCursor from, List<FollowStep> steps)
            throws IOException {
        List<LedgerLine> lines = new ArrayList<>();
        LedgerCursor cursor = from;
        FollowStep step;
        do {
            step = follower.poll(cursor);
            assertThat(step.next()).isGreaterThan(cursor);
            for (LedgerLine line : step.lines()) {
                assertThat(cursor.admits(line.blockNumber(), line.logIndex())).isTrue();
                assertThat(step.next().admits(line.blockNumber(), line.logIndex())).isFalse();
            }
            lines.addAll(step.lines());
            steps.add(step);
            cursor = step.next();
        } while (!step.caughtUp());
        return lines;
    }

    @Test
    void follower_withASmallRange_readsEveryLineExactlyOnce_acrossSeveralPolls() throws Exception {
        LedgerFollower follower = new LedgerFollower(ledger, 2, 0);
        List<FollowStep> steps = new ArrayList<>();

        List<LedgerLine> lines = readAll(follower, LedgerCursor.START, steps);

        assertThat(lines).containsExactlyElementsOf(expected);
        assertThat(steps).hasSizeGreaterThan(5);
        FollowStep last = steps.getLast();
        assertThat(last.headBlock()).isEqualTo(EventQuery.headBlock(ledger));
        assertThat(last.headTimestampSeconds()).isEqualTo(EventQuery.blockTimestampSeconds(ledger, last.headBlock()));
        assertThat(last.lagBlocks()).isZero();
        assertThat(follower.poll(last.next()).lines()).as("caught up: nothing new").isEmpty();
    }

    @Test
    void follower_restartedFromAStoredCursor_goesOnWithoutDuplicatesOrGaps() throws Exception {
        // The bridge keeps the lines of its first two polls, stores the cursor, and is killed.
        LedgerFollower before = new LedgerFollower(ledger, 3, 0);
        FollowStep first = before.poll(LedgerCursor.START);
        FollowStep second = before.poll(first.next());
        List<LedgerLine> kept = new ArrayList<>(first.lines());
        kept.addAll(second.lines());
        LedgerCursor stored = second.next();

        // A new process: a new connection, a new follower, the stored cursor.
        LedgerFollower after = new LedgerFollower(LedgerConnection.connect(url), 3, 0);
        kept.addAll(readAll(after, stored, new ArrayList<>()));

        assertThat(kept).containsExactlyElementsOf(expected);
        assertThat(new HashSet<>(kept.stream().map(LedgerLine::id).toList())).hasSize(kept.size());
    }

    @Test
    void follower_fromACursorInsideABlock_skipsTheLinesBeforeItInThatBlock() throws Exception {
        LedgerLine third = expected.get(2);
        LedgerCursor afterThird = LedgerCursor.after(third);
        LedgerCursor atThird = new LedgerCursor(third.blockNumber(), third.logIndex());

        List<LedgerLine> fromAfter = readAll(new LedgerFollower(ledger, 1, 0), afterThird, new ArrayList<>());
        List<LedgerLine> fromAt = readAll(new LedgerFollower(ledger, 1, 0), atThird, new ArrayList<>());

        assertThat(fromAfter).containsExactlyElementsOf(expected.subList(3, expected.size()));
        assertThat(fromAt).containsExactlyElementsOf(expected.subList(2, expected.size()));
    }

    @Test
    void follower_afterNewActivity_readsOnlyTheNewLines_andARefusedCallLeavesNone() throws Exception {
        LedgerFollower follower = new LedgerFollower(ledger, 50, 0);
        List<FollowStep> steps = new ArrayList<>();
        readAll(follower, LedgerCursor.START, steps);
        LedgerCursor caughtUp = steps.getLast().next();
        int before = expected.size();

        redeem(500);
        String chloe = demo.keys().byLabel("chloe").address().toHex(); // not enrolled: her claim is refused
        assertThatThrownBy(() -> doctor.fileClaim(chloe, HEALTH, "G", 100, new byte[32]))
                .isInstanceOfSatisfying(LedgerRejectedException.class,
                        e -> assertThat(e.code()).isEqualTo("NOT_MEMBER"));
        redeem(600);
        List<LedgerLine> fresh = readAll(follower, caughtUp, new ArrayList<>());

        assertThat(fresh).hasSize(2).containsExactlyElementsOf(expected.subList(before, expected.size()));
    }

    @Test
    void follower_withConfirmations_staysThatManyBlocksBehindTheHead() throws Exception {
        LedgerFollower follower = new LedgerFollower(ledger, LedgerFollower.MAX_BLOCK_RANGE, 3);
        long head = EventQuery.headBlock(ledger);

        FollowStep step = follower.poll(LedgerCursor.START);

        assertThat(step.headBlock()).isEqualTo(head - 3);
        assertThat(step.next()).isEqualTo(new LedgerCursor(head - 2, 0));
        assertThat(step.lines()).containsExactlyElementsOf(expected.stream()
                .filter(l -> l.blockNumber() <= head - 3).toList());
    }

    @Test
    void follower_whenTheNodeIsDown_throwsAnIoExceptionSayingWhat() throws Exception {
        LedgerConnection down = new LedgerConnection(new HttpService("http://127.0.0.1:" + freePort()),
                DemoNetwork.DEFAULT_CHAIN_ID);

        assertThatThrownBy(() -> new LedgerFollower(down).poll(LedgerCursor.START)).isInstanceOf(IOException.class)
                .hasMessageContaining("could not read the head block").hasMessageContaining("unreachable");
    }

    @Test
    void attestor_bridgeAttestsOnce_aResendIsAlreadyAttested_andOthersAreRefused() throws Exception {
        LedgerLine firstLine = expected.getFirst();
        LedgerLine lastLine = expected.getLast();
        long total = expected.stream().mapToLong(LedgerLine::amountCents).sum();
        SettlementAttestation batch = new SettlementAttestation(Hash.sha3String("batch B-2026-11-0001"),
                "B-2026-11-0001", "2026-11", total, total - 3_000, 2_000, 1_000, expected.size(),
                firstLine.blockNumber(), lastLine.blockNumber());
        SettlementClient bridge = new SettlementClient(ledger, key(DemoNetwork.BRIDGE_LABEL));
        Attestor attestor = new Attestor(bridge);
        SettlementTotals before = bridge.settlementTotals();

        Attestor.Result sent = attestor.attest(batch);
        Attestor.Result resent = attestor.attest(batch);
        Attestor.Result otherFigures = attestor.attest(new SettlementAttestation(batch.batchHash(), "B-2026-11-0001",
                "2026-11", total, total, 0, 0, expected.size(), firstLine.blockNumber(), lastLine.blockNumber()));
        Attestor.Result byTheAuthority = new Attestor(new SettlementClient(ledger, key("authority")))
                .attest(new SettlementAttestation(Hash.sha3String("batch B-2026-11-0002"), "B-2026-11-0002",
                        "2026-11", 100, 100, 0, 0, 1, firstLine.blockNumber(), firstLine.blockNumber()));

        assertThat(sent).isInstanceOfSatisfying(Attestor.Result.Attested.class,
                a -> assertThat(a.blockNumber()).isGreaterThan(lastLine.blockNumber()));
        assertThat(resent).isEqualTo(new Attestor.Result.AlreadyAttested(batch.batchHash()));
        assertThat(otherFigures).isInstanceOfSatisfying(Attestor.Result.Refused.class, r -> {
            assertThat(r.code()).isEqualTo(Attestor.ALREADY_ATTESTED);
            assertThat(r.detail()).contains("other figures");
        });
        assertThat(byTheAuthority).isInstanceOfSatisfying(Attestor.Result.Refused.class,
                r -> assertThat(r.code()).isEqualTo("FORBIDDEN_ROLE"));
        assertThat(bridge.attestationOf(batch.batchHash()))
                .contains(new RecordedAttestation(batch, bridge.address()));
        assertThat(bridge.settlementTotals()).isEqualTo(new SettlementTotals(before.attestedCents() + total,
                before.contributionsCents() + total - 3_000, before.publicAccountsCents() + 2_000,
                before.monetaryCreationCents() + 1_000, before.batches() + 1));
        long at = ((Attestor.Result.Attested) sent).blockNumber();
        assertThat(EventQuery.events(ledger, at, at, EventDecoder.SETTLEMENT_ATTESTED_TOPIC)).singleElement()
                .isEqualTo(new LedgerEvent.SettlementAttested(at, batch.batchHash(), bridge.address(),
                        "B-2026-11-0001", "2026-11", total, total - 3_000, 2_000, 1_000, expected.size(),
                        firstLine.blockNumber(), lastLine.blockNumber()));
    }

    @Test
    void demoGenesis_givesTheBridgeAccountTheBridgeRole_andNoOneElse() {
        Set<String> bridges = new HashSet<>();
        demo.genesis().accounts().stream().filter(a -> a.roles().contains(org.targetedmoney.policy.model.Role.BRIDGE))
                .forEach(a -> bridges.add(a.address().toHex()));

        assertThat(bridges).containsExactly(demo.keys().byLabel(DemoNetwork.BRIDGE_LABEL).address().toHex());
        assertThat(demo.keys().byLabel(DemoNetwork.BRIDGE_LABEL).kind()).isEqualTo(DemoKeys.Kind.BRIDGE);
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
