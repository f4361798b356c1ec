package org.targetedmoney.netconfig.network;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.targetedmoney.netconfig.demo.PrivateFiles;
import org.targetedmoney.netconfig.json.ConfigException;
import org.targetedmoney.netconfig.json.Problem;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Sign;

/**
 * A validator's secp256k1 key file: one line, {@code 0x} and 64 hex digits (the form of the demo keys' and the
 * wallet's key files). Messages never quote the file's content.
 */
public final class ValidatorKeyFile {
    /** One line of 66 characters; anything much larger is not a key file. */
    public static final int MAX_BYTES = 1_024;
    private static final Pattern KEY = Pattern.compile("0x[0-9a-fA-F]{64}");
    private static final Set<PosixFilePermission> SHARED = EnumSet.complementOf(
            EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
                    PosixFilePermission.OWNER_EXECUTE));

    private ValidatorKeyFile() {}

    /** The key pair in {@code file}; {@code what} names the file in problems. */
    public static ECKeyPair read(Path file, String what) throws ConfigException {
        String text;
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw refused(what, "larger than " + MAX_BYTES + " bytes: not a key file");
            }
            text = new String(bytes, StandardCharsets.US_ASCII).strip();
        } catch (NoSuchFileException e) {
            throw refused(what, "no such file");
        } catch (IOException e) {
            throw refused(what, "cannot read: " + e.getClass().getSimpleName());
        }
        BigInteger key = KEY.matcher(text).matches() ? new BigInteger(text.substring(2), 16) : null;
        if (key == null || key.signum() == 0 || key.compareTo(Sign.CURVE_PARAMS.getN()) >= 0) {
            throw refused(what, "not a secp256k1 private key (expected one line: 0x and 64 hex digits, nonzero and"
                    + " below the curve order)");
        }
        return ECKeyPair.create(key);
    }

    /** Null if only the owner may read {@code file} (or the file system has no POSIX modes), else the problem. */
    public static String permissionProblem(Path file) throws IOException {
        if (!PrivateFiles.posix()) {
            return null;
        }
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
        if (permissions.stream().noneMatch(SHARED::contains)) {
            return null;
        }
        return "other users have access (" + PosixFilePermissions.toString(permissions) + "): chmod 600 it";
    }

    private static ConfigException refused(String what, String message) {
        return new ConfigException(what, List.of(new Problem(what, message)));
    }
}
