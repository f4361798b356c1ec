package org.targetedmoney.bridge.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiPredicate;
import java.util.regex.Pattern;

/**
 * The API's bearer tokens, as a tokens file holds them: one line per token, {@code role name sha256hex}
 * (blank lines and lines starting with '#' ignored), never the token itself. A token is 32 random bytes in
 * base64url without padding ({@link #newToken}); the file holds the SHA-256 of its text (UTF-8), in lower-case
 * hex. A presented token is hashed and compared with every hash in constant time ({@link MessageDigest#isEqual}),
 * all of them, so the time taken says nothing about which hash came close.
 *
 * <p>The file must be readable by its owner only: one that its group or others may read or write is refused
 * (a reader could not use the hashes, but could learn who has access, and a writer could add a token).
 */
public final class ApiTokens {
    /** Largest tokens file. */
    public static final long MAX_FILE_BYTES = 1L << 20;
    /** Most tokens in one file. */
    public static final int MAX_TOKENS = 1_000;
    /** Longest token name. */
    public static final int MAX_NAME_CHARS = 64;
    /** Random bytes in a token. */
    public static final int TOKEN_BYTES = 32;
    /** Longest token presented: 32 bytes are 43 base64url characters; anything much longer is not ours. */
    static final int MAX_PRESENTED_CHARS = 256;

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0," + (MAX_NAME_CHARS - 1) + "}");
    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");
    private static final Set<PosixFilePermission> OTHERS = EnumSet.of(PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE);

    /** One token: who holds it, what it may do, the SHA-256 of its text. */
    public record Entry(Role role, String name, byte[] sha256) {
        public Entry {
            Objects.requireNonNull(role, "role");
            Objects.requireNonNull(name, "name");
            sha256 = sha256.clone();
        }

        @Override
        public byte[] sha256() {
            return sha256.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Entry e && role == e.role && name.equals(e.name)
                    && MessageDigest.isEqual(sha256, e.sha256);
        }

        @Override
        public int hashCode() {
            return Objects.hash(role, name);
        }

        @Override
        public String toString() {
            return "Entry[" + role.code() + " " + name + "]";
        }
    }

    /** Who a valid token belongs to. */
    public record Caller(String name, Role role) {}

    private final List<Entry> entries;

    private ApiTokens(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /** The tokens of a file's text (see the class comment). */
    public static ApiTokens parse(String text) {
        List<Entry> entries = new ArrayList<>();
        Set<String> hashes = new TreeSet<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String at = "line " + (i + 1) + ": ";
            String[] f = line.split("\\s+");
            if (f.length != 3) {
                throw new IllegalArgumentException(at + "expected 'role name sha256hex', got " + f.length + " fields");
            }
            Role role;
            try {
                role = Role.parse(f[0]);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(at + e.getMessage(), e);
            }
            if (!NAME.matcher(f[1]).matches()) {
                throw new IllegalArgumentException(at + "name '" + f[1] + "' must be 1 to " + MAX_NAME_CHARS
                        + " letters, digits, '.', '_', '@' or '-'");
            }
            if (!HASH.matcher(f[2]).matches()) {
                throw new IllegalArgumentException(at + "the token's hash must be 64 lower-case hex digits (SHA-256),"
                        + " not the token itself");
            }
            if (!hashes.add(f[2])) {
                throw new IllegalArgumentException(at + "the same token is listed twice");
            }
            if (entries.size() == MAX_TOKENS) {
                throw new IllegalArgumentException(at + "more than " + MAX_TOKENS + " tokens");
            }
            entries.add(new Entry(role, f[1], HexFormat.of().parseHex(f[2])));
        }
        return new ApiTokens(entries);
    }

    /**
     * Reads a tokens file, after checking that only its owner may read or write it.
     *
     * @throws IOException naming the file and what is wrong with it
     */
    public static ApiTokens read(Path file) throws IOException {
        checkPrivate(file);
        if (Files.size(file) > MAX_FILE_BYTES) {
            throw new IOException("tokens file " + file + " is larger than " + MAX_FILE_BYTES + " bytes");
        }
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new IOException("tokens file " + file + ", " + e.getMessage(), e);
        }
    }

    /**
     * Refuses a file its group or others may read or write (on file systems with POSIX permissions).
     *
     * @throws IOException saying how to fix it
     */
    public static void checkPrivate(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("tokens file " + file + " does not exist or is not a file");
        }
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        Set<PosixFilePermission> open = EnumSet.copyOf(Files.getPosixFilePermissions(file));
        open.retainAll(OTHERS);
        if (!open.isEmpty()) {
            throw new IOException("tokens file " + file + " may be read or written by its group or others ("
                    + open + "): refused; make it private with: chmod 600 " + file);
        }
    }

    /** The entries, in file order. */
    public List<Entry> entries() {
        return entries;
    }

    /**
     * Who holds {@code token}, if anyone: its SHA-256 compared with every entry's in constant time.
     */
    public Optional<Caller> authenticate(String token) {
        return authenticate(token, CONSTANT_TIME);
    }

    /** The comparison of hashes: {@link MessageDigest#isEqual}, whose time does not depend on the bytes. */
    static final BiPredicate<byte[], byte[]> CONSTANT_TIME = MessageDigest::isEqual;

    /** {@link #authenticate(String)} with the comparison given: tests count that every entry is compared. */
    Optional<Caller> authenticate(String token, BiPredicate<byte[], byte[]> equal) {
        if (token == null || token.isEmpty() || token.length() > MAX_PRESENTED_CHARS) {
            return Optional.empty();
        }
        byte[] presented = sha256(token);
        Entry found = null;
        for (Entry e : entries) {
            // Every entry is compared, found or not: no early exit to time.
            if (equal.test(presented, e.sha256) && found == null) {
                found = e;
            }
        }
        return found == null ? Optional.empty() : Optional.of(new Caller(found.name(), found.role()));
    }

    /** A new token: {@value #TOKEN_BYTES} bytes of {@code random}, base64url without padding. */
    public static String newToken(SecureRandom random) {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The tokens-file line of {@code token} held by {@code name} with {@code role} (checked like a parsed one). */
    public static String line(Role role, String name, String token) {
        String line = role.code() + " " + name + " " + HexFormat.of().formatHex(sha256(token));
        parse(line); // the same checks as reading it back
        return line;
    }

    /** SHA-256 of a token's text. */
    public static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
