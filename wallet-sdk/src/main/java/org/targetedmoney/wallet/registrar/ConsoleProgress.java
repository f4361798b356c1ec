package org.targetedmoney.wallet.registrar;

import java.io.Console;
import java.io.PrintWriter;
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
    static final int BAR_WIDTH = 20;
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
                redraw(render(tally, now));
            }
        } else if (tally.transactions() >= lastLoggedTransactions + LINE_EVERY_TRANSACTIONS) {
            lastLoggedTransactions = tally.transactions();
            out.println(render(tally, now));
        }
    }

    @Override
    public void finished(Tally tally) {
        String line = render(tally, nanoClock.getAsLong());
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

    /** One progress line, e.g. {@code [#####---------------]  25.0 % 250,000/1,000,000 lines  enrolled ...}. */
    String render(Tally t, long now) {
        StringBuilder s = new StringBuilder();
        boolean known = totalLines > 0;
        if (known) {
            double fraction = Math.min(1.0, (double) t.linesRead() / totalLines);
            int filled = (int) (fraction * BAR_WIDTH);
            s.append('[').append("#".repeat(filled)).append("-".repeat(BAR_WIDTH - filled)).append("] ")
                    .append(String.format(Locale.ROOT, "%5.1f %% %,d/%,d lines", 100 * fraction, t.linesRead(),
                            totalLines));
        } else {
            s.append(String.format(Locale.ROOT, "%,d lines", t.linesRead()));
        }
        s.append(String.format(Locale.ROOT, "  enrolled %,d  already %,d  rejected %,d", t.enrolled(),
                t.alreadyEnrolled(), t.rejected()));
        double seconds = Math.max(1e-3, (double) (now - start) / NANOS_PER_SECOND);
        double linesPerSecond = t.linesRead() / seconds;
        s.append(String.format(Locale.ROOT, "  %,.0f lines/s", linesPerSecond));
        if (known && linesPerSecond > 0 && t.linesRead() < totalLines) {
            long left = (long) ((totalLines - t.linesRead()) / linesPerSecond);
            s.append(String.format(Locale.ROOT, "  %d:%02d left", left / 60, left % 60));
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
