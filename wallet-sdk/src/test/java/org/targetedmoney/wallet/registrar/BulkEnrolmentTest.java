package org.targetedmoney.wallet.registrar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.targetedmoney.wallet.core.LedgerRejectedException;
import org.targetedmoney.wallet.core.LedgerRequestException;
import org.targetedmoney.wallet.registrar.ParsedLine.RejectedLine;

class BulkEnrolmentTest {
    /** A call as the fake ledger received it. */
    record Call(List<String> members, String territory, int householdSize) {}

    /**
     * A ledger in memory: enrols like enrolMembers (skips known members), refuses calls for unknown territories
     * with UNKNOWN_TERRITORY, and fails the first {@code failures} requests at the door.
     */
    static final class FakeLedger implements ChunkSender {
        final List<Call> calls = new ArrayList<>();
        final Set<String> enrolled = new HashSet<>();
        final Set<String> territories = new HashSet<>(Set.of("FR", "FR-OCC", "FR-OCC-34", "FR-OCC-34-172"));
        int failures;
        String refuseEverythingWith;

        @Override
        public int send(List<String> members, String territory, int householdSize)
                throws LedgerRejectedException, LedgerRequestException {
            calls.add(new Call(List.copyOf(members), territory, householdSize));
            if (failures > 0) {
                failures--;
                throw new LedgerRequestException(0, "the node is unreachable: connection refused");
            }
            if (refuseEverythingWith != null) {
                throw new LedgerRejectedException(refuseEverythingWith, "the sender lacks the role", "0x01");
            }
            if (!territories.contains(territory)) {
                throw new LedgerRejectedException("UNKNOWN_TERRITORY", "territory '" + territory + "' is unknown",
                        "0x02");
            }
            int added = 0;
            for (String m : members) {
                added += enrolled.add(m) ? 1 : 0;
            }
            return added;
        }
    }

    final FakeLedger ledger = new FakeLedger();
    final List<RejectedLine> rejected = new ArrayList<>();
    final List<Progress.Tally> updates = new ArrayList<>();
    final List<Progress.Tally> finished = new ArrayList<>();
    final Progress recording = new Progress() {
        @Override
        public void update(Tally tally) {
            updates.add(tally);
        }

        @Override
        public void finished(Tally tally) {
            finished.add(tally);
        }
    };

    static String address(int n) {
        return String.format("0x%040x", n);
    }

    /** {@code count} lines of consecutive addresses from {@code first}, all of one territory and size. */
    static String lines(int first, int count, String territory, int size) {
        StringBuilder s = new StringBuilder();
        for (int i = first; i < first + count; i++) {
            s.append(address(i)).append(',').append(territory).append(',').append(size).append('\n');
        }
        return s.toString();
    }

    BulkEnrolment.Summary run(String file) throws IOException {
        try (EnrolmentCsv csv = new EnrolmentCsv(new StringReader(file))) {
            return new BulkEnrolment(ledger, recording, 0).run(csv, rejected::add);
        }
    }

    @Test
    void run_1201RowsOfOneGroup_sendsCallsOf500_500_201InFileOrder() throws IOException {
        BulkEnrolment.Summary summary = run(EnrolmentCsv.HEADER + "\n" + lines(1, 1_201, "FR-OCC-34-172", 2));

        assertThat(ledger.calls).extracting(c -> c.members().size()).containsExactly(500, 500, 201);
        assertThat(ledger.calls).allMatch(c -> c.territory().equals("FR-OCC-34-172") && c.householdSize() == 2);
        assertThat(ledger.calls.get(0).members().get(0)).isEqualTo(address(1));
        assertThat(ledger.calls.get(2).members().get(200)).isEqualTo(address(1_201));
        assertThat(summary.linesRead()).isEqualTo(1_202);
        assertThat(summary.members()).isEqualTo(1_201);
        assertThat(summary.enrolled()).isEqualTo(1_201);
        assertThat(summary.transactions()).isEqualTo(3);
        assertThat(summary.exitCode()).isZero();
        assertThat(rejected).isEmpty();
    }

