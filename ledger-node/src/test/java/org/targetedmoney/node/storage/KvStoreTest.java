package org.targetedmoney.node.storage;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KvStoreTest {

  enum Cf { BLOCKS, BLOCK_HASHES, STATE, META }

  /** A later version of the schema, with one more column family. */
  enum CfV2 { BLOCKS, BLOCK_HASHES, STATE, META, RECEIPTS }

  private static final KvSettings SETTINGS = KvSettings.defaults();

  @TempDir
  Path tmp;

  private static byte[] b(String s) {
    return s.getBytes(UTF_8);
  }

  private static String s(byte[] bytes) {
    return bytes == null ? null : new String(bytes, UTF_8);
  }

  private KvStore<Cf> open(Path dir) {
    return KvStore.open(dir, Cf.class, SETTINGS);
  }

  private static void commit(KvStore<Cf> store, Cf cf, String key, String value) {
    try (WriteSet<Cf> ws = store.newWriteSet()) {
      store.commit(ws.put(cf, b(key), b(value)));
    }
  }

  @Test
  void putGetDelete_areSeparatedByColumnFamily() {
    try (KvStore<Cf> store = open(tmp.resolve("db"))) {
      try (WriteSet<Cf> ws = store.newWriteSet()) {
        ws.put(Cf.BLOCKS, b("k"), b("block")).put(Cf.STATE, b("k"), b("state"));
        assertThat(store.get(Cf.BLOCKS, b("k"))).as("invisible before commit").isNull();
        store.commit(ws);
      }
      assertThat(s(store.get(Cf.BLOCKS, b("k")))).isEqualTo("block");
      assertThat(s(store.get(Cf.STATE, b("k")))).isEqualTo("state");
      assertThat(store.get(Cf.META, b("k"))).isNull();

      try (WriteSet<Cf> ws = store.newWriteSet()) {
        store.commit(ws.delete(Cf.BLOCKS, b("k")));
      }
      assertThat(store.get(Cf.BLOCKS, b("k"))).isNull();
      assertThat(s(store.get(Cf.STATE, b("k")))).isEqualTo("state");
    }
  }

  @Test
  void reopen_keepsCommittedData_andWriteSetIsAllOrNothing() {
    Path dir = tmp.resolve("db");
    try (KvStore<Cf> store = open(dir)) {
      try (WriteSet<Cf> ws = store.newWriteSet()) {
        for (int i = 0; i < 1000; i++) {
          ws.put(Cf.STATE, b("acct-" + i), b("balance-" + i));
        }
        ws.put(Cf.META, b("applied"), b("7"));
        store.commit(ws);
      }
      // Filled but never committed: must leave no trace, not even part of it.
      WriteSet<Cf> abandoned = store.newWriteSet();
      abandoned.put(Cf.STATE, b("acct-0"), b("overwritten")).put(Cf.META, b("applied"), b("8"));
      abandoned.close();
    }
    try (KvStore<Cf> store = open(dir)) {
      List<String> keys = new ArrayList<>();
      store.scanPrefix(Cf.STATE, b("acct-"), (k, v) -> keys.add(s(k)));
      assertThat(keys).hasSize(1000);
      assertThat(s(store.get(Cf.STATE, b("acct-0")))).isEqualTo("balance-0");
      assertThat(s(store.get(Cf.STATE, b("acct-999")))).isEqualTo("balance-999");
      assertThat(s(store.get(Cf.META, b("applied")))).isEqualTo("7");
    }
  }

  @Test
  void commitWithoutWal_isKeptOnceFlushed_andCompactionReportsTheSizeOnDisk() {
    Path dir = tmp.resolve("db");
    try (KvStore<Cf> store = open(dir)) {
      try (WriteSet<Cf> ws = store.newWriteSet()) {
        for (int i = 0; i < 1000; i++) {
          ws.put(Cf.STATE, b("acct-" + i), b("balance-" + i));
        }
        store.commitWithoutWal(ws);
      }
      assertThat(s(store.get(Cf.STATE, b("acct-7")))).as("visible at once").isEqualTo("balance-7");
      assertThat(store.longProperty(Cf.STATE, "rocksdb.total-sst-files-size")).as("still in the memtable")
          .isZero();
      store.flush();
      store.compact(Cf.STATE);
      assertThat(store.longProperty(Cf.STATE, "rocksdb.total-sst-files-size")).isPositive();
      assertThat(store.longProperty(Cf.STATE, "rocksdb.estimate-num-keys")).isEqualTo(1000);
      assertThat(store.longProperty(Cf.BLOCKS, "rocksdb.total-sst-files-size")).isZero();
    }
    try (KvStore<Cf> store = open(dir)) {
      assertThat(s(store.get(Cf.STATE, b("acct-999")))).isEqualTo("balance-999");
    }
  }

  @Test
  void scan_visitsHalfOpenRangeInUnsignedOrder_andStopsWhenAsked() {
    try (KvStore<Cf> store = open(tmp.resolve("db"))) {
      try (WriteSet<Cf> ws = store.newWriteSet()) {
        for (int i : new int[] {0x00, 0x01, 0x7F, 0x80, 0xFE, 0xFF}) {
          ws.put(Cf.BLOCKS, new byte[] {1, (byte) i}, new byte[] {(byte) i});
        }
        ws.put(Cf.BLOCKS, new byte[] {2}, new byte[] {9});
        store.commit(ws);
      }
      List<Integer> seen = new ArrayList<>();
      store.scan(Cf.BLOCKS, new byte[] {1, 0x01}, new byte[] {1, (byte) 0xFF}, (k, v) -> seen.add(v[0] & 0xFF));
      assertThat(seen).containsExactly(0x01, 0x7F, 0x80, 0xFE);

      seen.clear();
      store.scanPrefix(Cf.BLOCKS, new byte[] {1}, (k, v) -> seen.add(v[0] & 0xFF));
      assertThat(seen).containsExactly(0x00, 0x01, 0x7F, 0x80, 0xFE, 0xFF);

      seen.clear();
      store.scan(Cf.BLOCKS, new byte[] {1}, null, (k, v) -> seen.add(v[0] & 0xFF) && seen.size() < 2);
      assertThat(seen).containsExactly(0x00, 0x01);
    }
  }

  @Test
  void prefixEnd_handlesTrailingFF() {
    assertThat(Reader.prefixEnd(new byte[] {1, (byte) 0xFF})).containsExactly(2);
    assertThat(Reader.prefixEnd(new byte[] {(byte) 0xFF, (byte) 0xFF})).isNull();
  }

  @Test
  void readView_doesNotSeeLaterWrites() {
    try (KvStore<Cf> store = open(tmp.resolve("db"))) {
      commit(store, Cf.STATE, "a", "1");
      try (ReadView<Cf> view = store.openReadView()) {
        commit(store, Cf.STATE, "a", "2");
        commit(store, Cf.STATE, "b", "new");
        assertThat(s(view.get(Cf.STATE, b("a")))).isEqualTo("1");
        assertThat(view.get(Cf.STATE, b("b"))).isNull();
        List<String> keys = new ArrayList<>();
        view.scanPrefix(Cf.STATE, new byte[0], (k, v) -> keys.add(s(k)));
        assertThat(keys).containsExactly("a");
      }
      assertThat(s(store.get(Cf.STATE, b("a")))).isEqualTo("2");
    }
  }

  @Test
  void checkpoint_thenOpenFromIt_showsSameData_andLaterWritesAreNotInIt() {
    Path checkpoint = tmp.resolve("checkpoints/cp-1");
    try (KvStore<Cf> store = open(tmp.resolve("db"))) {
      commit(store, Cf.STATE, "a", "1");
      commit(store, Cf.BLOCKS, "0", "genesis");
      store.checkpoint(checkpoint);
      commit(store, Cf.STATE, "a", "after-checkpoint");
      assertThatThrownBy(() -> store.checkpoint(checkpoint))
          .isInstanceOf(StorageException.class).hasMessageContaining("already exists");
    }
    Path restored = tmp.resolve("restored");
    try (KvStore<Cf> copy = KvStore.openFromCheckpoint(checkpoint, restored, Cf.class, SETTINGS)) {
      assertThat(s(copy.get(Cf.STATE, b("a")))).isEqualTo("1");
      assertThat(s(copy.get(Cf.BLOCKS, b("0")))).isEqualTo("genesis");
      commit(copy, Cf.STATE, "a", "diverged");
    }
    // The checkpoint itself is untouched by writes to the store opened from it.
    try (KvStore<Cf> again = KvStore.openFromCheckpoint(checkpoint, restored, Cf.class, SETTINGS)) {
      assertThat(s(again.get(Cf.STATE, b("a")))).isEqualTo("1");
    }
  }

  @Test
  void openFromCheckpoint_replacesExistingData() {
    Path checkpoint = tmp.resolve("cp");
    Path dir = tmp.resolve("db");
    try (KvStore<Cf> store = open(dir)) {
      commit(store, Cf.STATE, "a", "old");
      store.checkpoint(checkpoint);
      commit(store, Cf.STATE, "b", "only-in-live-store");
    }
    try (KvStore<Cf> store = KvStore.openFromCheckpoint(checkpoint, dir, Cf.class, SETTINGS)) {
      assertThat(s(store.get(Cf.STATE, b("a")))).isEqualTo("old");
      assertThat(store.get(Cf.STATE, b("b"))).isNull();
    }
    assertThat(tmp.resolve("db.replaced")).doesNotExist();
    assertThat(tmp.resolve("db.restoring")).doesNotExist();
  }

  @Test
  void open_rollsBackRestoreInterruptedBetweenRenames() throws Exception {
    Path dir = tmp.resolve("db");
    try (KvStore<Cf> store = open(dir)) {
      commit(store, Cf.STATE, "a", "kept");
    }
    // As if the process died after moving the old store aside but before moving the copy in.
    Files.move(dir, tmp.resolve("db.replaced"));
    Files.createDirectories(tmp.resolve("db.restoring"));
    try (KvStore<Cf> store = open(dir)) {
      assertThat(s(store.get(Cf.STATE, b("a")))).isEqualTo("kept");
    }
    assertThat(tmp.resolve("db.restoring")).doesNotExist();
  }

  @Test
  void open_addsMissingColumnFamilies_andKeepsUnknownOnes() {
    Path dir = tmp.resolve("db");
    try (KvStore<Cf> store = open(dir)) {
      commit(store, Cf.META, "v", "1");
    }
    try (KvStore<CfV2> v2 = KvStore.open(dir, CfV2.class, SETTINGS)) {
      assertThat(s(v2.get(CfV2.META, b("v")))).isEqualTo("1");
      try (WriteSet<CfV2> ws = v2.newWriteSet()) {
        v2.commit(ws.put(CfV2.RECEIPTS, b("r"), b("receipt")));
      }
    }
    // Back to the old schema: the extra family on disk must not stop it from opening.
    try (KvStore<Cf> store = open(dir)) {
      assertThat(s(store.get(Cf.META, b("v")))).isEqualTo("1");
    }
    try (KvStore<CfV2> v2 = KvStore.open(dir, CfV2.class, SETTINGS)) {
      assertThat(s(v2.get(CfV2.RECEIPTS, b("r")))).isEqualTo("receipt");
    }
  }

  @Test
  void close_releasesViews_andLaterCallsFailClearly() {
    Path dir = tmp.resolve("db");
    KvStore<Cf> store = open(dir);
    ReadView<Cf> view = store.openReadView();
    WriteSet<Cf> ws = store.newWriteSet();
    store.close();
    store.close();
    assertThatThrownBy(() -> store.get(Cf.STATE, b("a")))
        .isInstanceOf(StorageException.class)
        .hasMessageContaining("get").hasMessageContaining(dir.toString()).hasMessageContaining("closed");
    assertThatThrownBy(() -> view.get(Cf.STATE, b("a"))).isInstanceOf(StorageException.class);
    assertThatThrownBy(() -> ws.put(Cf.STATE, b("a"), b("1"))).isInstanceOf(StorageException.class);
    view.close();
    ws.close();
  }

  @Test
  void commit_rejectsWriteSetOfAnotherStore() {
    try (KvStore<Cf> one = open(tmp.resolve("one"));
         KvStore<Cf> two = open(tmp.resolve("two"));
         WriteSet<Cf> ws = one.newWriteSet()) {
      assertThatThrownBy(() -> two.commit(ws)).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void open_onAFileInsteadOfADirectory_failsNamingPathAndOperation() throws Exception {
    Path file = Files.writeString(tmp.resolve("not-a-dir"), "x");
    assertThatThrownBy(() -> open(file))
        .isInstanceOf(StorageException.class)
        .hasMessageContaining("open").hasMessageContaining(file.toString());
  }
}
