package org.targetedmoney.bridge.contribution;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.targetedmoney.bridge.contribution.ContributionRejection.Code;

class SlidingScaleTest {
    private static final String HEADER = "income_from_cents,contribution_cents\n";

    static SlidingScale accepted(Outcome<SlidingScale> outcome) {
        assertThat(outcome).isInstanceOf(Outcome.Accepted.class);
        return ((Outcome.Accepted<SlidingScale>) outcome).value();
    }

    static ContributionRejection rejected(Outcome<SlidingScale> outcome) {
        assertThat(outcome).isInstanceOf(Outcome.Rejected.class);
        return ((Outcome.Rejected<SlidingScale>) outcome).rejection();
    }

    static Outcome<SlidingScale> csv(String text) {
        return SlidingScale.parseCsv(text.getBytes(UTF_8), ScaleLimits.SSA);
    }

    static Outcome<SlidingScale> json(String text) {
        return SlidingScale.parseJson(text.getBytes(UTF_8), ScaleLimits.SSA);
    }

    static SlidingScale ssaDefault() throws IOException {
        try (InputStream in = SlidingScale.class.getResourceAsStream(SlidingScale.SSA_DEFAULT_RESOURCE)) {
            assertThat(in).as(SlidingScale.SSA_DEFAULT_RESOURCE).isNotNull();
            return accepted(SlidingScale.parseCsv(in.readAllBytes(), ScaleLimits.SSA));
        }
    }

    @Test
    void parseCsv_defaultSsaResource_fromOneToOneHundredFiftyEuros() throws IOException {
        SlidingScale ssa = ssaDefault();

        assertThat(ssa.bands()).hasSize(11);
        assertThat(ssa.bands().getFirst()).isEqualTo(new ScaleBand(0, 100));
        assertThat(ssa.bands().getLast()).isEqualTo(new ScaleBand(500_000, 15_000));
        assertThat(ssa.contributionFor(0)).isEqualTo(100);
        assertThat(ssa.contributionFor(49_999)).isEqualTo(100);
        assertThat(ssa.contributionFor(50_000)).isEqualTo(500);
        assertThat(ssa.contributionFor(180_000)).isEqualTo(4_500);
        assertThat(ssa.contributionFor(Long.MAX_VALUE)).isEqualTo(15_000);
    }

    @Test
    void parseCsv_commentsBlankLinesBomCrlfAndSpaces_accepted() {
        SlidingScale scale = accepted(csv("\uFEFF# a comment\r\n\r\n income_from_cents , contribution_cents \r\n"
                + "0,100\r\n  # indented comment\r\n100000 , 2000\r\n"));

        assertThat(scale.bands()).containsExactly(new ScaleBand(0, 100), new ScaleBand(100_000, 2_000));
    }

    @Test
    void parseCsv_missingHeader_malformedNamingTheLine() {
        ContributionRejection r = rejected(csv("# scale\n0,100\n"));

        assertThat(r.code()).isEqualTo(Code.SCALE_MALFORMED);
        assertThat(r.field()).isEqualTo("line 2: header");
        assertThat(r.message()).startsWith("line 2: header=\"0,100\": expected the header");
    }

    @Test
    void parseCsv_noContentAtAll_malformedHeader() {
        assertThat(rejected(csv("# only a comment\n")).code()).isEqualTo(Code.SCALE_MALFORMED);
    }

    @Test
    void parseCsv_headerOnly_scaleEmpty() {
        assertThat(rejected(csv(HEADER)).code()).isEqualTo(Code.SCALE_EMPTY);
    }

