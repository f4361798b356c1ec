package org.targetedmoney.bridge.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;
import org.targetedmoney.bridge.snapshot.SnapshotException;
import org.targetedmoney.bridge.snapshot.StateReader;

/**
 * A snapshot is as good as the journal it replaces: for random stories (lines, credits, cut-offs, payment orders,
 * bank news, attestations, firms' declarations, bank receipts, the fund's bank news, payee changes, re-issues and
 * abandons; random windows, modes, batch sizes, ceilings, payees, fund and credit confirmation mode),
 * restoring the state after any prefix and applying the rest gives the same bytes, the same answers and the same
 * views as applying every input to a new engine.
 */
class EngineSnapshotProperties {

    @Provide
    Arbitrary<EngineStories.Config> configs() {
        return EngineStories.configs();
    }

    @Provide
    Arbitrary<List<EngineStories.Op>> ops() {
        return EngineStories.ops();
    }

    @Provide
    Arbitrary<EngineStories.Config> fundConfigs() {
        return EngineStories.fundConfigs();
    }

    @Provide
    Arbitrary<List<EngineStories.Op>> fundOps() {
        return EngineStories.fundOps();
    }

    @Property(tries = 200)
    void restoreAtAnySplit_thenApplyTheRest_sameEncodingAnswersAndViewsAsStraightThrough(
            @ForAll("configs") EngineStories.Config config, @ForAll("ops") List<EngineStories.Op> ops) {
        restoredAtEverySplit_matchesStraightThrough(config, ops);
    }

    /** The same, for stories where a fund period closes and its payouts and direct debits meet the bank. */
    @Property(tries = 100)
    void fundBankStories_restoreAtAnySplit_sameEncodingAnswersAndViewsAsStraightThrough(
            @ForAll("fundConfigs") EngineStories.Config config, @ForAll("fundOps") List<EngineStories.Op> ops) {
        restoredAtEverySplit_matchesStraightThrough(config, ops);
    }

    private static void restoredAtEverySplit_matchesStraightThrough(EngineStories.Config config,
                                                                    List<EngineStories.Op> ops) {
        List<BridgeInput> inputs = EngineStories.inputs(config, ops);
        BridgeEngine straight = config.engine();
        List<byte[]> encodings = new ArrayList<>();
        List<EngineStories.Picture> pictures = new ArrayList<>();
        List<Applied> answers = new ArrayList<>();
        encodings.add(EngineStories.encode(straight));
        pictures.add(EngineStories.picture(straight));
        for (BridgeInput in : inputs) {
            answers.add(straight.apply(in));
            encodings.add(EngineStories.encode(straight));
            pictures.add(EngineStories.picture(straight));
        }
        for (int k = 0; k <= inputs.size(); k++) {
            BridgeEngine restored = config.engine();
            restored.readState(new StateReader(encodings.get(k)));
            assertThat(EngineStories.encode(restored)).as("encoding restored at %d", k).isEqualTo(encodings.get(k));
            assertThat(EngineStories.picture(restored)).as("views restored at %d", k).isEqualTo(pictures.get(k));
            for (int j = k; j < inputs.size(); j++) {
                assertThat(restored.apply(inputs.get(j))).as("answer to input %d after a restore at %d", j, k)
                        .isEqualTo(answers.get(j));
            }
            assertThat(EngineStories.encode(restored)).as("final encoding after a restore at %d", k)
                    .isEqualTo(encodings.getLast());
            assertThat(EngineStories.picture(restored)).as("final views after a restore at %d", k)
                    .isEqualTo(pictures.getLast());
        }
        Statistics.label("batches").collect(Math.min(straight.view().batches().size(), 10));
        Statistics.label("orders").collect(Math.min(straight.view().orders().size(), 5));
        Statistics.label("bank news").collect(answers.stream().filter(a -> a instanceof Applied.Reconciled r
                && !r.run().results().isEmpty()).count() > 0);
        Statistics.label("fund periods settled").collect(straight.interEnterprise()
                .map(b -> Math.min(b.settledPeriods().size(), 3)).orElse(-1));
        Statistics.label("receipts matched").collect(Math.min(straight.receipts().totals().confirmedCount(), 3));
        Statistics.label("escalations").collect(straight.escalations(Integer.MAX_VALUE).stream()
                .map(e -> e.status().name()).sorted().distinct().toList());
        Statistics.label("fund claims").collect(straight.interEnterprise().map(b -> b.settledPeriods().stream()
                .flatMap(m -> b.claimsOf(m).stream()).map(c -> c.flow() + " " + c.status()).sorted().distinct()
                .toList()).orElse(List.of()));
        Statistics.label("payee changes").collect(inputs.stream().anyMatch(i -> i instanceof BridgeInput.PayeeChanged));
    }

    @Property(tries = 100)
    void sameInputs_sameBytes(@ForAll("configs") EngineStories.Config config,
                              @ForAll("ops") List<EngineStories.Op> ops) {
        List<BridgeInput> inputs = EngineStories.inputs(config, ops);
        BridgeEngine a = config.engine();
        BridgeEngine b = config.engine();
        inputs.forEach(a::apply);
        inputs.forEach(b::apply);

        assertThat(EngineStories.encode(a)).isEqualTo(EngineStories.encode(b));
    }

    @Property(tries = 100)
    void truncatedState_refusedWithSnapshotException(@ForAll("configs") EngineStories.Config config,
                                                      @ForAll("ops") List<EngineStories.Op> ops,
                                                      @ForAll @IntRange(min = 0, max = 1_000_000) int cut) {
        BridgeEngine full = config.engine();
        EngineStories.inputs(config, ops).forEach(full::apply);
        byte[] bytes = EngineStories.encode(full);
        byte[] truncated = Arrays.copyOf(bytes, cut % bytes.length);

        assertThatThrownBy(() -> config.engine().readState(new StateReader(truncated)))
                .isInstanceOf(SnapshotException.class);
    }

    /**
     * A damaged byte that the CRC would catch in a stored snapshot, fed straight to the reader: it is refused with a
     * {@link SnapshotException} or reads as some other consistent state, never anything else (no other exception,
     * no huge allocation from a damaged count).
     */
    @Property(tries = 300)
    void damagedState_refusedCleanlyOrReadWhole(@ForAll("configs") EngineStories.Config config,
                                                @ForAll("ops") List<EngineStories.Op> ops,
                                                @ForAll @IntRange(min = 0, max = 1_000_000) int at,
                                                @ForAll @IntRange(min = 1, max = 255) int flip) {
        BridgeEngine full = config.engine();
        EngineStories.inputs(config, ops).forEach(full::apply);
        byte[] bytes = EngineStories.encode(full);
        bytes[at % bytes.length] ^= (byte) flip;

        Throwable thrown = catchThrowable(() -> config.engine().readState(new StateReader(bytes)));

        assertThat(thrown == null || thrown instanceof SnapshotException).as("%s", thrown).isTrue();
        Statistics.label("damage").collect(thrown == null ? "read as another state" : "refused");
    }
}
