package org.targetedmoney.wallet.registrar;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.targetedmoney.policy.rules.Limits;
import org.targetedmoney.wallet.core.LedgerRejectedException;
import org.targetedmoney.wallet.core.LedgerRequestException;
import org.targetedmoney.wallet.registrar.ParsedLine.RejectedLine;
import org.targetedmoney.wallet.registrar.ParsedLine.Row;

/**
 * Enrols the members of an enrolment file: rows are grouped by (territory, household size), because one
 * {@code enrolMembers} call carries one of each, and a group is sent as soon as it holds 500 addresses
 * (all remaining groups at the end). A call the ledger refuses is refused whole, so every line of it is
 * reported with the ledger's code, and the next call goes on. Every member line read ends up enrolled,
 * already enrolled (skipped by the ledger) or rejected; rejected lines go to a {@link RejectionSink} in the
 * order they are settled, not in file order.
 *
 * <p>Memory is bounded whatever the file size: at most {@link #MAX_OPEN_GROUPS} groups of fewer than 500
 * rows wait (a row is about 300 bytes, so about 15 MB, 35 MB with 256-character lines), plus the file's
 * duplicate check (see {@link SeenAddresses}). One instance runs one file.
 */
public final class BulkEnrolment {
    /**
     * Groups waiting for more rows; when a new group would exceed this, the largest is sent early (a file
     * sorted by territory keeps few groups open; an unsorted one gets more, smaller calls).
     */
    public static final int MAX_OPEN_GROUPS = 100;
    /** The code of lines that were not sent because the run stopped (the node failed, or the key lacks the role). */
    public static final String NOT_SENT = "NOT_SENT";
    /** enrolMembers skips members already enrolled, so resending a call that did land is harmless. */
    static final int MAX_SEND_ATTEMPTS = 3;
    static final long RETRY_PAUSE_MILLIS = 2_000;
    /** Codes that every later call would get too: the run stops rather than send the rest in vain. */
    private static final Set<String> STOPPING_CODES = Set.of("FORBIDDEN_ROLE");

    /** Takes each rejected line (a report file, a list in tests). */
    @FunctionalInterface
    public interface RejectionSink {
        void reject(RejectedLine line) throws IOException;
    }

    private record Group(String territory, int householdSize) {}

    private final ChunkSender sender;
    private final Progress progress;
    private final long retryPauseMillis;
    private final Map<Group, List<Row>> open = new LinkedHashMap<>();
    private final SortedMap<String, Long> rejectedByCode = new TreeMap<>();
    private RejectionSink sink;
    private long linesRead;
    private long members;
    private long waiting;
    private long enrolled;
    private long alreadyEnrolled;
    private long rejected;
    private long transactions;
    private String stoppedBecause;

    public BulkEnrolment(ChunkSender sender, Progress progress) {
        this(sender, progress, RETRY_PAUSE_MILLIS);
    }

    BulkEnrolment(ChunkSender sender, Progress progress, long retryPauseMillis) {
        this.sender = sender;
        this.progress = progress;
        this.retryPauseMillis = retryPauseMillis;
    }

    /** Checks a file and reports its bad lines without sending anything. */
    public static BulkEnrolment dryRun(Progress progress) {
        return new BulkEnrolment(null, progress, 0);
    }

    /** Reads {@code csv} to its end (or until the run must stop), enrolling and reporting as it goes. */
    public Summary run(EnrolmentCsv csv, RejectionSink rejections) throws IOException {
        if (sink != null) {
            throw new IllegalStateException("a BulkEnrolment runs one file");
        }
        sink = rejections;
        for (ParsedLine line = csv.next(); line != null; line = stoppedBecause == null ? csv.next() : null) {
            linesRead = csv.linesRead();
            switch (line) {
                case Row row -> accept(row);
                case RejectedLine bad -> reject(bad);
            }
            progress.update(tally());
        }
        linesRead = csv.linesRead();
        List<Map.Entry<Group, List<Row>>> rest = new ArrayList<>(open.entrySet());
        open.clear();
        for (Map.Entry<Group, List<Row>> group : rest) {
            send(group.getKey(), group.getValue());
        }
        progress.finished(tally());
        return new Summary(sender == null, linesRead, members, enrolled, alreadyEnrolled,
                Collections.unmodifiableSortedMap(new TreeMap<>(rejectedByCode)), transactions, stoppedBecause);
    }

