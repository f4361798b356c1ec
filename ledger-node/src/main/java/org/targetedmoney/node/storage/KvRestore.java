package org.targetedmoney.node.storage;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Swaps a store's data directory for a copy of a checkpoint. The copy is made and fsynced in a
 * sibling directory first and the swap is two renames, so a crash leaves either the old or the new
 * store in place; {@link #recoverInterrupted} finishes or rolls back the swap on the next open.
 */
final class KvRestore {

  private static final String RESTORING_SUFFIX = ".restoring";
  private static final String REPLACED_SUFFIX = ".replaced";

  private KvRestore() {
  }

  static void replaceWithCopy(Path checkpointDir, Path dataDir) {
    if (!Files.isDirectory(checkpointDir) || !Files.exists(checkpointDir.resolve("CURRENT"))) {
      throw new StorageException("restore", dataDir, checkpointDir + " is not a RocksDB checkpoint");
    }
    Path restoring = sibling(dataDir, RESTORING_SUFFIX);
    Path replaced = sibling(dataDir, REPLACED_SUFFIX);
    try {
      Directories.deleteTree(restoring);
      copyFlat(checkpointDir, restoring);
      Directories.deleteTree(replaced);
      if (Files.exists(dataDir)) {
        Files.move(dataDir, replaced, StandardCopyOption.ATOMIC_MOVE);
      }
      Files.move(restoring, dataDir, StandardCopyOption.ATOMIC_MOVE);
      Directories.deleteTree(replaced);
    } catch (IOException e) {
      throw new StorageException("restore from checkpoint " + checkpointDir, dataDir, e);
    }
  }

  /** Rolls back a swap that crashed between its two renames, and drops half-made copies. */
  static void recoverInterrupted(Path dataDir) {
    Path restoring = sibling(dataDir, RESTORING_SUFFIX);
    Path replaced = sibling(dataDir, REPLACED_SUFFIX);
    try {
      if (!Files.exists(dataDir) && Files.exists(replaced)) {
        Files.move(replaced, dataDir, StandardCopyOption.ATOMIC_MOVE);
      }
      Directories.deleteTree(replaced);
      Directories.deleteTree(restoring);
    } catch (IOException e) {
      throw new StorageException("recover interrupted restore", dataDir, e);
    }
  }

  /** Copies the regular files of a (flat) checkpoint directory and fsyncs them and the directory. */
  private static void copyFlat(Path from, Path to) throws IOException {
    Files.createDirectories(to);
    try (DirectoryStream<Path> files = Files.newDirectoryStream(from, Files::isRegularFile)) {
      for (Path file : files) {
        Path copy = to.resolve(file.getFileName().toString());
        Files.copy(file, copy);
        try (FileChannel channel = FileChannel.open(copy, StandardOpenOption.WRITE)) {
          channel.force(true);
        }
      }
    }
    Directories.sync(to);
  }

  private static Path sibling(Path dataDir, String suffix) {
    return dataDir.resolveSibling(dataDir.getFileName() + suffix);
  }
}
