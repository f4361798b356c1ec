package org.targetedmoney.wallet.registrar;

import java.io.Console;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Progress on the console. On a terminal, one line redrawn in place with {@code \r} at most every 200 ms:
 * a bar and a percentage of the file's lines (when their number is known), the counts, the rate and the
 * time left. Elsewhere (a log file, a pipe) a plain line every {@value #LINE_EVERY_TRANSACTIONS}
 * transactions, since carriage returns would only clutter a log.
 */
public final class ConsoleProgress implements Progress {
    static final long REDRAW_NANOS = 200_000_000L;
    static final int LINE_EVERY_TRANSACTIONS = 20;
    /** With the percentage and the counts of millions of lines, this still fits in 80 columns. */
    static final int BAR_WIDTH = 16;
    static final int DEFAULT_COLUMNS = 80;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final PrintWriter out;
    private final long totalLines;
    private final boolean terminal;
    private final int columns;
    private final LongSupplier nanoClock;
    private final long start;
    private long lastDraw;
    private long lastLoggedTransactions;
    private int drawnLength;

    /**
     * @param totalLines the file's line count ({@link EnrolmentCsv#countLines}), or a negative number if unknown
     * @param terminal whether to redraw one line (see {@link #stdoutIsTerminal()})
     * @param columns the terminal width: a longer line would wrap and break the redrawing
     */
    public ConsoleProgress(PrintWriter out, long totalLines, boolean terminal, int columns, LongSupplier nanoClock) {
        this.out = out;
        this.totalLines = totalLines;
        this.terminal = terminal;
        this.columns = columns;
        this.nanoClock = nanoClock;
        this.start = nanoClock.getAsLong();
        this.lastDraw = start - REDRAW_NANOS;
    }

    /** Progress on {@code out}, standard output, redrawn in place if that is a terminal. */
    public static ConsoleProgress onStdout(PrintWriter out, long totalLines) {
        return new ConsoleProgress(out, totalLines, stdoutIsTerminal(), terminalColumns(), System::nanoTime);
    }

    @Override
    public void update(Tally tally) {
        long now = nanoClock.getAsLong();
        if (terminal) {
            if (now - lastDraw >= REDRAW_NANOS) {
                lastDraw = now;
                redraw(render(tally, now, columns - 1));
            }
        } else if (tally.transactions() >= lastLoggedTransactions + LINE_EVERY_TRANSACTIONS) {
            lastLoggedTransactions = tally.transactions();
            out.println(render(tally, now, Integer.MAX_VALUE));
        }
    }

    @Override
    public void finished(Tally tally) {
        String line = render(tally, nanoClock.getAsLong(), terminal ? columns - 1 : Integer.MAX_VALUE);
        if (terminal) {
            redraw(line);
            out.println();
        } else {
            out.println(line);
        }
    }

    private void redraw(String line) {
        String fitted = line.length() < columns ? line : line.substring(0, columns - 1);
        // Spaces wipe what a longer previous line left behind.
        out.print("\r" + fitted + " ".repeat(Math.max(0, drawnLength - fitted.length())));
        out.flush();
        drawnLength = fitted.length();
    }

    /** A piece of the progress line; when the line is too wide, the pieces of lowest {@code rank} go first. */
    private record Part(String text, int rank) {}

    private static final int RANK_RATE = 1;
    private static final int RANK_LINES = 2;
    private static final int RANK_TIME_LEFT = 3;
    private static final int RANK_BAR = 4;
    private static final int RANK_ALWAYS = 5;

    /**
     * One progress line, e.g. {@code [####------------]  25.0 % 250,000/1,000,000 lines  enrolled 240,000
     * already 5,000  rejected 5,000  25,000 lines/s  0:30 left}, fitted to {@code width} by leaving out the
     * rate, then the line counts, the time left and the bar. Lines waiting in a group not yet sent are not done.
     */
    String render(Tally t, long now, int width) {
        List<Part> parts = new ArrayList<>();
        double seconds = Math.max(1e-3, (double) (now - start) / NANOS_PER_SECOND);
        double linesPerSecond = t.linesDone() / seconds;
        if (totalLines > 0) {
            double fraction = Math.min(1.0, (double) t.linesDone() / totalLines);
            int filled = (int) (fraction * BAR_WIDTH);
            parts.add(new Part("[" + "#".repeat(filled) + "-".repeat(BAR_WIDTH - filled) + "]", RANK_BAR));
            parts.add(new Part(String.format(Locale.ROOT, "%5.1f %%", 100 * fraction), RANK_ALWAYS));
            parts.add(new Part(String.format(Locale.ROOT, "%,d/%,d lines", t.linesDone(), totalLines), RANK_LINES));
        } else {
            parts.add(new Part(String.format(Locale.ROOT, "%,d lines", t.linesDone()), RANK_ALWAYS));
        }
        parts.add(new Part(String.format(Locale.ROOT, " enrolled %,d  already %,d  rejected %,d", t.enrolled(),
                t.alreadyEnrolled(), t.rejected()), RANK_ALWAYS));
        parts.add(new Part(String.format(Locale.ROOT, " %,.0f lines/s", linesPerSecond), RANK_RATE));
        if (totalLines > 0 && linesPerSecond > 0 && t.linesDone() < totalLines) {
            long left = (long) ((totalLines - t.linesDone()) / linesPerSecond);
            parts.add(new Part(String.format(Locale.ROOT, " %d:%02d left", left / 60, left % 60), RANK_TIME_LEFT));
        }
        String line = join(parts, 0);
        for (int rank = RANK_RATE; line.length() > width && rank < RANK_ALWAYS; rank++) {
            line = join(parts, rank + 1);
        }
        return line;
    }

    private static String join(List<Part> parts, int minRank) {
        StringBuilder s = new StringBuilder();
        for (Part p : parts) {
            if (p.rank() >= minRank) {
                s.append(s.isEmpty() ? "" : " ").append(p.text());
            }
        }
        return s.toString();
    }

    /**
     * Whether standard output is a terminal. Until JDK 21 {@code System.console()} is null when it is not; from
     * JDK 22 a console exists anyway and {@code isTerminal()} (absent from the JDK 21 API) tells.
     */
    public static boolean stdoutIsTerminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }

    private static int terminalColumns() {
        String columns = System.getenv("COLUMNS");
        try {
            return columns == null ? DEFAULT_COLUMNS : Math.max(BAR_WIDTH, Integer.parseInt(columns.strip()));
        } catch (NumberFormatException e) {
            return DEFAULT_COLUMNS;
        }
    }
}
