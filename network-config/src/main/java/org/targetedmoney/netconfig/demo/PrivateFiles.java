package org.targetedmoney.netconfig.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Writes files only their owner can read. The permissions are set when the file is created (never widened
 * then narrowed), and the content goes to a temporary file renamed into place, so a reader never sees a half
 * written key file and a crash leaves the old file intact.
 */
public final class PrivateFiles {
    public static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
    public static final Set<PosixFilePermission> OWNER_DIRECTORY = PosixFilePermissions.fromString("rwx------");

    private PrivateFiles() {}

    /** True when the file system has POSIX permissions (Linux, macOS); elsewhere files get its defaults. */
    public static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    /**
     * Creates {@code dir} (and its parents) with mode 0700 if it does not exist.
     *
     * @return false if the directory already existed and others can read or enter it
     */
    public static boolean createPrivateDirectory(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return !posix() || Files.getPosixFilePermissions(dir).stream().allMatch(OWNER_DIRECTORY::contains);
        }
        Path parent = dir.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.createDirectory(dir, attributes(OWNER_DIRECTORY));
        return true;
    }

    /** Writes {@code text} as UTF-8 to {@code file} with mode 0600, replacing any existing file atomically. */
    public static void writePrivate(Path file, String text) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Path temp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp", attributes(OWNER_FILE));
        try {
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static FileAttribute<?>[] attributes(Set<PosixFilePermission> permissions) {
        return posix() ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(permissions)}
                : new FileAttribute<?>[0];
    }
}
