package org.targetedmoney.bridge.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.targetedmoney.bridge.engine.Applied;
import org.targetedmoney.bridge.engine.BridgeEngine;
import org.targetedmoney.bridge.engine.BridgeInput;
import org.targetedmoney.bridge.engine.Payee;
import org.targetedmoney.bridge.engine.PaymentOrder;
import org.targetedmoney.bridge.funding.FundingCredit;
import org.targetedmoney.bridge.funding.SourceKind;
import org.targetedmoney.bridge.line.LedgerLine;
import org.targetedmoney.bridge.line.LineKind;
import org.targetedmoney.bridge.settlement.BankOutcome;
import org.targetedmoney.bridge.settlement.BatchBuilder;
import org.targetedmoney.bridge.settlement.FundingAccount;
import org.targetedmoney.bridge.settlement.FundingBook;
import org.targetedmoney.bridge.settlement.FundingPlan;
import org.targetedmoney.bridge.settlement.SettlementMode;
import org.targetedmoney.bridge.settlement.SettlementWindow;
import org.targetedmoney.bridge.snapshot.StateWriter;
import org.targetedmoney.bridge.store.BridgeStore;
import org.targetedmoney.bridge.store.Family;

/**
 * Snapshots in the store across restarts: taken every few journal entries in the entry's own commit, restored at
 * start with only the entries after them replayed; a damaged newest snapshot gives way to the older one, a change of
 * configuration to the whole journal - and whichever way, the state is the journal's.
 */
class EngineSnapshotsTest {
    static final String SHOP = "0x00000000000000000000000000000000000000aa";
    static final String DOCTOR = "0x00000000000000000000000000000000000000bb";
    /** 2026-11-02T10:00:00Z. */
    static final long MONDAY = 1_794_045_600L;
    static final long DAY = 86_400;
    static final int EVERY = 3;

    @TempDir
    Path dir;

    static BridgeEngine engine(Map<String, Payee> payees) {
        return new BridgeEngine(SettlementWindow.DAILY, new BatchBuilder(SettlementMode.GROSS),
                new FundingBook(new FundingPlan(List.of(FundingAccount.any("members", SourceKind.CONTRIBUTIONS),
                        new FundingAccount("creation", SourceKind.MONETARY_CREATION, Set.of())), 50_000)), payees);
    }

    static Map<String, Payee> payees() {
        return Map.of(SHOP, new Payee(SHOP, "Epicerie", "FR7630006000011234567890189", ""),
                DOCTOR, new Payee(DOCTOR, "Cabinet", "DE89370400440532013000", "COBADEFFXXX"));
    }

    static LedgerLine line(long block, long ts, String provider, long cents) {
        return new LedgerLine(block, 0, "0x" + "ab".repeat(32), ts, provider, 1, LineKind.REDEMPTION, cents, block);
    }

    /** Ten days of lines, credits, payment orders and bank news: ten journal entries and more. */
    static List<BridgeInput> story() {
        List<BridgeInput> inputs = new ArrayList<>();
        for (int day = 0; day < 6; day++) {
            long ts = MONDAY + day * DAY;
            long block = 100 + day * 10L;
            inputs.add(new BridgeInput.LinesRead(List.of(line(block, ts, SHOP, 1_000 + day),
                    line(block + 1, ts + 60, DOCTOR, 2_000 + day)), block + 2, 0, block + 1, ts + 120));
            inputs.add(new BridgeInput.CreditReceived(new FundingCredit("members", SourceKind.CONTRIBUTIONS,
                    YearMonth.of(2026, 11), 1_500, "c-" + day)));
            inputs.add(new BridgeInput.CutPayments("TM-" + day, ts + 120, LocalDate.of(2026, 12, 1)));
        }
        return inputs;
    }

    /** Applies inputs as the service does: each journaled (unless refused) with its snapshot in one commit. */
    static List<BridgeInput> applyJournaled(BridgeStore store, BridgeEngine engine, List<BridgeInput> inputs) {
        Journal journal = new Journal(store);
        EngineSnapshots snapshots = new EngineSnapshots(store, journal, EVERY);
        List<BridgeInput> journaled = new ArrayList<>();
        for (BridgeInput in : inputs) {
            BridgeInput input = in;
            store.commit(w -> {
                Applied a = engine.apply(input);
                if (!(a instanceof Applied.Refused)) {
                    snapshots.afterAppend(w, journal.append(w, input), engine);
                    journaled.add(input);
                }
            });
            if (input instanceof BridgeInput.CutPayments c && engine.order(c.messageId()).isPresent()) {
                bankBooksHalf(store, engine, journal, snapshots, engine.order(c.messageId()).get(), journaled);
            }
        }
        return journaled;
    }

    /** The bank books the first transfer of an order and rejects the others (retried). */
    private static void bankBooksHalf(BridgeStore store, BridgeEngine engine, Journal journal,
                                      EngineSnapshots snapshots, PaymentOrder order, List<BridgeInput> journaled) {
        List<BankOutcome> outcomes = new ArrayList<>();
        for (int i = 0; i < order.items().size(); i++) {
            var t = order.items().get(i).transfer();
            outcomes.add(i == 0 ? new BankOutcome.Booked(t.endToEndId(), t.amountCents(), "R" + i)
                    : new BankOutcome.Rejected(t.endToEndId(), "AM04"));
        }
        BridgeInput news = new BridgeInput.BankOutcomes("CAMT-" + order.messageId(), "camt.054", outcomes);
        store.commit(w -> {
            engine.apply(news);
            snapshots.afterAppend(w, journal.append(w, news), engine);
            journaled.add(news);
        });
    }

