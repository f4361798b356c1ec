package org.targetedmoney.bridge.settlement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.targetedmoney.bridge.settlement.Fixtures.CULTURE;
import static org.targetedmoney.bridge.settlement.Fixtures.FOOD;
import static org.targetedmoney.bridge.settlement.Fixtures.HEALTH;
import static org.targetedmoney.bridge.settlement.Fixtures.line;
import static org.targetedmoney.bridge.settlement.Fixtures.utc;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.targetedmoney.bridge.line.LedgerLine;
import org.targetedmoney.bridge.line.LineKind;

class BatchBuilderTest {
    private static final WindowId WEEK = WindowId.parse("2026-W49");
    private static final long IN_WEEK = utc(2026, 12, 1, 10, 0, 0);
    private static final long AFTER_WEEK = WEEK.endSeconds();

    private static List<LedgerLine> sample() {
        return List.of(
                line(12, 0, IN_WEEK, 2, FOOD, 1_250),
                line(10, 3, IN_WEEK, 1, FOOD, 500),
                line(10, 1, IN_WEEK, 1, HEALTH, 2_000),
                line(11, 0, IN_WEEK, 1, FOOD, 250));
    }

    @Test
    void build_twoProviders_oneBatchEachWithSortedLinesAndSubtotals() {
        List<Batch> batches = new BatchBuilder(SettlementMode.NET).build(WEEK, sample(), AFTER_WEEK);

        assertThat(batches).extracting(Batch::provider).containsExactly(Fixtures.provider(1), Fixtures.provider(2));
        Batch first = batches.get(0);
        assertThat(first.lines()).extracting(LedgerLine::id).containsExactly("10:1", "10:3", "11:0");
        assertThat(first.subtotalsByPurposeCents()).containsExactly(Map.entry(FOOD, 750L), Map.entry(HEALTH, 2_000L));
        assertThat(first.totalCents()).isEqualTo(2_750);
        assertThat(first.window()).isEqualTo(WEEK);
        assertThat(first.part()).isZero();
    }

    @Test
    void build_sameLinesInAnyOrder_giveTheSameIdsAndHashes() {
        List<LedgerLine> shuffled = new ArrayList<>(sample());
        Collections.shuffle(shuffled, new Random(7));
        BatchBuilder builder = new BatchBuilder(SettlementMode.NET);

        List<Batch> a = builder.build(WEEK, sample(), AFTER_WEEK);
        List<Batch> b = builder.build(WEEK, shuffled, AFTER_WEEK + 3_600);

        assertThat(b).isEqualTo(a);
        assertThat(b).extracting(Batch::hashHex).isEqualTo(a.stream().map(Batch::hashHex).toList());
    }

    @Test
    void id_isTheDocumentedSepaIdentifier() throws Exception {
        Batch batch = new BatchBuilder(SettlementMode.NET).build(WEEK, sample(), AFTER_WEEK).get(0);

        byte[] digest = MessageDigest.getInstance("SHA-256")
                .digest((Fixtures.provider(1) + "|2026-W49|0").getBytes(StandardCharsets.UTF_8));
        assertThat(batch.id()).isEqualTo("B2026-W49-" + HexFormat.of().formatHex(digest).substring(0, 14));
        assertThat(Batch.isSepaIdentifier(batch.id())).isTrue();
        WindowId day = WindowId.parse("2026-12-01");
        Batch daily = new BatchBuilder(SettlementMode.NET).build(day, sample(), day.endSeconds()).get(0);
        assertThat(daily.id()).hasSize(26).startsWith("B2026-12-01-"); // daily windows give the longest ids
    }

    @Test
    void id_doesNotDependOnTheMode_butTheHashDoes() {
        Batch net = new BatchBuilder(SettlementMode.NET).build(WEEK, sample(), AFTER_WEEK).get(0);
        Batch gross = new BatchBuilder(SettlementMode.GROSS).build(WEEK, sample(), AFTER_WEEK).get(0);

        assertThat(gross.id()).isEqualTo(net.id());
        assertThat(gross.hashHex()).isNotEqualTo(net.hashHex());
    }

