package org.targetedmoney.wallet.registrar;

import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.targetedmoney.wallet.registrar.ParsedLine.RejectedLine;

/**
 * The report of lines not enrolled, as CSV ({@value #HEADER}, RFC 4180 quoting), written as they come so
 * that a file with millions of bad lines needs no memory. Fix the lines and send them again: members that
 * were enrolled meanwhile are skipped.
 */
public final class RejectionReport implements BulkEnrolment.RejectionSink, Closeable {
    public static final String HEADER = "lineNumber,reason,originalLine";
    private final Writer out;
    private long lines;

    public RejectionReport(Writer out) throws IOException {
        this.out = out;
        out.write(HEADER + "\n");
    }

    /** Creates (or replaces) the report file. */
    public static RejectionReport create(Path file) throws IOException {
        return new RejectionReport(Files.newBufferedWriter(file, StandardCharsets.UTF_8));
    }

    @Override
    public void reject(RejectedLine line) throws IOException {
        out.write(Long.toString(line.lineNumber()));
        out.write(',');
        out.write(quoted(line.reason()));
        out.write(',');
        out.write(quoted(line.text()));
        out.write('\n');
        lines++;
    }

    /** How many rejected lines were written. */
    public long lines() {
        return lines;
    }

    @Override
    public void close() throws IOException {
        out.close();
    }

    /** A CSV field: quoted when it holds a comma, a quote, a line break or edge spaces; quotes doubled. */
    static String quoted(String field) {
        boolean plain = !field.isEmpty() && field.strip().equals(field) && field.chars()
                .noneMatch(c -> c == ',' || c == '"' || c == '\n' || c == '\r');
        return plain ? field : '"' + field.replace("\"", "\"\"") + '"';
    }
}