    static byte[] encode(BridgeEngine e) {
        StateWriter out = new StateWriter();
        e.writeState(out);
        return out.toByteArray();
    }

    /** The state the whole journal gives a new engine. */
    static BridgeEngine replayed(List<BridgeInput> journaled, Map<String, Payee> payees) {
        BridgeEngine e = engine(payees);
        journaled.forEach(e::apply);
        return e;
    }

    @Test
    void recover_afterSnapshots_restoresTheNewestAndReplaysOnlyTheEntriesAfterIt() {
        Path data = dir.resolve("store");
        List<BridgeInput> journaled;
        byte[] before;
        try (BridgeStore store = BridgeStore.open(data)) {
            BridgeEngine engine = engine(payees());
            journaled = applyJournaled(store, engine, story());
            before = encode(engine);
        }
        long entries = journaled.size();

        try (BridgeStore store = BridgeStore.open(data)) {
            EngineSnapshots.Recovery r = new EngineSnapshots(store, new Journal(store), EVERY)
                    .recover(() -> engine(payees()));

            assertThat(r.snapshotPosition()).isEqualTo(entries / EVERY * EVERY);
            assertThat(r.replayedEntries()).isEqualTo(entries % EVERY);
            assertThat(r.ignored()).isEmpty();
            assertThat(encode(r.engine())).isEqualTo(before);
            assertThat(r.engine().view()).isEqualTo(replayed(journaled, payees()).view());
            assertThat(new Journal(store).size()).as("the journal is kept whole").isEqualTo(entries);
        }
    }

    @Test
    void recover_configurationChanged_ignoresTheSnapshotsAndReplaysTheWholeJournal() {
        Path data = dir.resolve("store");
        List<BridgeInput> journaled;
        try (BridgeStore store = BridgeStore.open(data)) {
            journaled = applyJournaled(store, engine(payees()), story());
        }
        Map<String, Payee> shopOnly = Map.of(SHOP, payees().get(SHOP)); // the doctor's bank details withdrawn

        try (BridgeStore store = BridgeStore.open(data)) {
            EngineSnapshots.Recovery r = new EngineSnapshots(store, new Journal(store), EVERY)
                    .recover(() -> engine(shopOnly));

            assertThat(r.snapshotPosition()).isZero();
            assertThat(r.replayedEntries()).isEqualTo(journaled.size());
            assertThat(r.ignored()).hasSize(2).allSatisfy(why -> assertThat(why).contains("CONFIGURATION_CHANGED"));
            assertThat(encode(r.engine())).isEqualTo(encode(replayed(journaled, shopOnly)));
        }
    }

    @Test
    void recover_newestSnapshotDamaged_usesTheOlderOneThenTheWholeJournal() {
        Path data = dir.resolve("store");
        List<BridgeInput> journaled;
        try (BridgeStore store = BridgeStore.open(data)) {
            journaled = applyJournaled(store, engine(payees()), story());
        }
        long newest = journaled.size() / EVERY * EVERY;
        byte[] whole = encode(replayed(journaled, payees()));

        try (BridgeStore store = BridgeStore.open(data)) {
            List<SnapshotSlots.Head> heads = new SnapshotSlots(store).heads();
            assertThat(heads).extracting(SnapshotSlots.Head::position).containsExactly(newest, newest - EVERY);
            damage(store, heads.get(0));

            EngineSnapshots.Recovery r = new EngineSnapshots(store, new Journal(store), EVERY)
                    .recover(() -> engine(payees()));

            assertThat(r.snapshotPosition()).isEqualTo(newest - EVERY);
            assertThat(r.ignored()).singleElement().satisfies(why -> assertThat(why).contains("CORRUPT", "CRC32C"));
            assertThat(encode(r.engine())).isEqualTo(whole);

            damage(store, heads.get(1));
            EngineSnapshots.Recovery none = new EngineSnapshots(store, new Journal(store), EVERY)
                    .recover(() -> engine(payees()));
            assertThat(none.snapshotPosition()).isZero();
            assertThat(none.replayedEntries()).isEqualTo(journaled.size());
            assertThat(encode(none.engine())).isEqualTo(whole);
        }
    }

    @Test
    void takeNow_atCleanClose_nextStartReplaysNothing() {
        Path data = dir.resolve("store");
        try (BridgeStore store = BridgeStore.open(data)) {
            BridgeEngine engine = engine(payees());
            applyJournaled(store, engine, story().subList(0, 4));
            EngineSnapshots snapshots = new EngineSnapshots(store, new Journal(store), 1_000);
            boolean taken = store.commitAndGet(w -> snapshots.takeNow(w, engine));
            boolean again = store.commitAndGet(w -> snapshots.takeNow(w, engine));
            assertThat(taken).isTrue();
            assertThat(again).as("one is there already").isFalse();
        }
        try (BridgeStore store = BridgeStore.open(data)) {
            EngineSnapshots.Recovery r = new EngineSnapshots(store, new Journal(store), 1_000)
                    .recover(() -> engine(payees()));
            assertThat(r.replayedEntries()).isZero();
            assertThat(r.snapshotPosition()).isEqualTo(new Journal(store).size());
        }
    }

    /** Flips a byte in the middle of a slot's first chunk, as a bad disk would. */
    private static void damage(BridgeStore store, SnapshotSlots.Head head) {
        byte[] key = SnapshotSlots.chunkKeyOf(head.slot(), 0);
        byte[] chunk = store.get(Family.SNAPSHOT, key).orElseThrow();
        chunk[chunk.length / 2] ^= 0x10;
        store.commit(w -> w.put(Family.SNAPSHOT, key, chunk));
    }
}
