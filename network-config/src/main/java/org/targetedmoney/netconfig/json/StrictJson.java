package org.targetedmoney.netconfig.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import java.io.UncheckedIOException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads JSON strictly: a size limit checked while reading (a FIFO or a growing file cannot exceed it), UTF-8
 * only, no duplicate keys (the second would silently win), no trailing content, no comments.
 */
public final class StrictJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private static final DefaultIndenter INDENTER = new DefaultIndenter("  ", "\n");
    /** Two-space indentation, LF line ends, {@code "key": value}: the same bytes on every platform. */
    private static final ObjectWriter CANONICAL = MAPPER.writer(new DefaultPrettyPrinter()
            .withSeparators(Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                    .withObjectEmptySeparator("")
                    .withArrayEmptySeparator(""))
            .withObjectIndenter(INDENTER)
            .withArrayIndenter(INDENTER));

    private StrictJson() {}

    /** {@code tree} as canonical pretty JSON text with a final newline. */
    public static String toCanonicalText(JsonNode tree) {
        try {
            return CANONICAL.writeValueAsString(tree) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("writing a JSON tree to a string cannot fail", e);
        }
    }

    /** The mapper used for parsing and writing (thread-safe once built). */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /**
     * Reads {@code file} as UTF-8 text of at most {@code maxBytes} bytes.
     *
     * @param what the name used in problems, e.g. {@code genesis}
     */
    public static String readText(Path file, long maxBytes, String what) throws ConfigException {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(Math.toIntExact(Math.min(Integer.MAX_VALUE - 8L, maxBytes + 1)));
        } catch (IOException e) {
            throw single(what, "cannot read " + file + ": " + describe(e));
        }
        if (bytes.length > maxBytes) {
            throw single(what, "file " + file + " is larger than the limit of " + maxBytes + " bytes");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw single(what, "file " + file + " is not valid UTF-8 text");
        }
    }

    /** Parses {@code json} (at most {@code maxChars} characters) into a tree. */
    public static JsonNode parse(String json, long maxChars, String what) throws ConfigException {
        if (json.length() > maxChars) {
            throw single(what, "text is larger than the limit of " + maxChars + " characters");
        }
        try {
            JsonNode root = MAPPER.readTree(json);
            if (root == null || root.isMissingNode()) {
                throw single(what, "empty input: expected a JSON object");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw single(what, "not valid JSON" + at(e.getLocation()) + ": " + e.getOriginalMessage());
        }
    }

    private static String at(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    private static String describe(IOException e) {
        return e instanceof java.nio.file.NoSuchFileException ? "no such file"
                : e instanceof java.nio.file.AccessDeniedException ? "permission denied"
                : e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage());
    }

    private static ConfigException single(String what, String message) {
        return new ConfigException(what, List.of(new Problem(what, message)));
    }
}
