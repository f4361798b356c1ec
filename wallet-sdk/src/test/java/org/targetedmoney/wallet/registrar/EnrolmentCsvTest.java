package org.targetedmoney.wallet.registrar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.targetedmoney.wallet.registrar.EnrolmentCsv.Defect;
import org.targetedmoney.wallet.registrar.ParsedLine.RejectedLine;
import org.targetedmoney.wallet.registrar.ParsedLine.Row;

class EnrolmentCsvTest {
    static final String ALICE = "0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed";
    /** The EIP-55 spelling of ALICE. */
    static final String ALICE_CHECKSUMMED = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed";
    static final String BOB = "0xfb6916095ca1df60bb79ce92ce3ea74c37c5d359";

    static List<ParsedLine> parse(String content) throws IOException {
        List<ParsedLine> lines = new ArrayList<>();
        try (EnrolmentCsv csv = new EnrolmentCsv(new StringReader(content))) {
            for (ParsedLine line = csv.next(); line != null; line = csv.next()) {
                lines.add(line);
            }
        }
        return lines;
    }

    static RejectedLine onlyRejection(String line) throws IOException {
        List<ParsedLine> parsed = parse(line + "\n");
        assertThat(parsed).hasSize(1).first().isInstanceOf(RejectedLine.class);
        return (RejectedLine) parsed.get(0);
    }

    @Test
    void next_validLine_returnsRowWithLowerCaseAddress() throws IOException {
        assertThat(parse(ALICE_CHECKSUMMED + ",FR-OCC-34-172,2\n"))
                .containsExactly(new Row(1, ALICE_CHECKSUMMED + ",FR-OCC-34-172,2", ALICE, "FR-OCC-34-172", 2));
    }

    @Test
    void next_headerCommentsAndBlankLines_areSkippedButCountInLineNumbers() throws IOException {
        String file = "address,territory,householdSize\n# from the CAF list of 2026-11\n\n   \n"
                + ALICE + ", FR-OCC-34-172 , 3\n  # indented comment\n" + BOB + ",FR,1";
        try (EnrolmentCsv csv = new EnrolmentCsv(new StringReader(file))) {
            ParsedLine first = csv.next();
            ParsedLine second = csv.next();

            assertThat(first).isEqualTo(new Row(5, ALICE + ", FR-OCC-34-172 , 3", ALICE, "FR-OCC-34-172", 3));
            assertThat(second).isEqualTo(new Row(7, BOB + ",FR,1", BOB, "FR", 1));
            assertThat(csv.next()).isNull();
            assertThat(csv.linesRead()).isEqualTo(7);
        }
    }

    @Test
    void next_headerAfterTheFirstDataLine_isRejected() throws IOException {
        List<ParsedLine> parsed = parse(ALICE + ",FR,1\naddress,territory,householdSize\n");

        assertThat(parsed.get(1)).isInstanceOfSatisfying(RejectedLine.class,
                r -> assertThat(r.code()).isEqualTo(Defect.INVALID_ADDRESS.name()));
    }

    @Test
    void next_crlfLineEndsAndByteOrderMark_areAccepted() throws IOException {
        assertThat(parse("\uFEFFaddress,territory,householdSize\r\n" + ALICE + ",FR,2\r\n"))
                .containsExactly(new Row(2, ALICE + ",FR,2", ALICE, "FR", 2));
    }

    @ParameterizedTest
    @ValueSource(strings = {ALICE + ",FR", ALICE + ",FR,2,extra", ALICE, ALICE + ";FR;2"})
    void next_wrongColumnCount_isRejectedWithTheCount(String line) throws IOException {
        RejectedLine r = onlyRejection(line);

        assertThat(r.code()).isEqualTo(Defect.WRONG_COLUMN_COUNT.name());
        assertThat(r.detail()).contains("instead of 3").contains(EnrolmentCsv.HEADER);
        assertThat(r.text()).isEqualTo(line);
        assertThat(r.lineNumber()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"5aaeb6053f3e94c9b9a09f33669435e7ef1beaed", "0x5aaeb6053f3e94c9b9a09f33669435e7ef1bea",
            "0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaedff", "0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaeg",
            "0X5aaeb6053f3e94c9b9a09f33669435e7ef1beaed", "\"0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed\"", ""})
    void next_malformedAddress_isRejectedAsInvalidAddress(String address) throws IOException {
        RejectedLine r = onlyRejection(address + ",FR-OCC-34-172,2");

        assertThat(r.code()).isEqualTo(Defect.INVALID_ADDRESS.name());
        assertThat(r.detail()).contains("is not 0x followed by 40 hex digits");
    }

    @Test
    void next_zeroAddress_isRejected() throws IOException {
        RejectedLine r = onlyRejection("0x" + "0".repeat(40) + ",FR,1");

        assertThat(r.code()).isEqualTo(Defect.INVALID_ADDRESS.name());
        assertThat(r.detail()).contains("zero address");
    }

    @Test
    void next_mixedCaseAddressWithAWrongChecksum_isRejected() throws IOException {
        String mistyped = ALICE_CHECKSUMMED.replace("aA", "Aa");

        RejectedLine r = onlyRejection(mistyped + ",FR,1");

        assertThat(r.code()).isEqualTo(Defect.INVALID_ADDRESS.name());
        assertThat(r.detail()).contains("EIP-55 checksum");
    }

