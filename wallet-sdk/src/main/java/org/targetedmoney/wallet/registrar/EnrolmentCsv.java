package org.targetedmoney.wallet.registrar;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;
import org.targetedmoney.policy.model.Territory;
import org.targetedmoney.policy.rules.Limits;
import org.targetedmoney.wallet.registrar.ParsedLine.RejectedLine;
import org.targetedmoney.wallet.registrar.ParsedLine.Row;
import org.web3j.crypto.Keys;

/**
 * A registrar's enrolment file, read line by line (it may hold millions of lines, so it is never loaded
 * whole): {@code address,territory,householdSize} per line, an optional header line {@value #HEADER} first,
 * {@code #} comments and blank lines. Each data line becomes a {@link Row} or a {@link RejectedLine} saying
 * what is wrong; an address listed twice is enrolled once and its later lines are rejected.
 *
 * <p>Strict on content, lenient on layout: spaces around fields, CRLF line ends and a UTF-8 byte order mark
 * are accepted; anything the ledger would refuse for the whole 500-address call (a malformed address, a
 * territory that is not a code, a household size out of range) is caught here, on its own line.
 */
public final class EnrolmentCsv implements Closeable {
    /**
     * The longest line read: an address (42), a territory code (64), a household size (2) and two commas
     * fit in 110, so 256 leaves room for spaces while a file without line breaks cannot fill the memory.
     */
    public static final int MAX_LINE_CHARS = 256;
    public static final String HEADER = "address,territory,householdSize";
    static final int COLUMNS = 3;
    private static final int BUFFER_CHARS = 1 << 16;
    private static final Pattern ADDRESS = Pattern.compile("0x[0-9a-fA-F]{40}");
    private static final Pattern ZERO_ADDRESS = Pattern.compile("0x0{40}");
    private static final Pattern SMALL_NUMBER = Pattern.compile("[0-9]{1,9}");
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    /** What the file check found wrong with a line: the code of its {@link RejectedLine}. */
    public enum Defect {
        WRONG_COLUMN_COUNT, INVALID_ADDRESS, INVALID_TERRITORY, INVALID_HOUSEHOLD_SIZE, DUPLICATE_ADDRESS,
        LINE_TOO_LONG
    }

    private final Reader in;
    private final char[] buffer = new char[BUFFER_CHARS];
    private int pos;
    private int limit;
    /** The current line, kept to MAX_LINE_CHARS + 1 characters (the one more tells a line too long). */
    private final StringBuilder line = new StringBuilder(MAX_LINE_CHARS + 1);
    private boolean cut;
    private long lineNumber;
    private boolean pastHeader;
    private final SeenAddresses seen = new SeenAddresses();

    /** Reads from {@code in}, which this closes. Malformed UTF-8 reads as U+FFFD, which no check accepts. */
    public EnrolmentCsv(Reader in) {
        this.in = in;
    }

