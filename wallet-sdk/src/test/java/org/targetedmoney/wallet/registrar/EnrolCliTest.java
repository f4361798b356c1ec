package org.targetedmoney.wallet.registrar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command's argument checks and its dry run; sending is tested against a node in ledger-node. */
class EnrolCliTest {
    static final String KEY = "4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318";
    @TempDir
    Path dir;
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    int enrol(String... args) {
        CommandLine cli = EnrolCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    Path file(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    @Test
    void enrol_withoutCsv_isAUsageError() {
        assertThat(enrol("--dry-run")).isEqualTo(2);
        assertThat(err.toString()).contains("--csv");
    }

    @Test
    void enrol_missingCsvFile_isAUsageErrorNamingIt() {
        assertThat(enrol("--dry-run", "--csv", dir.resolve("absent.csv").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("absent.csv does not exist");
    }

    @Test
    void enrol_badUrl_isAUsageError() throws IOException {
        Path csv = file("m.csv", "");
        Path key = file("r.key", KEY);

        assertThat(enrol("--rpc", "127.0.0.1:8545", "--key-file", key.toString(), "--csv", csv.toString()))
                .isEqualTo(2);
        assertThat(err.toString()).contains("is not an http(s) URL");
    }

    @Test
    void enrol_withoutRpcOrKeyFile_isAUsageErrorUnlessDryRun() throws IOException {
        Path csv = file("m.csv", "");

        assertThat(enrol("--key-file", "k", "--csv", csv.toString())).isEqualTo(2);
        assertThat(enrol("--rpc", "http://127.0.0.1:1", "--csv", csv.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--rpc URL is needed").contains("--key-file FILE is needed");
    }

    @Test
    void enrol_missingKeyFile_isAUsageError() throws IOException {
        Path csv = file("m.csv", "");

        assertThat(enrol("--rpc", "http://127.0.0.1:1", "--key-file", dir.resolve("none.key").toString(),
                "--csv", csv.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("none.key does not exist");
    }

    @Test
    void enrol_keyFileNotHoldingAKey_isAUsageErrorThatDoesNotShowTheContent() throws IOException {
        Path csv = file("m.csv", "");
        Path key = file("r.key", KEY.substring(0, 60) + "zzzz\n");

        assertThat(enrol("--rpc", "http://127.0.0.1:1", "--key-file", key.toString(), "--csv", csv.toString()))
                .isEqualTo(2);
        assertThat(err.toString()).contains("64 hex digits").doesNotContain(KEY.substring(0, 20));
    }

    @Test
    void enrol_unreachableNode_exits1BeforeReadingTheFile() throws IOException {
        Path csv = file("m.csv", "");
        Path key = file("r.key", "0x" + KEY + "\n");

        assertThat(enrol("--rpc", "http://127.0.0.1:1", "--key-file", key.toString(), "--csv", csv.toString()))
                .isEqualTo(1);
        assertThat(err.toString()).contains("cannot use the node at http://127.0.0.1:1");
        assertThat(dir.resolve("m-rejected.csv")).doesNotExist();
    }

    @Test
    void enrol_reportOverTheCsv_isAUsageError() throws IOException {
        Path csv = file("m.csv", "");

        assertThat(enrol("--dry-run", "--csv", csv.toString(), "--report", csv.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("would be overwritten");
    }

    @Test
    void enrol_dryRunOfAFileWithBadLines_writesTheReportAndExits1() throws IOException {
        Path csv = file("members.csv", EnrolmentCsv.HEADER + "\n" + EnrolmentCsvTest.ALICE + ",FR-OCC-34-172,2\n"
                + EnrolmentCsvTest.BOB + ",FR-OCC-34-172,0\n");

        int exit = enrol("--dry-run", "--csv", csv.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(Files.readAllLines(dir.resolve("members-rejected.csv"))).containsExactly(RejectionReport.HEADER,
                "3,INVALID_HOUSEHOLD_SIZE: household size '0' is not an integer in 1..20,\""
                        + EnrolmentCsvTest.BOB + ",FR-OCC-34-172,0\"");
        assertThat(out.toString()).contains("dry run").containsPattern("members listed +1 ")
                .containsPattern("INVALID_HOUSEHOLD_SIZE +1");
    }

    @Test
    void enrol_dryRunOfAGoodFile_exits0WithAnEmptyReport() throws IOException {
        Path csv = file("members.csv", EnrolmentCsvTest.ALICE + ",FR-OCC-34-172,2\n");
        Path report = dir.resolve("out.csv");

        assertThat(enrol("--dry-run", "--csv", csv.toString(), "--report", report.toString())).isZero();
        assertThat(Files.readAllLines(report)).containsExactly(RejectionReport.HEADER);
        assertThat(out.toString()).contains("(none)");
    }

    @Test
    void defaultReport_isBesideTheCsvWithRejectedInItsName() {
        assertThat(EnrolCli.defaultReport(Path.of("/data/members.CSV"))).isEqualTo(Path.of("/data/members-rejected.csv"));
        assertThat(EnrolCli.defaultReport(Path.of("list.txt"))).isEqualTo(Path.of("list.txt-rejected.csv"));
    }
}
