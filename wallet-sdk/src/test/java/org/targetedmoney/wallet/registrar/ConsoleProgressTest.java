package org.targetedmoney.wallet.registrar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ConsoleProgressTest {
    static final long SECOND = 1_000_000_000L;
    static final int WIDE = 1_000;
    final StringWriter text = new StringWriter();
    final AtomicLong clock = new AtomicLong(5 * SECOND);

    ConsoleProgress progress(long totalLines, boolean terminal, int columns) {
        return new ConsoleProgress(new PrintWriter(text, true), totalLines, terminal, columns, clock::get);
    }

    @Test
    void render_knownTotal_showsBarPercentageOfLinesDoneCountsRateAndTimeLeft() {
        ConsoleProgress p = progress(1_000_000, true, WIDE);
        clock.addAndGet(10 * SECOND);

        String line = p.render(new Progress.Tally(250_400, 400, 240_000, 5_000, 5_000, 490), clock.get(), WIDE);

        assertThat(line).isEqualTo("[####------------]  25.0 % 250,000/1,000,000 lines  enrolled 240,000  "
                + "already 5,000  rejected 5,000  25,000 lines/s  0:30 left");
    }

    @Test
    void render_narrowTerminal_leavesOutTheRateThenTheLineCountsFirst() {
        ConsoleProgress p = progress(10_000_000, true, 80);
        clock.addAndGet(100 * SECOND);

        String line = p.render(new Progress.Tally(2_500_000, 0, 2_400_000, 50_000, 50_000, 4_900), clock.get(), 79);

        assertThat(line).isEqualTo("[####------------]  25.0 %  enrolled 2,400,000  already 50,000  "
                + "rejected 50,000");
    }

    @Test
    void render_unknownTotal_showsCountsWithoutBar() {
        ConsoleProgress p = progress(-1, true, WIDE);
        clock.addAndGet(SECOND);

        assertThat(p.render(new Progress.Tally(1_200, 0, 1_000, 0, 0, 2), clock.get(), WIDE))
                .isEqualTo("1,200 lines  enrolled 1,000  already 0  rejected 0  1,200 lines/s");
    }

    @Test
    void update_onATerminal_redrawsOneFittedLineAtMostEvery200Ms() {
        ConsoleProgress p = progress(100, true, 60);

        p.update(new Progress.Tally(1, 0, 0, 0, 0, 0));
        p.update(new Progress.Tally(2, 0, 0, 0, 0, 0));
        clock.addAndGet(ConsoleProgress.REDRAW_NANOS);
        p.update(new Progress.Tally(3, 0, 0, 0, 0, 0));
        p.finished(new Progress.Tally(100, 0, 100, 0, 0, 1));

        String out = text.toString();
        assertThat(out.chars().filter(c -> c == '\r')).hasSize(3);
        assertThat(out.split("\r")).allSatisfy(l -> assertThat(l.strip().length()).isLessThan(60));
        assertThat(out).contains("100.0 %").endsWith(System.lineSeparator());
    }

    @Test
    void update_notATerminal_printsAWholeLineEvery20Transactions() {
        ConsoleProgress p = progress(100_000, false, 40);

        for (int tx = 0; tx <= 45; tx++) {
            p.update(new Progress.Tally(tx * 500L, 0, tx * 500L, 0, 0, tx));
        }
        p.finished(new Progress.Tally(100_000, 0, 100_000, 0, 0, 200));

        assertThat(text.toString()).doesNotContain("\r");
        assertThat(text.toString().lines()).hasSize(3).allMatch(l -> l.contains("lines/s"))
                .last().asString().contains("100.0 %");
    }
}
