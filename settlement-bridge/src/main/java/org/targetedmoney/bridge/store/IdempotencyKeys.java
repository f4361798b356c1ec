package org.targetedmoney.bridge.store;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Idempotency keys (IETF draft "The Idempotency-Key HTTP Header Field"): the first answer to a request is
 * recorded under (scope, key) in {@link Family#IDEMPOTENCY}, in the same commit as the state change it
 * answers, so that either both are on disk or neither. A later request with the key is then a replay (same
 * body: the first answer again) or a conflict (another body: refused). Records are kept for good: a key is
 * never reused with another meaning.
 *
 * <p>Also the in-memory set of keys whose first request is still being processed ({@link #tryBegin}), so that
 * a concurrent retry is refused instead of processed twice. One instance per store, shared by every route.
 */
public final class IdempotencyKeys {
    /** Longest key; the draft recommends a UUID, any printable token up to this length is accepted. */
    public static final int MAX_KEY_CHARS = 255;
    /** Longest scope (method and path). */
    public static final int MAX_SCOPE_CHARS = 1024;
    /** Length of the request fingerprint. */
    public static final int SHA256_BYTES = 32;
    private static final char FIRST_PRINTABLE = 0x20;
    private static final char LAST_PRINTABLE = 0x7E;

    private final BridgeStore store;
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();

    public IdempotencyKeys(BridgeStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /** What a request's key finds. */
    public sealed interface Lookup {
        /** The key is unknown in this scope: process the request. */
        record New() implements Lookup {
        }

        /** The same request was answered: answer {@code first} again, change nothing. */
        record Replay(IdempotencyRecord first) implements Lookup {
        }

        /** The key was used with another body: refuse (422), change nothing. */
        record Conflict(IdempotencyRecord first) implements Lookup {
        }
    }

    /** What an Idempotency-Key header holds. */
    public sealed interface KeyCheck {
        /** A usable key. */
        record Valid(String key) implements KeyCheck {
        }

        /** No header. */
        record Missing() implements KeyCheck {
        }

        /** A header that is not a key; {@code reason} says why, for the client. */
        record Invalid(String reason) implements KeyCheck {
        }
    }

    /**
     * Reads an Idempotency-Key header value: the draft's structured-field string ({@code "8e03978e-..."}, with
     * {@code \"} and {@code \\} escapes) or, as most clients send it, the bare token. The key is 1..255
     * printable ASCII characters.
     */
    public static KeyCheck parseHeader(String headerValue) {
        if (headerValue == null) {
            return new KeyCheck.Missing();
        }
        String value = trimOptionalWhitespace(headerValue);
        String key;
        if (value.startsWith("\"")) {
            key = unquote(value);
            if (key == null) {
                return new KeyCheck.Invalid("a quoted key must end with '\"' and escape only '\"' and '\\'");
            }
        } else {
            key = value;
        }
        String problem = keyProblem(key);
        return problem == null ? new KeyCheck.Valid(key) : new KeyCheck.Invalid(problem);
    }

    /** Without leading and trailing spaces and tabs (HTTP's optional whitespace), and nothing else. */
    private static String trimOptionalWhitespace(String value) {
        int start = 0;
        int end = value.length();
        while (start < end && (value.charAt(start) == ' ' || value.charAt(start) == '\t')) {
            start++;
        }
        while (end > start && (value.charAt(end - 1) == ' ' || value.charAt(end - 1) == '\t')) {
            end--;
        }
        return value.substring(start, end);
    }

    /** The content of a structured-field string (RFC 8941 section 3.3.3), or null if it is not one. */
    private static String unquote(String quoted) {
        StringBuilder out = new StringBuilder();
        for (int i = 1; i < quoted.length(); i++) {
            char c = quoted.charAt(i);
            if (c == '\\') {
                if (i + 1 >= quoted.length() || (quoted.charAt(i + 1) != '"' && quoted.charAt(i + 1) != '\\')) {
                    return null;
                }
                out.append(quoted.charAt(++i));
            } else if (c == '"') {
                return i == quoted.length() - 1 ? out.toString() : null;
            } else {
                out.append(c);
            }
        }
        return null;
    }

    /** Why {@code key} is not a valid key, or null if it is. */
    static String keyProblem(String key) {
        if (key.isEmpty() || key.length() > MAX_KEY_CHARS) {
            return "the key must be 1.." + MAX_KEY_CHARS + " characters long, not " + key.length();
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c < FIRST_PRINTABLE || c > LAST_PRINTABLE) {
                return "the key must be printable ASCII; character " + (i + 1) + " is not";
            }
        }
        return null;
    }

    static void checkKey(String key) {
        Objects.requireNonNull(key, "key");
        String problem = keyProblem(key);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
    }

    static void checkScope(String scope) {
        Objects.requireNonNull(scope, "scope");
        if (scope.isEmpty() || scope.length() > MAX_SCOPE_CHARS || scope.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("scope must be 1.." + MAX_SCOPE_CHARS + " characters without NUL");
        }
    }

    /** What {@code key} finds in {@code scope}, among committed records. */
    public Lookup lookup(String scope, String key, byte[] requestSha256) {
        return decide(store.getJson(Family.IDEMPOTENCY, storeKey(scope, key), IdempotencyRecord.class),
                requestSha256);
    }

    /** As {@link #lookup(String, String, byte[])}, also seeing records staged in {@code writes}. */
    public Lookup lookup(Writes writes, String scope, String key, byte[] requestSha256) {
        return decide(writes.getJson(Family.IDEMPOTENCY, storeKey(scope, key), IdempotencyRecord.class),
                requestSha256);
    }

    private static Lookup decide(Optional<IdempotencyRecord> first, byte[] requestSha256) {
        Objects.requireNonNull(requestSha256, "requestSha256");
        if (first.isEmpty()) {
            return new Lookup.New();
        }
        return first.get().sameRequest(requestSha256) ? new Lookup.Replay(first.get())
                : new Lookup.Conflict(first.get());
    }

    /** Stages {@code record} in {@code writes}; a key already answered is a bug of the caller. */
    public void record(Writes writes, IdempotencyRecord record) {
        byte[] storeKey = storeKey(record.scope(), record.key());
        if (writes.get(Family.IDEMPOTENCY, storeKey).isPresent()) {
            throw new IllegalStateException("idempotency key already answered: " + record.scope() + " "
                    + record.key());
        }
        writes.putJson(Family.IDEMPOTENCY, storeKey, record);
    }

    /** Marks (scope, key) in flight; false if it already is (a concurrent request with the same key). */
    public boolean tryBegin(String scope, String key) {
        return inFlight.add(inFlightKey(scope, key));
    }

    /** Ends what {@link #tryBegin} started; call it once the answer is on disk (or not to be recorded). */
    public void end(String scope, String key) {
        inFlight.remove(inFlightKey(scope, key));
    }

    /** SHA-256 of {@code bytes}. */
    public static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    private static byte[] storeKey(String scope, String key) {
        checkScope(scope);
        checkKey(key);
        return Keys.of(scope, key);
    }

    private static String inFlightKey(String scope, String key) {
        checkScope(scope);
        checkKey(key);
        return scope + '\0' + key;
    }
}
