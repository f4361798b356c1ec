package org.targetedmoney.wallet.registrar;

/** A data line of an enrolment file: a member to enrol, or a line that will not be enrolled, and why. */
public sealed interface ParsedLine {
    /** 1-based, counting every line of the file (header, comments and blank lines included). */
    long lineNumber();

    /** The line as read (cut at {@link EnrolmentCsv#MAX_LINE_CHARS} characters), for the report. */
    String text();

    /** A member to enrol: a checked address (lower case), territory code and household size. */
    record Row(long lineNumber, String text, String address, String territory, int householdSize)
            implements ParsedLine {}

    /**
     * A line that is not enrolled: {@code code} is a file check ({@link EnrolmentCsv.Defect}), a stable
     * ledger rejection code (e.g. {@code UNKNOWN_TERRITORY}) or {@link BulkEnrolment#NOT_SENT}.
     */
    record RejectedLine(long lineNumber, String text, String code, String detail) implements ParsedLine {
        /** What the report shows: the code, then the detail for people. */
        public String reason() {
            return code + ": " + detail;
        }
    }
}