    private void accept(Row row) throws IOException {
        members++;
        if (sender == null) {
            return;
        }
        Group group = new Group(row.territory(), row.householdSize());
        List<Row> rows = open.get(group);
        if (rows == null) {
            if (open.size() >= MAX_OPEN_GROUPS) {
                sendLargestGroup();
            }
            rows = new ArrayList<>();
            open.put(group, rows);
        }
        rows.add(row);
        waiting++;
        if (rows.size() == Limits.MAX_BULK_ENROLMENT) {
            open.remove(group);
            send(group, rows);
        }
    }

    private void sendLargestGroup() throws IOException {
        Map.Entry<Group, List<Row>> largest = null;
        for (Map.Entry<Group, List<Row>> e : open.entrySet()) {
            if (largest == null || e.getValue().size() > largest.getValue().size()) {
                largest = e;
            }
        }
        open.remove(largest.getKey());
        send(largest.getKey(), largest.getValue());
    }

    /** Sends one call, retrying when the node did not take it; a refusal rejects all its lines. */
    private void send(Group group, List<Row> rows) throws IOException {
        waiting -= rows.size();
        if (stoppedBecause != null) {
            rejectAll(rows, NOT_SENT, "not sent, the run stopped: " + stoppedBecause);
            return;
        }
        List<String> addresses = rows.stream().map(Row::address).toList();
        for (int attempt = 1; ; attempt++) {
            try {
                int added = sender.send(addresses, group.territory(), group.householdSize());
                if (added < 0 || added > rows.size()) {
                    throw new IllegalStateException(added + " members enrolled by a call of " + rows.size());
                }
                transactions++;
                enrolled += added;
                alreadyEnrolled += rows.size() - added;
                break;
            } catch (LedgerRejectedException e) {
                transactions++;
                rejectAll(rows, e.code(), String.format(Locale.ROOT, "%s (the call of %d lines was refused whole)",
                        e.detail(), rows.size()));
                if (STOPPING_CODES.contains(e.code())) {
                    stoppedBecause = e.code() + ": " + e.detail();
                }
                break;
            } catch (LedgerRequestException e) {
                if (attempt == MAX_SEND_ATTEMPTS || !pause(attempt)) {
                    stoppedBecause = "the node did not take a call (" + attempt + " attempts): " + e.getMessage();
                    rejectAll(rows, NOT_SENT, stoppedBecause);
                    break;
                }
            }
        }
        progress.update(tally());
    }

    /** Waits longer after each failed attempt; false when interrupted (the run then stops). */
    private boolean pause(int attempt) {
        try {
            Thread.sleep(retryPauseMillis * attempt);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void rejectAll(List<Row> rows, String code, String detail) throws IOException {
        for (Row row : rows) {
            reject(new RejectedLine(row.lineNumber(), row.text(), code, detail));
        }
    }

    private void reject(RejectedLine line) throws IOException {
        rejected++;
        rejectedByCode.merge(line.code(), 1L, Long::sum);
        sink.reject(line);
    }

    private Progress.Tally tally() {
        return new Progress.Tally(linesRead, waiting, enrolled, alreadyEnrolled, rejected, transactions);
    }

    /**
     * What a run did. {@code members} counts the lines with a member (the others were the header, comments,
     * blank lines); {@code stoppedBecause} is null unless the run stopped before the end of the file.
     */
    public record Summary(boolean dryRun, long linesRead, long members, long enrolled, long alreadyEnrolled,
                          SortedMap<String, Long> rejectedByCode, long transactions, String stoppedBecause) {
        public long rejected() {
            return rejectedByCode.values().stream().mapToLong(Long::longValue).sum();
        }

        /** 0 when every line was enrolled or already enrolled, 1 when some were not (or would not be). */
        public int exitCode() {
            return rejected() == 0 && stoppedBecause == null ? 0 : 1;
        }

        /** The summary for people, one count per line. */
        public String describe() {
            StringBuilder s = new StringBuilder();
            count(s, "lines read", linesRead, "");
            count(s, "members listed", members, dryRun ? "checked, not sent (dry run)" : "");
            if (!dryRun) {
                count(s, "enrolled", enrolled, "");
                count(s, "already enrolled", alreadyEnrolled, "skipped");
                count(s, "transactions", transactions, "");
            }
            count(s, "rejected", rejected(), "");
            rejectedByCode.forEach((code, n) -> count(s, "  " + code, n, ""));
            if (stoppedBecause != null) {
                s.append("stopped after line ").append(linesRead).append(": ").append(stoppedBecause)
                        .append("\nfix the cause and send the file again: members already enrolled are skipped\n");
            }
            return s.toString();
        }

        private static void count(StringBuilder s, String label, long n, String note) {
            s.append(String.format(Locale.ROOT, "%-28s %,12d%s%n", label, n, note.isEmpty() ? "" : "  (" + note + ")"));
        }
    }
}