    @Test
    void hash_isSha256OfTheDocumentedEncoding() throws Exception {
        Batch batch = new BatchBuilder(SettlementMode.GROSS).build(WEEK, sample(), AFTER_WEEK).get(0);

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        string(out, "targeted-money/settlement-batch/v1");
        string(out, batch.id());
        string(out, "2026-W49");
        out.write(HexFormat.of().parseHex(Fixtures.provider(1).substring(2)));
        string(out, "gross");
        out.writeInt(3);
        for (LedgerLine l : batch.lines()) {
            out.writeLong(l.blockNumber());
            out.writeInt(l.logIndex());
            out.write(HexFormat.of().parseHex(l.transactionHash().substring(2)));
            string(out, "redemption");
            out.writeInt(l.purpose());
            out.writeLong(l.amountCents());
            out.writeLong(l.reference());
        }
        byte[] expected = MessageDigest.getInstance("SHA-256").digest(bytes.toByteArray());

        assertThat(batch.hash()).isEqualTo(expected);
        assertThat(batch.hashHex()).isEqualTo("0x" + HexFormat.of().formatHex(expected));
    }

    private static void string(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    @Test
    void hash_changesWithEveryAttestedField() {
        LedgerLine base = line(10, 1, IN_WEEK, 1, FOOD, 500);
        List<LedgerLine> variants = List.of(
                new LedgerLine(10, 1, base.transactionHash(), IN_WEEK, base.provider(), FOOD, LineKind.REDEMPTION, 501, base.reference()),
                new LedgerLine(10, 1, base.transactionHash(), IN_WEEK, base.provider(), HEALTH, LineKind.REDEMPTION, 500, base.reference()),
                new LedgerLine(10, 1, base.transactionHash(), IN_WEEK, base.provider(), FOOD, LineKind.CLAIM, 500, base.reference()),
                new LedgerLine(10, 1, base.transactionHash(), IN_WEEK, base.provider(), FOOD, LineKind.REDEMPTION, 500, 99),
                new LedgerLine(10, 1, Fixtures.txHash(77, 7), IN_WEEK, base.provider(), FOOD, LineKind.REDEMPTION, 500, base.reference()),
                new LedgerLine(10, 2, base.transactionHash(), IN_WEEK, base.provider(), FOOD, LineKind.REDEMPTION, 500, base.reference()));
        BatchBuilder builder = new BatchBuilder(SettlementMode.NET);
        String baseHash = builder.build(WEEK, List.of(base), AFTER_WEEK).get(0).hashHex();

        for (LedgerLine v : variants) {
            assertThat(builder.build(WEEK, List.of(v), AFTER_WEEK).get(0).hashHex()).as(v.toString()).isNotEqualTo(baseHash);
        }
    }

    @Test
    void transfers_netMode_oneTransferOfTheBatchTotal() {
        Batch batch = new BatchBuilder(SettlementMode.NET).build(WEEK, sample(), AFTER_WEEK).get(0);

        assertThat(batch.transfers()).containsExactly(new CreditTransfer(0, 2_750,
                new java.util.TreeMap<>(Map.of(FOOD, 750L, HEALTH, 2_000L))));
        assertThat(batch.endToEndId(0, 1)).isEqualTo(batch.id() + "-1");
    }

    @Test
    void transfers_grossMode_oneTransferPerLine() {
        Batch batch = new BatchBuilder(SettlementMode.GROSS).build(WEEK, sample(), AFTER_WEEK).get(0);

        assertThat(batch.transfers()).extracting(CreditTransfer::amountCents).containsExactly(2_000L, 500L, 250L);
        assertThat(batch.transfer(0).amountsByPurposeCents()).containsExactly(Map.entry(HEALTH, 2_000L));
        assertThat(batch.endToEndId(2, 3)).isEqualTo(batch.id() + "-3-2");
    }

    @Test
    void endToEndId_attemptOutsideOneToMax_isRefused() {
        Batch batch = new BatchBuilder(SettlementMode.NET).build(WEEK, sample(), AFTER_WEEK).get(0);

        assertThatThrownBy(() -> batch.endToEndId(0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(batch.endToEndId(0, Reconciliation.MAX_ATTEMPT_NUMBER)).endsWith("-9"); // reissues' attempts
        assertThatThrownBy(() -> batch.endToEndId(0, Reconciliation.MAX_ATTEMPT_NUMBER + 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void endToEndId_lastLineOfAFullGrossBatchOnADailyWindow_fitsIn35Characters() {
        WindowId day = WindowId.parse("2026-12-01");
        List<LedgerLine> lines = new ArrayList<>(BatchBuilder.MAX_LINES_PER_BATCH);
        for (int i = 0; i < BatchBuilder.MAX_LINES_PER_BATCH; i++) {
            lines.add(line(1_000 + i / 100, i % 100, IN_WEEK, 1, FOOD, 1));
        }
        Batch batch = new BatchBuilder(SettlementMode.GROSS).build(day, lines, day.endSeconds()).get(0);

        String longest = batch.endToEndId(BatchBuilder.MAX_LINES_PER_BATCH - 1, Reconciliation.MAX_ATTEMPT_NUMBER);
        assertThat(longest).hasSize(34).endsWith("-9-99999"); // the last attempt of the last reissue
        assertThat(Batch.isSepaIdentifier(longest)).isTrue();
    }

    @Test
    void build_moreLinesThanTheBatchLimit_splitsIntoNumberedParts() {
        List<LedgerLine> lines = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            lines.add(line(20 + i, 0, IN_WEEK, 1, FOOD, 100 + i));
        }
        List<Batch> parts = new BatchBuilder(SettlementMode.NET, 2).build(WEEK, lines, AFTER_WEEK);

        assertThat(parts).extracting(Batch::part).containsExactly(0, 1, 2);
        assertThat(parts).extracting(b -> b.lines().size()).containsExactly(2, 2, 1);
        assertThat(parts.get(1).lines()).extracting(LedgerLine::id).containsExactly("22:0", "23:0");
        assertThat(parts).extracting(Batch::id).doesNotHaveDuplicates();
    }

    @Test
    void build_sameLineIdTwice_isRefused() {
        List<LedgerLine> lines = List.of(line(10, 1, IN_WEEK, 1, FOOD, 500), line(10, 1, IN_WEEK, 2, FOOD, 700));

        assertThatThrownBy(() -> new BatchBuilder(SettlementMode.NET).build(WEEK, lines, AFTER_WEEK))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line 10:1 is given twice");
    }

    @Test
    void build_lineOutsideTheWindow_isRefused() {
        List<LedgerLine> lines = List.of(line(10, 1, AFTER_WEEK, 1, FOOD, 500));

        assertThatThrownBy(() -> new BatchBuilder(SettlementMode.NET).build(WEEK, lines, AFTER_WEEK))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not in window 2026-W49");
    }

    @Test
    void build_windowNotClosed_isRefused() {
        assertThatThrownBy(() -> new BatchBuilder(SettlementMode.NET).build(WEEK, sample(), AFTER_WEEK - 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is not closed");
    }

    @Test
    void build_upperCaseProviderAddress_isRefused() {
        LedgerLine l = line(10, 1, IN_WEEK, 1, FOOD, 500);
        LedgerLine upper = new LedgerLine(10, 1, l.transactionHash(), IN_WEEK, l.provider().toUpperCase().replace("0X", "0x"),
                FOOD, LineKind.REDEMPTION, 500, 1);

        assertThatThrownBy(() -> new BatchBuilder(SettlementMode.NET).build(WEEK, List.of(upper), AFTER_WEEK))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lower-case hex");
    }

    @Test
    void requireDisjoint_lineInTwoBatches_throws() {
        List<LedgerLine> lines = List.of(line(10, 1, IN_WEEK, 1, FOOD, 500), line(11, 1, IN_WEEK, 1, CULTURE, 700));
        List<Batch> whole = new BatchBuilder(SettlementMode.NET).build(WEEK, lines, AFTER_WEEK);
        List<Batch> split = new BatchBuilder(SettlementMode.NET, 1).build(WEEK, lines, AFTER_WEEK);
        List<Batch> both = new ArrayList<>(whole);
        both.add(split.get(1));

        assertThatThrownBy(() -> BatchBuilder.requireDisjoint(both))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("line 11:1 is in batches");
        assertThatThrownBy(() -> BatchBuilder.requireDisjoint(List.of(whole.get(0), whole.get(0))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("appears twice");
    }

    @Test
    void instruct_allocationsNotSummingToTheTransfer_isRefused() {
        Batch batch = new BatchBuilder(SettlementMode.NET).build(WEEK, sample(), AFTER_WEEK).get(1);
        Allocation tooLittle = new Allocation(0, "ssa", org.targetedmoney.bridge.funding.SourceKind.CONTRIBUTIONS, FOOD,
                WEEK.fundingMonth(), 1_000);

        assertThatThrownBy(() -> batch.instruct(0, 1, List.of(tooLittle)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("summing to 1000");
    }
}
