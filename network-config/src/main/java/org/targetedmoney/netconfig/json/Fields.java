package org.targetedmoney.netconfig.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.targetedmoney.policy.model.Address;
import org.web3j.crypto.Keys;

/**
 * Typed reads of a JSON tree that record a problem (with its path) and return null instead of throwing, so
 * a reader can go on and report every mistake of a file at once. Callers skip checks that depend on a null.
 */
public final class Fields {
    /** Values quoted in messages are cut to this many characters (a hostile file may hold huge strings). */
    static final int MAX_QUOTED_CHARS = 80;
    private static final java.util.regex.Pattern ADDRESS = java.util.regex.Pattern.compile("0x[0-9a-fA-F]{40}");

    private Fields() {}

    /** {@code node} as an object whose field names are all in {@code known}; null if it is not an object. */
    public static JsonNode object(JsonNode node, String path, List<String> known, Problems problems) {
        if (node == null || !node.isObject()) {
            problems.add(path, "expected an object, got " + typeOf(node));
            return null;
        }
        Set<String> allowed = Set.copyOf(known);
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                problems.add(path + "." + name, "unknown field (expected one of " + String.join(", ", known) + ")");
            }
        }
        return node;
    }

    /** The value of a mandatory field, or null (with a problem) when it is absent. */
    public static JsonNode required(JsonNode object, String field, String path, Problems problems) {
        JsonNode value = object.get(field);
        if (value == null) {
            problems.add(path + "." + field, "missing field");
        }
        return value;
    }

    /** The text of a string node, or null (with a problem) for any other type. */
    public static String text(JsonNode node, String path, Problems problems) {
        if (node == null) {
            return null;
        }
        if (!node.isTextual()) {
            problems.add(path, "expected a string, got " + typeOf(node));
            return null;
        }
        return node.textValue();
    }

    /** An integer in {@code [min, max]}; floats, strings and out-of-range values are problems. */
    public static Long integer(JsonNode node, String path, long min, long max, Problems problems) {
        if (node == null) {
            return null;
        }
        if (!node.isIntegralNumber()) {
            problems.add(path, "expected an integer, got " + typeOf(node) + describeValue(node));
            return null;
        }
        BigInteger value = node.bigIntegerValue();
        if (value.compareTo(BigInteger.valueOf(min)) < 0 || value.compareTo(BigInteger.valueOf(max)) > 0) {
            problems.add(path, value + " is out of range (expected " + min + " to " + max + ")");
            return null;
        }
        return value.longValue();
    }

    /** The elements of an array of {@code minSize} to {@code maxSize} elements, or null with a problem. */
    public static List<JsonNode> array(JsonNode node, String path, int minSize, int maxSize, Problems problems) {
        if (node == null) {
            return null;
        }
        if (!node.isArray()) {
            problems.add(path, "expected an array, got " + typeOf(node));
            return null;
        }
        if (node.size() < minSize || node.size() > maxSize) {
            String limit = minSize == maxSize ? "exactly " + minSize
                    : maxSize == Integer.MAX_VALUE ? "at least " + minSize : minSize + " to " + maxSize;
            problems.add(path, "has " + node.size() + " elements (expected " + limit + ")");
            return null;
        }
        List<JsonNode> elements = new ArrayList<>(node.size());
        node.elements().forEachRemaining(elements::add);
        return elements;
    }

    /** Parses {@code 0x} + 40 hex digits; a mixed-case address must pass its EIP-55 checksum (it catches typos). */
    public static Address address(JsonNode node, String path, Problems problems) {
        String text = Fields.text(node, path, problems);
        if (text == null) {
            return null;
        }
        if (!ADDRESS.matcher(text).matches()) {
            problems.add(path, "not an address: " + quote(text) + " (expected 0x followed by 40 hex digits)");
            return null;
        }
        String digits = text.substring(2);
        boolean mixedCase = !digits.equals(digits.toLowerCase(java.util.Locale.ROOT))
                && !digits.equals(digits.toUpperCase(java.util.Locale.ROOT));
        if (mixedCase && !Keys.toChecksumAddress(text).equals(text)) {
            problems.add(path, "address " + text + " fails its EIP-55 checksum (mixed case): a character is"
                    + " probably mistyped; write it in lower case only to skip the check");
            return null;
        }
        return Address.fromHex(text);
    }

    /** A JSON-quoted, shortened rendering of {@code value} for messages (control characters escaped). */
    public static String quote(String value) {
        String shown = value.length() > MAX_QUOTED_CHARS ? value.substring(0, MAX_QUOTED_CHARS) + "..." : value;
        StringBuilder out = new StringBuilder("\"");
        shown.codePoints().forEach(c -> {
            if (c == '"' || c == '\\') {
                out.append('\\').appendCodePoint(c);
            } else if (c < 0x20 || c == 0x7f) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.append('"').toString();
    }

    /** The JSON type of {@code node} in words: object, array, string, number, boolean or null. */
    public static String typeOf(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        return node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }

    private static String describeValue(JsonNode node) {
        if (node.isNumber()) {
            return " " + node.asText();
        }
        return node.isTextual() ? " " + quote(node.textValue()) : "";
    }
}