    @Test
    void parseCsv_wrongColumnCount_malformed() {
        ContributionRejection r = rejected(csv(HEADER + "0,100,7\n"));

        assertThat(r.code()).isEqualTo(Code.SCALE_MALFORMED);
        assertThat(r.message()).startsWith("line 2=\"0,100,7\": expected 2 columns");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.5", "1e3", "1 000", "abc", "", "+5", "1234567890123456789"})
    void parseCsv_contributionNotWholeCents_malformedNamingLineFieldAndValue(String value) {
        ContributionRejection r = rejected(csv(HEADER + "0," + value + "\n"));

        assertThat(r.code()).isEqualTo(Code.SCALE_MALFORMED);
        assertThat(r.field()).isEqualTo("line 2: contribution_cents");
        assertThat(r.message()).contains("\"" + value.strip() + "\"");
    }

    @Test
    void parseCsv_firstBandAboveZero_firstBandNotZero() {
        ContributionRejection r = rejected(csv(HEADER + "# starts late\n5000,100\n"));

        assertThat(r.code()).isEqualTo(Code.SCALE_FIRST_BAND_NOT_ZERO);
        assertThat(r.message()).isEqualTo("line 3: income_from_cents=5000: the first band must start at income 0");
    }

    @Test
    void parseCsv_repeatedFloor_notIncreasing() {
        ContributionRejection r = rejected(csv(HEADER + "0,100\n50000,500\n50000,600\n"));

        assertThat(r.code()).isEqualTo(Code.SCALE_NOT_INCREASING);
        assertThat(r.field()).isEqualTo("line 4: income_from_cents");
        assertThat(r.message()).contains("50000").contains("previous band's floor 50000");
    }

    @Test
    void parseCsv_negativeFloor_notIncreasing() {
        assertThat(rejected(csv(HEADER + "0,100\n-1,500\n")).code()).isEqualTo(Code.SCALE_NOT_INCREASING);
    }

    @Test
    void parseCsv_contributionFallsAsIncomeRises_contributionDecreasing() {
        ContributionRejection r = rejected(csv(HEADER + "0,100\n50000,900\n80000,800\n"));

        assertThat(r.code()).isEqualTo(Code.SCALE_CONTRIBUTION_DECREASING);
        assertThat(r.message()).isEqualTo("line 4: contribution_cents=800: below the previous band's 900");
    }

    @ParameterizedTest
    @ValueSource(longs = {99, 15_001, 0, -100})
    void parseCsv_contributionOutsideLimits_outOfRange(long contribution) {
        ContributionRejection r = rejected(csv(HEADER + "0," + contribution + "\n"));

        assertThat(r.code()).isEqualTo(Code.SCALE_CONTRIBUTION_OUT_OF_RANGE);
        assertThat(r.message()).isEqualTo("line 2: contribution_cents=" + contribution + ": outside 100..15000");
    }

    @Test
    void parseCsv_moreBandsThanLimit_tooManyBands() {
        StringBuilder text = new StringBuilder(HEADER);
        for (int i = 0; i <= SlidingScale.MAX_BANDS; i++) {
            text.append(i).append(",100\n");
        }
        assertThat(rejected(csv(text.toString())).code()).isEqualTo(Code.SCALE_TOO_MANY_BANDS);
    }

    @Test
    void parseCsv_textBeyondLimit_tooLarge() {
        byte[] big = (HEADER + "#".repeat(SlidingScale.MAX_TEXT_BYTES)).getBytes(UTF_8);

        assertThat(rejected(SlidingScale.parseCsv(big, ScaleLimits.SSA)).code()).isEqualTo(Code.SCALE_TOO_LARGE);
        assertThat(rejected(SlidingScale.parseJson(big, ScaleLimits.SSA)).code()).isEqualTo(Code.SCALE_TOO_LARGE);
    }

    @Test
    void parseCsv_invalidUtf8_malformedEncoding() {
        byte[] text = (HEADER + "0,100\n# caf\u00e9\n").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);

        ContributionRejection r = rejected(SlidingScale.parseCsv(text, ScaleLimits.SSA));

        assertThat(r.code()).isEqualTo(Code.SCALE_MALFORMED);
        assertThat(r.field()).isEqualTo("encoding");
    }

