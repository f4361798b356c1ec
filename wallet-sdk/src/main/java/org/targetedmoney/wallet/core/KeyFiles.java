package org.targetedmoney.wallet.core;

import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Pattern;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Sign;

/** Reads an account's private key from a file holding one line of 64 hex digits (0x optional). */
public final class KeyFiles {
    /** A key file is one line: anything larger is not one. */
    public static final long MAX_KEY_FILE_BYTES = 1_024;
    private static final Pattern PRIVATE_KEY = Pattern.compile("(0x)?[0-9a-fA-F]{64}");
    private static final Set<PosixFilePermission> SHARED = EnumSet.of(PosixFilePermission.GROUP_READ,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_WRITE);

    private KeyFiles() {}

    /**
     * The credentials in {@code file}; warns on {@code err} if other users can read it.
     *
     * @param what how messages name the file, e.g. {@code --key-file} or {@code config.ledger.keyFile}
     * @throws IllegalArgumentException naming the file and what is wrong with it
     */
    public static Credentials read(Path file, String what, PrintWriter err) {
        String text;
        try {
            if (Files.size(file) > MAX_KEY_FILE_BYTES) {
                throw new IllegalArgumentException(what + " " + file + " is not a key file (larger than 1 KiB)");
            }
            text = Files.readString(file, StandardCharsets.UTF_8).strip();
            warnIfShared(file, what, err);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(what + " " + file + " does not exist");
        } catch (AccessDeniedException e) {
            throw new IllegalArgumentException("cannot read " + what + " " + file + ": permission denied");
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + what + " " + file + ": " + e.getMessage());
        }
        if (!PRIVATE_KEY.matcher(text).matches()) {
            throw new IllegalArgumentException(what + " " + file + " must hold one line: a private key in 64 hex digits");
        }
        BigInteger key = new BigInteger(text.startsWith("0x") ? text.substring(2) : text, 16);
        if (key.signum() == 0 || key.compareTo(Sign.CURVE_PARAMS.getN()) >= 0) {
            throw new IllegalArgumentException(what + " " + file + " does not hold a valid secp256k1 private key");
        }
        return Credentials.create(ECKeyPair.create(key));
    }

    private static void warnIfShared(Path file, String what, PrintWriter err) throws IOException {
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            if (permissions.stream().anyMatch(SHARED::contains)) {
                err.println("warning: " + what + " " + file + " can be read by other users; chmod 600 it");
                err.flush();
            }
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system: nothing to check.
        }
    }
}