    public static EnrolmentCsv open(Path file) throws IOException {
        return new EnrolmentCsv(new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8));
    }

    /**
     * Counts the lines of a file as {@link #next()} numbers them, cheaply (bytes, no decoding), so that
     * progress can be shown as a percentage.
     */
    public static long countLines(Path file) throws IOException {
        try (InputStream bytes = Files.newInputStream(file)) {
            byte[] chunk = new byte[BUFFER_CHARS];
            long lines = 0;
            byte last = '\n';
            for (int n = bytes.read(chunk); n >= 0; n = bytes.read(chunk)) {
                for (int i = 0; i < n; i++) {
                    if (chunk[i] == '\n') {
                        lines++;
                    }
                }
                last = n > 0 ? chunk[n - 1] : last;
            }
            return last == '\n' ? lines : lines + 1;
        }
    }

    /** How many lines were read so far, data or not. */
    public long linesRead() {
        return lineNumber;
    }

    /** The next data line, or null at the end of the file; the header, comments and blank lines are skipped. */
    public ParsedLine next() throws IOException {
        while (readLine()) {
            ParsedLine parsed = parse();
            if (parsed != null) {
                return parsed;
            }
        }
        return null;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** Reads up to the next '\n' into {@link #line}, keeping at most MAX_LINE_CHARS + 1 characters. */
    private boolean readLine() throws IOException {
        line.setLength(0);
        cut = false;
        boolean any = false;
        while (true) {
            if (pos == limit) {
                int n = in.read(buffer);
                if (n < 0) {
                    return any && counted();
                }
                pos = 0;
                limit = n;
            }
            any = true;
            int start = pos;
            while (pos < limit && buffer[pos] != '\n') {
                pos++;
            }
            int room = MAX_LINE_CHARS + 1 - line.length();
            cut |= pos - start > room;
            line.append(buffer, start, Math.min(pos - start, room));
            if (pos < limit) {
                pos++;
                return counted();
            }
        }
    }

    private boolean counted() throws IOException {
        if (++lineNumber > SeenAddresses.MAX_LINE_NUMBER) {
            throw new IOException("the file has more than " + SeenAddresses.MAX_LINE_NUMBER + " lines: split it");
        }
        if (!cut && !line.isEmpty() && line.charAt(line.length() - 1) == '\r') {
            line.setLength(line.length() - 1);
        }
        if (lineNumber == 1 && !line.isEmpty() && line.charAt(0) == BYTE_ORDER_MARK) {
            line.deleteCharAt(0); // spreadsheets write one
        }
        return true;
    }

    /** The current line as a row or a rejection, or null when it carries no member. */
    private ParsedLine parse() {
        boolean tooLong = cut || line.length() > MAX_LINE_CHARS;
        String text = tooLong ? line.substring(0, MAX_LINE_CHARS) + "..." : line.toString();
        String content = text.strip();
        if (content.startsWith("#") || (content.isEmpty() && !tooLong)) {
            return null;
        }
        if (tooLong) {
            return reject(text, Defect.LINE_TOO_LONG, "the line is longer than %d characters", MAX_LINE_CHARS);
        }
        String[] fields = content.split(",", -1);
        for (int i = 0; i < fields.length; i++) {
            fields[i] = fields[i].strip();
        }
        boolean first = !pastHeader;
        pastHeader = true;
        if (first && isHeader(fields)) {
            return null;
        }
        if (fields.length != COLUMNS) {
            return reject(text, Defect.WRONG_COLUMN_COUNT, "%d columns instead of %d (%s)", fields.length, COLUMNS,
                    HEADER);
        }
        return check(text, fields[0], fields[1], fields[2]);
    }

    private static boolean isHeader(String[] fields) {
        String[] names = HEADER.split(",");
        if (fields.length != names.length) {
            return false;
        }
        for (int i = 0; i < names.length; i++) {
            if (!fields[i].equalsIgnoreCase(names[i])) {
                return false;
            }
        }
        return true;
    }

    private ParsedLine check(String text, String address, String territory, String size) {
        String addressProblem = addressProblem(address);
        if (addressProblem != null) {
            return reject(text, Defect.INVALID_ADDRESS, "%s", addressProblem);
        }
        if (territory.isEmpty()) {
            return reject(text, Defect.INVALID_TERRITORY, "the territory is empty");
        }
        if (territory.length() > Territory.MAX_CODE_LENGTH) {
            return reject(text, Defect.INVALID_TERRITORY, "the territory is longer than %d characters",
                    Territory.MAX_CODE_LENGTH);
        }
        if (!Territory.isValidCode(territory)) {
            return reject(text, Defect.INVALID_TERRITORY, "'%s' is not a territory code like FR-OCC-34-172",
                    territory);
        }
        int householdSize = SMALL_NUMBER.matcher(size).matches() ? Integer.parseInt(size) : 0;
        if (householdSize < 1 || householdSize > Limits.MAX_HOUSEHOLD_SIZE) {
            return reject(text, Defect.INVALID_HOUSEHOLD_SIZE, "household size '%s' is not an integer in 1..%d",
                    size, Limits.MAX_HOUSEHOLD_SIZE);
        }
        String lower = address.toLowerCase(Locale.ROOT);
        long firstLine = seen.addIfAbsent(lower, lineNumber);
        if (firstLine != 0) {
            return reject(text, Defect.DUPLICATE_ADDRESS, "%s is already listed on line %d", lower, firstLine);
        }
        return new Row(lineNumber, text, lower, territory, householdSize);
    }

    /** Why {@code address} cannot be a member, or null. */
    private static String addressProblem(String address) {
        if (!ADDRESS.matcher(address).matches()) {
            return "'" + address + "' is not 0x followed by 40 hex digits";
        }
        if (ZERO_ADDRESS.matcher(address).matches()) {
            return "the zero address cannot be a member";
        }
        String digits = address.substring(2);
        boolean mixedCase = !digits.equals(digits.toLowerCase(Locale.ROOT))
                && !digits.equals(digits.toUpperCase(Locale.ROOT));
        // Mixed case is an EIP-55 checksum: a mismatch means a mistyped digit.
        if (mixedCase && !Keys.toChecksumAddress(address).substring(2).equals(digits)) {
            return address + " fails its EIP-55 checksum (mixed case): is a character mistyped?";
        }
        return null;
    }

    private RejectedLine reject(String text, Defect defect, String detail, Object... args) {
        return new RejectedLine(lineNumber, text, defect.name(), String.format(Locale.ROOT, detail, args));
    }
}