    @Test
    void parseJson_arrayOfBands_sameAsCsv() throws IOException {
        SlidingScale scale = accepted(json("""
                [{"incomeFromCents":0,"contributionCents":100},
                 {"incomeFromCents":50000,"contributionCents":500}]"""));

        assertThat(scale).isEqualTo(accepted(csv(HEADER + "0,100\n50000,500\n")));
    }

    @Test
    void parseJson_floatingAmount_malformedNamingLineAndField() {
        ContributionRejection r = rejected(json("""
                [
                  {"incomeFromCents":0,"contributionCents":100.0}
                ]"""));

        assertThat(r.code()).isEqualTo(Code.SCALE_MALFORMED);
        assertThat(r.field()).isEqualTo("line 2 column 3 (band[0]): contributionCents");
        assertThat(r.message()).contains("=\"100.0\": not a whole number of cents");
    }

    @Test
    void parseJson_semanticError_namesTheBandsLine() {
        ContributionRejection r = rejected(json("""
                [
                  {"incomeFromCents":0,"contributionCents":500},
                  {"incomeFromCents":1000,"contributionCents":400}
                ]"""));

        assertThat(r.code()).isEqualTo(Code.SCALE_CONTRIBUTION_DECREASING);
        assertThat(r.field()).isEqualTo("line 3 column 3 (band[1]): contributionCents");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"incomeFromCents\":0,\"contributionCents\":100}",
            "[1]",
            "[{\"incomeFromCents\":0}]",
            "[{\"incomeFromCents\":0,\"contributionCents\":100,\"note\":\"x\"}]",
            "[{\"incomeFromCents\":0,\"contributionCents\":100,\"contributionCents\":200}]",
            "[{\"incomeFromCents\":0,\"contributionCents\":\"100\"}]",
            "[{\"incomeFromCents\":0,\"contributionCents\":99999999999999999999}]",
            "[{\"incomeFromCents\":0,\"contributionCents\":100}] []",
            "[{\"incomeFromCents\":0,\"contributionCents\":100}",
            ""})
    void parseJson_wrongShape_malformed(String text) {
        assertThat(rejected(json(text)).code()).isEqualTo(Code.SCALE_MALFORMED);
    }

    @Test
    void parseJson_emptyArray_scaleEmpty() {
        assertThat(rejected(json("[]")).code()).isEqualTo(Code.SCALE_EMPTY);
    }

    @Test
    void of_bandsInMemory_refusalNamesTheBandIndex() {
        ContributionRejection r = rejected(SlidingScale.of(List.of(new ScaleBand(0, 100), new ScaleBand(0, 200)),
                ScaleLimits.SSA));

        assertThat(r.code()).isEqualTo(Code.SCALE_NOT_INCREASING);
        assertThat(r.field()).isEqualTo("band[1]: incomeFromCents");
    }

    @Test
    void contributionFor_bandBoundaries_floorInclusive() {
        SlidingScale scale = accepted(csv(HEADER + "0,100\n1000,200\n2000,300\n"));

        assertThat(scale.contributionFor(999)).isEqualTo(100);
        assertThat(scale.contributionFor(1_000)).isEqualTo(200);
        assertThat(scale.contributionFor(1_999)).isEqualTo(200);
        assertThat(scale.contributionFor(2_000)).isEqualTo(300);
        assertThat(scale.bandFor(5_000)).isEqualTo(new ScaleBand(2_000, 300));
    }

    @Test
    void contributionFor_negativeIncome_illegalArgument() {
        SlidingScale scale = accepted(csv(HEADER + "0,100\n"));

        assertThatThrownBy(() -> scale.contributionFor(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void limits_minimumBelowOneCentOrAboveMaximum_refused() {
        assertThatThrownBy(() -> new ScaleLimits(0, 100)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ScaleLimits(200, 100)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ScaleLimits(1, ScaleLimits.CEILING_CENTS + 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
