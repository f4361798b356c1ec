package org.targetedmoney.node.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.targetedmoney.node.run.TestNetwork.ALICE;
import static org.targetedmoney.node.run.TestNetwork.REGISTRAR;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.targetedmoney.wallet.auditor.AuditorClient;
import org.targetedmoney.wallet.authority.AuthorityClient;
import org.targetedmoney.wallet.core.LedgerConnection;
import org.targetedmoney.wallet.registrar.BulkEnrolment;
import org.targetedmoney.wallet.registrar.ChunkSender;
import org.targetedmoney.wallet.registrar.EnrolCli;
import org.targetedmoney.wallet.registrar.EnrolmentCsv;
import org.targetedmoney.wallet.registrar.Progress;
import org.targetedmoney.wallet.registrar.RejectionReport;
import org.web3j.crypto.Hash;
import org.web3j.utils.Numeric;

/**
 * A registrar's file of 1,200 members and a few bad lines, enrolled on a real node through the registrar
 * package, then sent again: the second time every member is already enrolled.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BulkEnrolmentNodeTest {
    static final int GENERATED = 1_200;
    @TempDir
    static Path dir;
    RunningNode node;
    LedgerConnection ledger;
    AuthorityClient registrar;
    Path csv;
    Path report;
    BulkEnrolment.Summary first;

    /** Addresses that look like real ones (hashes), reproducibly. */
    static String member(int i) {
        return Numeric.toHexString(Hash.sha3(Numeric.toBytesPadded(BigInteger.valueOf(i), 32)))
                .substring(0, 42);
    }

    /**
     * 700 members of FR-OCC-34-172 in households of 2, 300 of 1 and then Alice (enrolled beforehand), 200 of
     * FR-IDF-75 in households of 3, interleaved; three lines of an unknown territory and three malformed lines.
     */
    static String file() {
        StringBuilder s = new StringBuilder(EnrolmentCsv.HEADER + "\n# list of 2026-11, generated\n\n");
        for (int i = 0; i < GENERATED; i++) {
            String territoryAndSize = i % 6 == 5 ? "FR-IDF-75,3" : i % 6 >= 3 && i % 6 <= 4 && i < 900
                    ? "FR-OCC-34-172,1" : "FR-OCC-34-172,2";
            s.append(member(i)).append(',').append(territoryAndSize).append('\n');
        }
        s.append(ALICE.getAddress()).append(",FR-OCC-34-172,1\n");
        for (int i = 0; i < 3; i++) {
            s.append(member(10_000 + i)).append(",FR-XXX,1\n");
        }
        s.append("0x1234,FR-OCC-34-172,1\n");
        s.append(member(7)).append(",FR-OCC-34-172,2\n");
        s.append(member(20_000)).append(",FR-OCC-34-172,0\n");
        return s.toString();
    }

    @BeforeAll
    void enrolTheFileOnce() throws Exception {
        node = new RunningNode(dir, TestNetwork.midGenesisMonth());
        ledger = LedgerConnection.connect(node.url);
        registrar = new AuthorityClient(ledger, REGISTRAR);
        registrar.enrolMember(ALICE.getAddress(), "FR-OCC-34-172", 1);
        csv = Files.writeString(dir.resolve("members.csv"), file());
        report = dir.resolve("first-report.csv");
        try (EnrolmentCsv in = EnrolmentCsv.open(csv); RejectionReport out = RejectionReport.create(report)) {
            first = new BulkEnrolment(ChunkSender.of(registrar), Progress.NONE).run(in, out);
        }
    }

    @AfterAll
    void stop() {
        node.close();
    }

    @Test
    void firstRun_enrolsEveryGoodLineAndCountsAliceAsAlreadyEnrolled() {
        assertThat(first.linesRead()).isEqualTo(3 + GENERATED + 1 + 3 + 3);
        assertThat(first.members()).isEqualTo(GENERATED + 1 + 3);
        assertThat(first.enrolled()).isEqualTo(GENERATED);
        assertThat(first.alreadyEnrolled()).isEqualTo(1);
        assertThat(first.rejectedByCode()).containsExactlyInAnyOrderEntriesOf(Map.of("UNKNOWN_TERRITORY", 3L,
                "INVALID_ADDRESS", 1L, "DUPLICATE_ADDRESS", 1L, "INVALID_HOUSEHOLD_SIZE", 1L));
        assertThat(first.transactions()).as("500 + 200 of one group, 301, 200, and the refused FR-XXX call")
                .isEqualTo(5);
        assertThat(first.exitCode()).isEqualTo(1);
    }

    @Test
    void firstRun_membersAreOnTheLedgerAndTheUnknownTerritoryOnesAreNot() throws Exception {
        for (int i = 0; i < GENERATED; i += 97) {
            assertThat(registrar.isEnrolled(member(i))).as("member %d", i).isTrue();
        }
        assertThat(registrar.isEnrolled(member(GENERATED - 1))).isTrue();
        assertThat(registrar.isEnrolled(member(10_000))).isFalse();
        assertThat(new AuditorClient(ledger).invariants().get("holds")).isEqualTo(true);
    }

    @Test
    void firstRun_reportListsEachRejectedLineWithItsReasonAndText() throws IOException {
        List<String> lines = Files.readAllLines(report);
        int fileLine = 3 + GENERATED + 1;

        assertThat(lines.get(0)).isEqualTo(RejectionReport.HEADER);
        assertThat(lines.subList(1, lines.size())).containsExactlyInAnyOrder(
                (fileLine + 4) + ",INVALID_ADDRESS: '0x1234' is not 0x followed by 40 hex digits,"
                        + "\"0x1234,FR-OCC-34-172,1\"",
                (fileLine + 5) + ",DUPLICATE_ADDRESS: " + member(7) + " is already listed on line 11,\""
                        + member(7) + ",FR-OCC-34-172,2\"",
                (fileLine + 6) + ",INVALID_HOUSEHOLD_SIZE: household size '0' is not an integer in 1..20,\""
                        + member(20_000) + ",FR-OCC-34-172,0\"",
                unknownTerritory(fileLine + 1, 10_000), unknownTerritory(fileLine + 2, 10_001),
                unknownTerritory(fileLine + 3, 10_002));
    }

    private static String unknownTerritory(int line, int member) {
        return line + ",UNKNOWN_TERRITORY: territory 'FR-XXX' is unknown (the call of 3 lines was refused whole),\""
                + member(member) + ",FR-XXX,1\"";
    }

    @Test
    void secondRun_ofTheSameFile_findsEveryMemberAlreadyEnrolled() throws IOException {
        List<Progress.Tally> finished = new ArrayList<>();
        BulkEnrolment.Summary again;
        try (EnrolmentCsv in = EnrolmentCsv.open(csv)) {
            again = new BulkEnrolment(ChunkSender.of(registrar), new Progress() {
                @Override
                public void update(Tally tally) {}

                @Override
                public void finished(Tally tally) {
                    finished.add(tally);
                }
            }).run(in, line -> {});
        }

        assertThat(again.enrolled()).isZero();
        assertThat(again.alreadyEnrolled()).isEqualTo(GENERATED + 1);
        assertThat(again.rejected()).isEqualTo(first.rejected());
        assertThat(finished).containsExactly(new Progress.Tally(again.linesRead(), 0, 0, GENERATED + 1, 6, 5));
    }

    @Test
    void enrolCommand_onTheSameFile_reportsAlreadyEnrolledAndExits1ForTheBadLines() throws IOException {
        Path key = Files.writeString(dir.resolve("registrar.key"),
                Numeric.toHexStringNoPrefixZeroPadded(REGISTRAR.getEcKeyPair().getPrivateKey(), 64) + "\n");
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
        Path cliReport = dir.resolve("cli-report.csv");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int exit = EnrolCli.commandLine().setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true))
                .execute("--rpc", node.url, "--key-file", key.toString(), "--csv", csv.toString(),
                        "--report", cliReport.toString());

        assertThat(err.toString()).isEmpty();
        assertThat(exit).isEqualTo(1);
        assertThat(out.toString()).containsPattern("(?m)^enrolled +0$")
                .containsPattern("(?m)^already enrolled +1,201  \\(skipped\\)$")
                .containsPattern("(?m)^  UNKNOWN_TERRITORY +3$");
        assertThat(Files.readAllLines(cliReport)).hasSize(7);
    }

    @Test
    void enrolCommand_withAKeyThatIsNotARegistrars_isAUsageErrorAndSendsNothing() throws IOException {
        Path key = Files.writeString(dir.resolve("alice.key"),
                Numeric.toHexStringNoPrefixZeroPadded(ALICE.getEcKeyPair().getPrivateKey(), 64));
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
        StringWriter err = new StringWriter();

        int exit = EnrolCli.commandLine().setOut(new PrintWriter(new StringWriter())).setErr(new PrintWriter(err, true))
                .execute("--rpc", node.url, "--key-file", key.toString(), "--csv", csv.toString(),
                        "--report", dir.resolve("alice-report.csv").toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("is not a registrar's on this ledger");
        assertThat(dir.resolve("alice-report.csv")).doesNotExist();
    }
}
