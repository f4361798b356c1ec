package org.targetedmoney.bridge.contribution;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Pattern;
import org.targetedmoney.bridge.contribution.ContributionRejection.Code;
import org.targetedmoney.bridge.contribution.SlidingScale.Sourced;

/** Reading a sliding scale's bands from text (CSV or JSON), each band with the line it came from. */
final class ScaleText {
    private ScaleText() {}

    private static final String CSV_INCOME = "income_from_cents";
    private static final String CSV_CONTRIBUTION = "contribution_cents";
    private static final String JSON_INCOME = "incomeFromCents";
    private static final String JSON_CONTRIBUTION = "contributionCents";
    /** Whole cents: an optional minus and at most 18 digits, so any value fits a long. */
    private static final Pattern WHOLE_CENTS = Pattern.compile("-?[0-9]{1,18}");
    private static final ObjectMapper JSON = new ObjectMapper(
            JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build());

    static Outcome<List<Sourced>> csv(byte[] utf8) {
        Outcome<String> text = decode(utf8);
        if (text instanceof Outcome.Rejected<String>(ContributionRejection r)) {
            return Outcome.rejected(r);
        }
        String[] lines = ((Outcome.Accepted<String>) text).value().split("\n", -1);
        List<Sourced> bands = new ArrayList<>();
        boolean headerSeen = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
            String where = "line " + (i + 1);
            if (line.isBlank() || line.strip().startsWith("#")) {
                continue;
            }
            String[] cells = line.split(",", -1);
            if (!headerSeen) {
                if (cells.length != 2 || !cells[0].strip().equals(CSV_INCOME) || !cells[1].strip().equals(CSV_CONTRIBUTION)) {
                    return malformed(where + ": header", line, "expected the header " + SlidingScale.CSV_HEADER);
                }
                headerSeen = true;
                continue;
            }
            if (cells.length != 2) {
                return malformed(where, line, "expected 2 columns, " + CSV_INCOME + "," + CSV_CONTRIBUTION);
            }
            if (bands.size() == SlidingScale.MAX_BANDS) {
                return Outcome.rejected(ContributionRejection.of(Code.SCALE_TOO_MANY_BANDS, where, line,
                        "more than " + SlidingScale.MAX_BANDS + " bands"));
            }
            String income = cells[0].strip();
            String contribution = cells[1].strip();
            if (!WHOLE_CENTS.matcher(income).matches()) {
                return malformed(where + ": " + CSV_INCOME, income, "not a whole number of cents");
            }
            if (!WHOLE_CENTS.matcher(contribution).matches()) {
                return malformed(where + ": " + CSV_CONTRIBUTION, contribution, "not a whole number of cents");
            }
            bands.add(new Sourced(new ScaleBand(Long.parseLong(income), Long.parseLong(contribution)), where,
                    CSV_INCOME, CSV_CONTRIBUTION));
        }
        if (!headerSeen) {
            return malformed("header", "", "expected the header " + SlidingScale.CSV_HEADER);
        }
        return Outcome.accepted(bands);
    }

    static Outcome<List<Sourced>> json(byte[] json) {
        if (json.length > SlidingScale.MAX_TEXT_BYTES) {
            return tooLarge(json.length);
        }
        try (JsonParser p = JSON.createParser(json)) {
            if (p.nextToken() != JsonToken.START_ARRAY) {
                return malformed(at(p.currentTokenLocation()), String.valueOf(p.currentToken()),
                        "expected an array of bands");
            }
            List<Sourced> bands = new ArrayList<>();
            for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                String where = at(p.currentTokenLocation()) + " (band[" + bands.size() + "])";
                if (t != JsonToken.START_OBJECT) {
                    return malformed(where, String.valueOf(t), "expected an object");
                }
                if (bands.size() == SlidingScale.MAX_BANDS) {
                    return Outcome.rejected(ContributionRejection.of(Code.SCALE_TOO_MANY_BANDS, where, bands.size() + 1,
                            "more than " + SlidingScale.MAX_BANDS + " bands"));
                }
                Outcome<Sourced> band = jsonBand(JSON.readTree(p), where);
                if (band instanceof Outcome.Rejected<Sourced>(ContributionRejection r)) {
                    return Outcome.rejected(r);
                }
                bands.add(((Outcome.Accepted<Sourced>) band).value());
            }
            if (p.nextToken() != null) {
                return malformed(at(p.currentTokenLocation()), String.valueOf(p.currentToken()),
                        "unexpected content after the array");
            }
            return Outcome.accepted(bands);
        } catch (JsonProcessingException e) {
            return malformed(at(e.getLocation()), "", "not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("reading from a byte array", e);
        }
    }

    private static Outcome<Sourced> jsonBand(JsonNode band, String where) {
        for (Iterator<String> names = band.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!name.equals(JSON_INCOME) && !name.equals(JSON_CONTRIBUTION)) {
                return malformed(where + ": " + name, band.get(name).toString(), "unknown field");
            }
        }
        for (String name : List.of(JSON_INCOME, JSON_CONTRIBUTION)) {
            JsonNode v = band.get(name);
            if (v == null) {
                return malformed(where + ": " + name, "", "missing");
            }
            if (!v.isIntegralNumber() || !v.canConvertToLong()) {
                return malformed(where + ": " + name, v.toString(), "not a whole number of cents");
            }
        }
        return Outcome.accepted(new Sourced(new ScaleBand(band.get(JSON_INCOME).longValue(),
                band.get(JSON_CONTRIBUTION).longValue()), where, JSON_INCOME, JSON_CONTRIBUTION));
    }

    /** Strict UTF-8 (a malformed byte is refused, not replaced), without a leading byte-order mark. */
    private static Outcome<String> decode(byte[] utf8) {
        if (utf8.length > SlidingScale.MAX_TEXT_BYTES) {
            return tooLarge(utf8.length);
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(utf8)).toString();
            return Outcome.accepted(text.startsWith("\uFEFF") ? text.substring(1) : text);
        } catch (CharacterCodingException e) {
            return malformed("encoding", "", "not valid UTF-8");
        }
    }

    private static String at(JsonLocation location) {
        return location == null ? "line ?" : "line " + location.getLineNr() + " column " + location.getColumnNr();
    }

    private static <T> Outcome<T> tooLarge(int bytes) {
        return Outcome.rejected(ContributionRejection.of(Code.SCALE_TOO_LARGE, "text", bytes,
                "bytes, more than " + SlidingScale.MAX_TEXT_BYTES));
    }

    private static <T> Outcome<T> malformed(String field, String value, String why) {
        return Outcome.rejected(ContributionRejection.of(Code.SCALE_MALFORMED, field, value, why));
    }
}
