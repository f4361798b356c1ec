package org.targetedmoney.bridge.contribution;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;

/** Any valid scale reads back from its text forms, and its contribution follows income up, band by band. */
class SlidingScaleProperties {

    /** A valid SSA scale: increasing floors from 0, non-decreasing contributions within 1..150 EUR. */
    @Provide
    Arbitrary<SlidingScale> scales() {
        return Arbitraries.longs().between(1, 1_000_000).list().ofMinSize(1).ofMaxSize(40)
                .flatMap(gaps -> Arbitraries.longs().between(100, 15_000).list().ofSize(gaps.size()).map(amounts -> {
                    List<Long> sorted = amounts.stream().sorted().toList();
                    List<ScaleBand> bands = new ArrayList<>();
                    long floor = 0;
                    for (int i = 0; i < gaps.size(); i++) {
                        bands.add(new ScaleBand(floor, sorted.get(i)));
                        floor += gaps.get(i);
                    }
                    return ((Outcome.Accepted<SlidingScale>) SlidingScale.of(bands, ScaleLimits.SSA)).value();
                }));
    }

    @Property
    void parseCsv_toCsvOfAnyScale_sameScale(@ForAll("scales") SlidingScale scale) {
        assertThat(SlidingScale.parseCsv(scale.toCsv().getBytes(UTF_8), ScaleLimits.SSA))
                .isEqualTo(Outcome.accepted(scale));
    }

    @Property
    void parseJson_jsonOfAnyScale_sameScale(@ForAll("scales") SlidingScale scale) {
        String json = scale.bands().stream()
                .map(b -> "{\"incomeFromCents\":" + b.incomeFromCents() + ",\"contributionCents\":"
                        + b.contributionCents() + "}")
                .collect(Collectors.joining(",\n", "[\n", "\n]"));
        assertThat(SlidingScale.parseJson(json.getBytes(UTF_8), ScaleLimits.SSA)).isEqualTo(Outcome.accepted(scale));
    }

    @Property
    void contributionFor_anyIncome_lastBandWhoseFloorItReaches(@ForAll("scales") SlidingScale scale,
                                                               @ForAll @LongRange(min = 0, max = 50_000_000) long income) {
        ScaleBand expected = scale.bands().stream().filter(b -> b.incomeFromCents() <= income)
                .reduce((a, b) -> b).orElseThrow();
        assertThat(scale.contributionFor(income)).isEqualTo(expected.contributionCents());
        assertThat(scale.contributionFor(income)).isBetween(100L, 15_000L);
        assertThat(scale.contributionFor(income + 1)).isGreaterThanOrEqualTo(scale.contributionFor(income));
    }
}