    @Test
    void run_mixedGroups_sendsEachGroupWithOnlyItsRows() throws IOException {
        StringBuilder file = new StringBuilder();
        for (int i = 1; i <= 1_100; i++) {
            String territory = i % 3 == 0 ? "FR-OCC" : "FR-OCC-34";
            file.append(address(i)).append(',').append(territory).append(',').append(i % 2 + 1).append('\n');
        }

        BulkEnrolment.Summary summary = run(file.toString());

        assertThat(ledger.calls).allSatisfy(c -> {
            assertThat(c.members()).hasSizeLessThanOrEqualTo(500);
            for (String m : c.members()) {
                int n = Integer.parseInt(m.substring(2), 16);
                assertThat(c.territory()).isEqualTo(n % 3 == 0 ? "FR-OCC" : "FR-OCC-34");
                assertThat(c.householdSize()).isEqualTo(n % 2 + 1);
            }
        });
        assertThat(ledger.calls).extracting(Call::territory, Call::householdSize).doesNotHaveDuplicates();
        assertThat(ledger.enrolled).hasSize(1_100);
        assertThat(summary.enrolled()).isEqualTo(1_100);
        assertThat(summary.transactions()).isEqualTo(4);
    }

    @Test
    void run_callRefusedByTheLedger_reportsEveryLineOfItWithTheCodeAndGoesOn() throws IOException {
        String file = lines(1, 3, "FR-OCC", 1) + lines(4, 2, "FR-XXX", 1) + lines(6, 2, "FR-OCC", 1);

        BulkEnrolment.Summary summary = run(file);

        assertThat(rejected).extracting(RejectedLine::lineNumber).containsExactlyInAnyOrder(4L, 5L);
        assertThat(rejected).allSatisfy(r -> {
            assertThat(r.code()).isEqualTo("UNKNOWN_TERRITORY");
            assertThat(r.reason()).startsWith("UNKNOWN_TERRITORY: territory 'FR-XXX' is unknown")
                    .contains("the call of 2 lines was refused whole");
        });
        assertThat(rejected.get(0).text()).isEqualTo(address(4) + ",FR-XXX,1");
        assertThat(summary.enrolled()).isEqualTo(5);
        assertThat(summary.rejectedByCode()).containsExactly(Map.entry("UNKNOWN_TERRITORY", 2L));
        assertThat(summary.exitCode()).isEqualTo(1);
    }

    @Test
    void run_fileLinesRejected_areReportedWithTheirDefectAndOthersSent() throws IOException {
        String file = lines(1, 2, "FR", 1) + "0x12,FR,1\n" + address(1) + ",FR,1\n" + address(3) + ",FR,0\n";

        BulkEnrolment.Summary summary = run(file);

        assertThat(rejected).extracting(RejectedLine::lineNumber, RejectedLine::code).containsExactly(
                tuple(3L, "INVALID_ADDRESS"),
                tuple(4L, "DUPLICATE_ADDRESS"),
                tuple(5L, "INVALID_HOUSEHOLD_SIZE"));
        assertThat(summary.members()).isEqualTo(2);
        assertThat(summary.enrolled()).isEqualTo(2);
        assertThat(summary.rejected()).isEqualTo(3);
    }

    @Test
    void run_sameFileAgain_countsEveryMemberAsAlreadyEnrolled() throws IOException {
        String file = lines(1, 700, "FR-OCC-34-172", 3);
        run(file);
        rejected.clear();

        BulkEnrolment.Summary again;
        try (EnrolmentCsv csv = new EnrolmentCsv(new StringReader(file))) {
            again = new BulkEnrolment(ledger, Progress.NONE, 0).run(csv, rejected::add);
        }

        assertThat(again.enrolled()).isZero();
        assertThat(again.alreadyEnrolled()).isEqualTo(700);
        assertThat(again.exitCode()).isZero();
    }

    @Test
    void run_moreOpenGroupsThanTheCap_sendsTheLargestEarly() throws IOException {
        StringBuilder file = new StringBuilder(lines(1, 10, "FR", 1));
        for (int g = 0; g < BulkEnrolment.MAX_OPEN_GROUPS; g++) {
            file.append(address(1_000 + g)).append(",FR-OCC-").append(g).append(",2\n");
            ledger.territories.add("FR-OCC-" + g);
        }

        BulkEnrolment.Summary summary = run(file.toString());

        assertThat(ledger.calls.get(0).members()).hasSize(10);
        assertThat(ledger.calls.get(0).territory()).isEqualTo("FR");
        assertThat(summary.transactions()).isEqualTo(1 + BulkEnrolment.MAX_OPEN_GROUPS);
        assertThat(summary.enrolled()).isEqualTo(10 + BulkEnrolment.MAX_OPEN_GROUPS);
    }