    @Test
    void next_allUpperCaseAddress_isAcceptedWithoutChecksum() throws IOException {
        assertThat(parse("0x" + ALICE.substring(2).toUpperCase() + ",FR,1"))
                .singleElement().isInstanceOfSatisfying(Row.class, r -> assertThat(r.address()).isEqualTo(ALICE));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "21", "-1", "+2", "2.5", "two", "", "99999999999"})
    void next_householdSizeNotAnIntegerIn1To20_isRejected(String size) throws IOException {
        RejectedLine r = onlyRejection(ALICE + ",FR," + size);

        assertThat(r.code()).isEqualTo(Defect.INVALID_HOUSEHOLD_SIZE.name());
        assertThat(r.detail()).isEqualTo("household size '" + size + "' is not an integer in 1..20");
    }

    @Test
    void next_householdSizesAtTheBounds_areAccepted() throws IOException {
        assertThat(parse(ALICE + ",FR,1\n" + BOB + ",FR,20\n")).allMatch(Row.class::isInstance);
    }

    @Test
    void next_emptyTerritory_isRejected() throws IOException {
        RejectedLine r = onlyRejection(ALICE + ", ,2");

        assertThat(r.code()).isEqualTo(Defect.INVALID_TERRITORY.name());
        assertThat(r.detail()).isEqualTo("the territory is empty");
    }

    @Test
    void next_territoryLongerThanTheLedgerLimit_isRejected() throws IOException {
        RejectedLine r = onlyRejection(ALICE + ",FR" + "-ABCDEFGH".repeat(7) + ",2");

        assertThat(r.code()).isEqualTo(Defect.INVALID_TERRITORY.name());
        assertThat(r.detail()).isEqualTo("the territory is longer than 64 characters");
    }

    @ParameterizedTest
    @ValueSource(strings = {"fr-occ", "FR_OCC", "F", "FR-", "FR--34", "FR-ABCDEFGHI"})
    void next_territoryThatIsNotACode_isRejected(String territory) throws IOException {
        RejectedLine r = onlyRejection(ALICE + "," + territory + ",2");

        assertThat(r.code()).isEqualTo(Defect.INVALID_TERRITORY.name());
        assertThat(r.detail()).contains("is not a territory code");
    }

    @Test
    void next_addressListedTwice_rejectsTheLaterLineNamingTheFirst() throws IOException {
        List<ParsedLine> parsed = parse(ALICE + ",FR,1\n" + BOB + ",FR,1\n# again\n" + ALICE_CHECKSUMMED
                + ",FR-OCC,2\n");

        assertThat(parsed.get(0)).isInstanceOf(Row.class);
        assertThat(parsed.get(2)).isEqualTo(new RejectedLine(4, ALICE_CHECKSUMMED + ",FR-OCC,2",
                Defect.DUPLICATE_ADDRESS.name(), ALICE + " is already listed on line 1"));
    }

    @Test
    void next_invalidLine_doesNotClaimItsAddress() throws IOException {
        assertThat(parse(ALICE + ",FR,0\n" + ALICE + ",FR,1\n").get(1)).isInstanceOf(Row.class);
    }

    @Test
    void next_lineTooLong_isRejectedCutAndTheNextLineIsRead() throws IOException {
        String huge = ALICE + ",FR," + "1".repeat(100_000);

        List<ParsedLine> parsed = parse(huge + "\n" + BOB + ",FR,1\n");

        assertThat(parsed.get(0)).isInstanceOfSatisfying(RejectedLine.class, r -> {
            assertThat(r.code()).isEqualTo(Defect.LINE_TOO_LONG.name());
            assertThat(r.text()).hasSize(EnrolmentCsv.MAX_LINE_CHARS + 3).endsWith("...");
        });
        assertThat(parsed.get(1)).isEqualTo(new Row(2, BOB + ",FR,1", BOB, "FR", 1));
    }

    @Test
    void next_lineOfExactlyTheLimit_isRead() throws IOException {
        String line = ALICE + " ".repeat(EnrolmentCsv.MAX_LINE_CHARS - ALICE.length() - 5) + ",FR,1";

        assertThat(line).hasSize(EnrolmentCsv.MAX_LINE_CHARS);
        assertThat(parse(line + "\r\n")).singleElement().isInstanceOf(Row.class);
    }

    @Test
    void next_longComment_isSkipped() throws IOException {
        assertThat(parse("# " + "x".repeat(10_000) + "\n" + ALICE + ",FR,1")).singleElement()
                .isInstanceOf(Row.class);
    }

    @Test
    void countLines_countsAsTheParserNumbers(@TempDir Path dir) throws IOException {
        Path withFinalBreak = Files.writeString(dir.resolve("a.csv"), "a\n\nb\n", StandardCharsets.UTF_8);
        Path withoutFinalBreak = Files.writeString(dir.resolve("b.csv"), "a\n\nb", StandardCharsets.UTF_8);
        Path empty = Files.writeString(dir.resolve("c.csv"), "", StandardCharsets.UTF_8);

        assertThat(EnrolmentCsv.countLines(withFinalBreak)).isEqualTo(3);
        assertThat(EnrolmentCsv.countLines(withoutFinalBreak)).isEqualTo(3);
        assertThat(EnrolmentCsv.countLines(empty)).isZero();
        try (EnrolmentCsv csv = EnrolmentCsv.open(withoutFinalBreak)) {
            while (csv.next() != null) {
                // read to the end
            }
            assertThat(csv.linesRead()).isEqualTo(3);
        }
    }
}
