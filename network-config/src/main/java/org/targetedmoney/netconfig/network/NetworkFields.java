package org.targetedmoney.netconfig.network;

import static org.targetedmoney.netconfig.json.Fields.quote;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.bouncycastle.util.IPAddress;
import org.targetedmoney.netconfig.json.Fields;
import org.targetedmoney.netconfig.json.Problems;
import org.targetedmoney.netconfig.tls.Certificates;

/** Typed reads of the fields node.json and network.json share; each records a problem and returns null. */
final class NetworkFields {
    static final int MAX_HOST_CHARS = 253;
    static final int MAX_PATH_CHARS = 4_096;
    /** A DNS name: dot-separated labels of letters, digits and inner hyphens. */
    private static final Pattern DNS_NAME = Pattern.compile(
            "[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*");

    private NetworkFields() {}

    /** True if {@code host} is an IPv4 or IPv6 literal or a DNS name. */
    static boolean isHost(String host) {
        return host.length() <= MAX_HOST_CHARS && (IPAddress.isValid(host) || DNS_NAME.matcher(host).matches());
    }

    static String format(JsonNode node, String path, String expected, Problems problems) {
        String format = Fields.text(node, path, problems);
        if (format != null && !format.equals(expected)) {
            problems.add(path, "unsupported format " + quote(format) + " (expected " + quote(expected) + ")");
            return null;
        }
        return format;
    }

    static String nodeId(JsonNode node, String path, Problems problems) {
        String id = Fields.text(node, path, problems);
        if (id != null && !NetworkLayout.NODE_ID.matcher(id).matches()) {
            problems.add(path, quote(id) + " is not a node id (1 to 32 lower-case letters, digits or '-', not"
                    + " starting with '-')");
            return null;
        }
        return id;
    }

    static String host(JsonNode node, String path, Problems problems) {
        String host = Fields.text(node, path, problems);
        if (host != null && !isHost(host)) {
            problems.add(path, quote(host) + " is not a host (an IPv4 or IPv6 address, or a DNS name)");
            return null;
        }
        return host;
    }

    /** A TCP port a peer can dial: 1 to 65535 (0, "any free port", cannot be written in a peer's settings). */
    static Integer port(JsonNode node, String path, Problems problems) {
        Long port = Fields.integer(node, path, 1, 65_535, problems);
        return port == null ? null : port.intValue();
    }

    static String fingerprint(JsonNode node, String path, Problems problems) {
        String text = Fields.text(node, path, problems);
        if (text != null && !Certificates.FINGERPRINT.matcher(text).matches()) {
            problems.add(path, quote(text) + " is not a SHA-256 fingerprint (64 lower-case hex digits)");
            return null;
        }
        return text;
    }

    /** A file path, resolved against {@code base} when relative. */
    static Path path(JsonNode node, String path, Path base, Problems problems) {
        String text = Fields.text(node, path, problems);
        if (text == null) {
            return null;
        }
        if (text.isEmpty() || text.length() > MAX_PATH_CHARS || text.codePoints().anyMatch(Character::isISOControl)) {
            problems.add(path, "a path has 1 to " + MAX_PATH_CHARS + " characters and no control characters");
            return null;
        }
        try {
            return base.resolve(Path.of(text)).normalize();
        } catch (InvalidPathException e) {
            problems.add(path, quote(text) + " is not a valid path here: " + e.getReason());
            return null;
        }
    }
}
