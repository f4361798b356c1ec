package org.targetedmoney.bridge.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Sends a CSV file of contributions, public credits or firms' declarations to a running bridge, one request per
 * line. Each request's Idempotency-Key is derived from the kind and the line's own id, so importing a file again
 * (after a crash, a timeout, or with lines added) sends nothing twice: lines already taken answer as before. Lines
 * refused are listed with their line number and the bridge's code in a report file beside the input.
 */
public final class ContributionImport {
    /** Longest line read (a declaration with a payee's name is well under). */
    public static final int MAX_LINE_CHARS = 1_024;
    /** Most lines in one file. */
    public static final long MAX_LINES = 10_000_000;
    /** A progress line every this many lines. */
    static final int PROGRESS_EVERY = 1_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The kinds of file, their header and route. */
    public enum Kind {
        MEMBER_CONTRIBUTIONS("member-contributions", "/v1/member-contributions",
                "contributionId,period,memberRef,declaredIncomeCents,paidCents"),
        PUBLIC_CREDITS("public-credits", "/v1/public-credits", "creditId,accountId,period,amountCents,reference"),
        DECLARATIONS("declarations", "/v1/declarations",
                "declarationId,period,firmId,valueAddedCents,fteHundredths,payeeName,payeeIban,payeeBic,correction");

        final String code;
        final String route;
        final String header;

        Kind(String code, String route, String header) {
            this.code = code;
            this.route = route;
            this.header = header;
        }

        public String header() {
            return header;
        }

        static Kind parse(String code) {
            for (Kind k : values()) {
                if (k.code.equals(code)) {
                    return k;
                }
            }
            throw new IllegalArgumentException("unknown kind '" + code + "': expected member-contributions, "
                    + "public-credits or declarations");
        }
    }

    /** What an import did. */
    public record Result(long accepted, long replayed, long refused, Path report) {}

    private ContributionImport() {}

    /**
     * Sends every data line of {@code csv}; refusals go to {@code csv + ".rejected.csv"}.
     *
     * @throws IllegalArgumentException if the file's header is not the kind's (nothing is sent)
     */
    public static Result run(BridgeClient bridge, Kind kind, Path csv, PrintWriter out)
            throws IOException, InterruptedException {
        Path report = csv.resolveSibling(csv.getFileName() + ".rejected.csv");
        long accepted = 0;
        long replayed = 0;
        long refused = 0;
        try (BufferedReader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
             PrintWriter rejected = new PrintWriter(Files.newBufferedWriter(report, StandardCharsets.UTF_8))) {
            rejected.println("lineNumber,code,detail");
            String header = in.readLine();
            if (header == null || !header.strip().replace("\uFEFF", "").equals(kind.header)) {
                throw new IllegalArgumentException(csv + ": the first line must be the header '" + kind.header + "'");
            }
            long lineNumber = 1;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lineNumber++;
                if (lineNumber > MAX_LINES) {
                    throw new IllegalArgumentException(csv + " has more than " + MAX_LINES + " lines");
                }
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String problem = null;
                HttpResponse<String> answer = null;
                List<String> fields = fields(line);
                if (line.length() > MAX_LINE_CHARS) {
                    problem = "LINE_TOO_LONG,the line has " + line.length() + " characters (at most " + MAX_LINE_CHARS
                            + ")";
                } else if (fields == null || fields.size() != kind.header.split(",").length) {
                    problem = "WRONG_COLUMNS,expected " + kind.header.split(",").length + " columns: " + kind.header;
                } else {
                    answer = send(bridge, kind, fields);
                }
                if (answer != null && answer.statusCode() / 100 == 2) {
                    boolean again = answer.headers().firstValue("Idempotent-Replayed").isPresent()
                            || answer.body().contains("\"replayed\"");
                    accepted += again ? 0 : 1;
                    replayed += again ? 1 : 0;
                } else {
                    refused++;
                    rejected.println(lineNumber + "," + (problem != null ? problem : codeAndDetail(answer)));
                }
                if ((accepted + replayed + refused) % PROGRESS_EVERY == 0) {
                    out.printf("  %d lines: %d accepted, %d already taken, %d refused%n", lineNumber - 1, accepted,
                            replayed, refused);
                    out.flush();
                }
            }
        }
        return new Result(accepted, replayed, refused, report);
    }

    private static HttpResponse<String> send(BridgeClient bridge, Kind kind, List<String> f)
            throws IOException, InterruptedException {
        ObjectNode body = JSON.createObjectNode();
        String[] names = kind.header.split(",");
        switch (kind) {
            case MEMBER_CONTRIBUTIONS, PUBLIC_CREDITS -> {
                for (int i = 0; i < names.length; i++) {
                    put(body, names[i], f.get(i));
                }
            }
            case DECLARATIONS -> {
                for (int i = 0; i < 5; i++) {
                    put(body, names[i], f.get(i));
                }
                ObjectNode payee = body.putObject("payee").put("name", f.get(5)).put("iban", f.get(6));
                if (!f.get(7).isEmpty()) {
                    payee.put("bic", f.get(7));
                }
                body.put("correction", f.get(8).equalsIgnoreCase("true"));
            }
        }
        String key = "import:" + kind.code + ":" + f.getFirst();
        return bridge.post(kind.route, key, JSON.writeValueAsString(body));
    }

    /** Numbers go as JSON numbers (the API wants integers), the rest as strings. */
    private static void put(ObjectNode body, String name, String value) {
        if (name.endsWith("Cents") || name.endsWith("Hundredths")) {
            try {
                body.put(name, Long.parseLong(value));
                return;
            } catch (NumberFormatException e) {
                // sent as text: the bridge names the field in its refusal
            }
        }
        body.put(name, value);
    }

    private static String codeAndDetail(HttpResponse<String> answer) {
        try {
            var problem = JSON.readTree(answer.body());
            return problem.path("code").asText("HTTP_" + answer.statusCode()) + ","
                    + csvField(problem.path("detail").asText(""));
        } catch (IOException e) {
            return "HTTP_" + answer.statusCode() + "," + csvField(answer.body());
        }
    }

    private static String csvField(String text) {
        String t = text.length() > 300 ? text.substring(0, 300) : text;
        return "\"" + t.replace("\"", "\"\"").replace('\n', ' ') + "\"";
    }

    /** The fields of a CSV line (RFC 4180 quotes allowed), or null if a quote is not closed. */
    static List<String> fields(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                field.append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                out.add(field.toString().strip());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        out.add(field.toString().strip());
        return quoted ? null : out;
    }

    static String describe(Result r) {
        return String.format(Locale.ROOT, "%d accepted, %d already taken (sent before), %d refused%s", r.accepted(),
                r.replayed(), r.refused(), r.refused() > 0 ? " (see " + r.report() + ")" : "");
    }
}
