package org.targetedmoney.wallet.registrar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.targetedmoney.wallet.registrar.ParsedLine.RejectedLine;

class RejectionReportTest {
    @Test
    void reject_writesHeaderThenOneQuotedCsvRecordPerLine() throws IOException {
        StringWriter out = new StringWriter();
        try (RejectionReport report = new RejectionReport(out)) {
            report.reject(new RejectedLine(7, "0x12,FR,1", "INVALID_ADDRESS", "'0x12' is not 0x followed by 40 hex digits"));
            report.reject(new RejectedLine(9, "say \"hi\"", "WRONG_COLUMN_COUNT", "1 columns instead of 3"));
            assertThat(report.lines()).isEqualTo(2);
        }

        assertThat(out.toString()).isEqualTo("""
                lineNumber,reason,originalLine
                7,INVALID_ADDRESS: '0x12' is not 0x followed by 40 hex digits,"0x12,FR,1"
                9,WRONG_COLUMN_COUNT: 1 columns instead of 3,"say ""hi\"""
                """);
    }

    @Test
    void quoted_fieldsWithEdgeSpacesOrEmpty_areQuoted() {
        assertThat(RejectionReport.quoted(" x")).isEqualTo("\" x\"");
        assertThat(RejectionReport.quoted("")).isEqualTo("\"\"");
        assertThat(RejectionReport.quoted("plain")).isEqualTo("plain");
    }
}