    @Test
    void run_nodeFailingLessThanTheAttempts_isRetriedAndEnrols() throws IOException {
        ledger.failures = BulkEnrolment.MAX_SEND_ATTEMPTS - 1;

        BulkEnrolment.Summary summary = run(lines(1, 20, "FR", 1));

        assertThat(ledger.calls).hasSize(BulkEnrolment.MAX_SEND_ATTEMPTS);
        assertThat(summary.enrolled()).isEqualTo(20);
        assertThat(summary.exitCode()).isZero();
    }

    @Test
    void run_nodeDown_stopsReadingAndReportsPendingLinesNotSent() throws IOException {
        ledger.failures = Integer.MAX_VALUE;
        String file = lines(1, 3, "FR", 2) + lines(4, 500, "FR", 1) + lines(504, 1_000, "FR", 3);

        BulkEnrolment.Summary summary = run(file);

        assertThat(ledger.calls).hasSize(BulkEnrolment.MAX_SEND_ATTEMPTS);
        assertThat(summary.linesRead()).isEqualTo(503);
        assertThat(summary.rejectedByCode()).containsExactly(Map.entry(BulkEnrolment.NOT_SENT, 503L));
        assertThat(summary.stoppedBecause()).contains("connection refused");
        assertThat(summary.describe()).contains("stopped after line 503").contains("send the file again");
        assertThat(summary.exitCode()).isEqualTo(1);
    }

    @Test
    void run_keyWithoutTheRegistrarRole_stopsAfterTheFirstRefusal() throws IOException {
        ledger.refuseEverythingWith = "FORBIDDEN_ROLE";

        BulkEnrolment.Summary summary = run(lines(1, 10, "FR", 2) + lines(11, 600, "FR", 1));

        assertThat(ledger.calls).hasSize(1);
        assertThat(summary.rejectedByCode()).containsExactly(Map.entry("FORBIDDEN_ROLE", 500L),
                Map.entry(BulkEnrolment.NOT_SENT, 10L));
        assertThat(summary.linesRead()).isEqualTo(510);
    }

    @Test
    void run_progress_countsOnlyGrowAndEndAtTheSummary() throws IOException {
        String file = "# list\n" + lines(1, 1_050, "FR", 1) + lines(2_000, 4, "FR-XXX", 1) + "bad line\n";

        BulkEnrolment.Summary summary = run(file);

        assertThat(updates).hasSizeGreaterThanOrEqualTo(1_055);
        for (int i = 1; i < updates.size(); i++) {
            Progress.Tally before = updates.get(i - 1);
            Progress.Tally after = updates.get(i);
            assertThat(after.linesRead()).isGreaterThanOrEqualTo(before.linesRead());
            assertThat(after.enrolled()).isGreaterThanOrEqualTo(before.enrolled());
            assertThat(after.rejected()).isGreaterThanOrEqualTo(before.rejected());
            assertThat(after.linesDone()).isGreaterThanOrEqualTo(before.linesDone());
        }
        assertThat(updates.get(499)).as("after the first call").isEqualTo(new Progress.Tally(501, 0, 500, 0, 0, 1));
        assertThat(updates.get(501)).as("a row waits").isEqualTo(new Progress.Tally(502, 1, 500, 0, 0, 1));
        assertThat(finished).containsExactly(new Progress.Tally(1_056, 0, 1_050, 0, 5, 4));
        assertThat(summary.enrolled() + summary.alreadyEnrolled() + summary.rejected())
                .isEqualTo(summary.members() + 1);
    }

    @Test
    void dryRun_sendsNothingAndReportsOnlyTheFileDefects() throws IOException {
        BulkEnrolment.Summary summary;
        try (EnrolmentCsv csv = new EnrolmentCsv(new StringReader(lines(1, 600, "FR-XXX", 1) + "x,FR,1\n"))) {
            summary = BulkEnrolment.dryRun(recording).run(csv, rejected::add);
        }

        assertThat(ledger.calls).isEmpty();
        assertThat(summary.dryRun()).isTrue();
        assertThat(summary.members()).isEqualTo(600);
        assertThat(rejected).singleElement().satisfies(r -> assertThat(r.lineNumber()).isEqualTo(601));
        assertThat(summary.describe()).contains("dry run").doesNotContain("already enrolled");
    }
}
