package org.targetedmoney.node.ordering;

import org.targetedmoney.node.storage.Directories;
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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.ratis.server.protocol.TermIndex;
import org.apache.ratis.server.storage.FileInfo;
import org.apache.ratis.server.storage.RaftStorage;
import org.apache.ratis.statemachine.SnapshotRetentionPolicy;
import org.apache.ratis.statemachine.StateMachineStorage;
import org.apache.ratis.statemachine.impl.FileListSnapshotInfo;

/**
 * Snapshots as directories {@code snapshot.<term>_<index>/} in Ratis' state machine directory,
 * each holding an applier checkpoint (flat files). Ratis' leader sends these files to a lagging
 * follower under the same relative paths, so a follower finds the same layout after an install.
 * A snapshot is written in a {@code .tmp} directory and renamed, so a crash leaves no half snapshot
 * under a valid name.
 */
final class CheckpointSnapshotStore implements StateMachineStorage {

  private static final Pattern SNAPSHOT_DIR = Pattern.compile("snapshot\\.(\\d+)_(\\d+)");
  private static final String TMP_SUFFIX = ".tmp";
  /**
   * The applier's own position inside a snapshot. The snapshot's Raft index can be higher (Raft's
   * configuration and metadata entries do not reach the applier); knowing the applier's position
   * spares a full restore when the applier's storage already holds exactly that state.
   */
  static final String APPLIER_POSITION_FILE = "applier-position";

  private volatile Path root;
  private volatile FileListSnapshotInfo latest;

  @Override
  public void init(RaftStorage raftStorage) throws IOException {
    root = raftStorage.getStorageDir().getStateMachineDir().toPath();
    Files.createDirectories(root);
    reload();
  }

  /** Re-reads the directory, e.g. after Ratis replaced it with a snapshot installed from the leader. */
  void reload() throws IOException {
    Files.createDirectories(root);
    FileListSnapshotInfo newest = null;
    for (Path dir : snapshotDirs()) {
      FileListSnapshotInfo info = describe(dir, parse(dir));
      if (newest == null || info.getIndex() > newest.getIndex()) {
        newest = info;
      }
    }
    latest = newest;
  }

  @Override
  public FileListSnapshotInfo getLatestSnapshot() {
    return latest;
  }

  /** The directory holding the snapshot at {@code termIndex}. */
  Path dirOf(TermIndex termIndex) {
    return root.resolve(name(termIndex));
  }

  /**
   * Lets {@code writer} fill a fresh directory with the applier's state at {@code applierPosition},
   * then publishes it as the snapshot at {@code termIndex}.
   */
  FileListSnapshotInfo create(TermIndex termIndex, LogPosition applierPosition, Consumer<Path> writer)
      throws IOException {
    Path tmp = root.resolve(name(termIndex) + TMP_SUFFIX);
    Path target = dirOf(termIndex);
    Directories.deleteTree(tmp);
    writer.accept(tmp);
    if (!Files.isDirectory(tmp)) {
      throw new IOException("applier wrote no checkpoint into " + tmp);
    }
    Path marker = tmp.resolve(APPLIER_POSITION_FILE);
    Files.writeString(marker, applierPosition.term() + " " + applierPosition.index());
    try (FileChannel channel = FileChannel.open(marker, StandardOpenOption.WRITE)) {
      channel.force(true);
    }
    Directories.deleteTree(target);
    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
    Directories.sync(root);
    FileListSnapshotInfo info = describe(target, termIndex);
    latest = info;
    return info;
  }

  /**
   * The applier's position stored in the snapshot at {@code termIndex}; if the marker is missing or
   * unreadable, the snapshot's own position, which makes the caller restore to be safe.
   */
  LogPosition applierPositionIn(TermIndex termIndex) {
    Path marker = dirOf(termIndex).resolve(APPLIER_POSITION_FILE);
    try {
      String[] parts = Files.readString(marker).trim().split(" ");
      return new LogPosition(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
    } catch (IOException | RuntimeException e) {
      return new LogPosition(termIndex.getTerm(), termIndex.getIndex());
    }
  }

  @Override
  public void format() {
    // Nothing to prepare: the directory is created on init.
  }

  @Override
  public void cleanupOldSnapshots(SnapshotRetentionPolicy policy) throws IOException {
    int keep = policy == null ? 0 : policy.getNumSnapshotsRetained();
    List<Path> dirs = snapshotDirs();
    dirs.sort(Comparator.comparingLong((Path d) -> parse(d).getIndex()).reversed());
    // keep <= 0 is Ratis' "retain all".
    for (int i = keep; keep > 0 && i < dirs.size(); i++) {
      Directories.deleteTree(dirs.get(i));
    }
    try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(root, "*" + TMP_SUFFIX)) {
      for (Path dir : leftovers) {
        Directories.deleteTree(dir);
      }
    }
  }

  private List<Path> snapshotDirs() throws IOException {
    List<Path> dirs = new ArrayList<>();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(root, Files::isDirectory)) {
      for (Path dir : stream) {
        if (SNAPSHOT_DIR.matcher(dir.getFileName().toString()).matches()) {
          dirs.add(dir);
        }
      }
    }
    return dirs;
  }

  private static TermIndex parse(Path dir) {
    Matcher m = SNAPSHOT_DIR.matcher(dir.getFileName().toString());
    if (!m.matches()) {
      throw new IllegalArgumentException("not a snapshot directory: " + dir);
    }
    return TermIndex.valueOf(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)));
  }

  private static String name(TermIndex termIndex) {
    return "snapshot." + termIndex.getTerm() + "_" + termIndex.getIndex();
  }

  /** Lists the files Ratis must send to install this snapshot elsewhere (digests computed while sending). */
  private static FileListSnapshotInfo describe(Path dir, TermIndex termIndex) throws IOException {
    List<FileInfo> files = new ArrayList<>();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, Files::isRegularFile)) {
      for (Path file : stream) {
        files.add(new FileInfo(file.toAbsolutePath(), null));
      }
    }
    files.sort(Comparator.comparing(f -> f.getPath().toString()));
    return new FileListSnapshotInfo(files, termIndex);
  }
}
