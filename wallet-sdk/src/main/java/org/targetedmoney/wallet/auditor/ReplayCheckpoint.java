package org.targetedmoney.wallet.auditor;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.targetedmoney.policy.chain.BlockHeader;
import org.targetedmoney.policy.state.Entity;
import org.targetedmoney.policy.state.EntityCodec;
import org.targetedmoney.policy.state.StateRoots;

/**
 * The replayed state at block N, to audit only the blocks after N next time: the block's header (whose hash
 * the node's block N must still have), every entity of the state, and the state's hash (the Merkle root of all
 * its entities, {@link StateRoots#root}), which guards the file against corruption.
 *
 * <p>File format (UTF-8 lines): {@value #MAGIC}, then {@code blockNumber N}, {@code blockHash 0x..},
 * {@code header 0x..} (the canonical header encoding), {@code stateHash 0x..}, {@code entities COUNT}, then one
 * {@code 0x..} line per entity (its canonical encoding), in key order. Streamed both ways.
 */
public record ReplayCheckpoint(BlockHeader header, byte[] blockHash, byte[] stateHash, List<Entity> entities) {
    static final String MAGIC = "targeted-money audit checkpoint v1";
    /** More entities than this is not a checkpoint of a ledger this software can hold in memory. */
    public static final long MAX_ENTITIES = 200_000_000L;
    private static final HexFormat HEX = HexFormat.of();

    public ReplayCheckpoint {
        entities = List.copyOf(entities);
    }

    public long blockNumber() {
        return header.number();
    }

    static ReplayCheckpoint of(BlockHeader header, List<Entity> entities) {
        return new ReplayCheckpoint(header, header.hash(), StateRoots.root(entities), entities);
    }

    /** Writes to a temporary file beside {@code file}, then renames it: a crash never leaves half a checkpoint. */
    public void write(Path file) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            w.write(MAGIC + "\nblockNumber " + header.number() + "\nblockHash " + hex(blockHash) + "\nheader "
                    + hex(header.encode()) + "\nstateHash " + hex(stateHash) + "\nentities " + entities.size() + "\n");
            for (Entity e : entities) {
                w.write(hex(EntityCodec.encode(e)));
                w.write('\n');
            }
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Reads and checks a checkpoint file; {@link IllegalArgumentException} names what is wrong, with the line. */
    public static ReplayCheckpoint read(Path file) throws IOException {
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            if (!MAGIC.equals(r.readLine())) {
                throw new IllegalArgumentException(file + ": line 1: not an audit checkpoint (expected '" + MAGIC
                        + "')");
            }
            long number = Long.parseLong(field(r, "blockNumber", 2));
            byte[] blockHash = bytes(field(r, "blockHash", 3), 3);
            BlockHeader header = BlockHeader.decode(bytes(field(r, "header", 4), 4));
            byte[] stateHash = bytes(field(r, "stateHash", 5), 5);
            long count = Long.parseLong(field(r, "entities", 6));
            if (count < 0 || count > MAX_ENTITIES) {
                throw new IllegalArgumentException(file + ": line 6: " + count + " entities (at most " + MAX_ENTITIES
                        + ")");
            }
            List<Entity> entities = new ArrayList<>((int) Math.min(count, 1 << 20));
            for (long i = 0; i < count; i++) {
                String line = r.readLine();
                if (line == null) {
                    throw new IllegalArgumentException(file + ": ends after " + i + " of " + count + " entities");
                }
                entities.add(EntityCodec.decode(bytes(line, 7 + i)));
            }
            return checked(file, new ReplayCheckpoint(header, blockHash, stateHash, entities), number);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(file + ": a number is malformed: " + e.getMessage(), e);
        }
    }

    private static ReplayCheckpoint checked(Path file, ReplayCheckpoint c, long number) {
        if (c.header.number() != number) {
            throw new IllegalArgumentException(file + ": blockNumber " + number + " but the header is of block "
                    + c.header.number());
        }
        if (!Arrays.equals(c.header.hash(), c.blockHash)) {
            throw new IllegalArgumentException(file + ": blockHash " + hex(c.blockHash) + " is not the hash of the "
                    + "header (" + hex(c.header.hash()) + ")");
        }
        byte[] root = StateRoots.root(c.entities);
        if (!Arrays.equals(root, c.stateHash)) {
            throw new IllegalArgumentException(file + ": stateHash " + hex(c.stateHash) + " but the entities hash to "
                    + hex(root) + " (corrupt or edited file)");
        }
        return c;
    }

    private static String field(BufferedReader r, String name, int lineNumber) throws IOException {
        String line = r.readLine();
        if (line == null || !line.startsWith(name + " ")) {
            throw new IllegalArgumentException("line " + lineNumber + ": expected '" + name + " ...'");
        }
        return line.substring(name.length() + 1).trim();
    }

    private static byte[] bytes(String s, long lineNumber) {
        if (!s.startsWith("0x")) {
            throw new IllegalArgumentException("line " + lineNumber + ": expected 0x-prefixed hex");
        }
        try {
            return HEX.parseHex(s, 2, s.length());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("line " + lineNumber + ": " + e.getMessage(), e);
        }
    }

    private static String hex(byte[] b) {
        return "0x" + HEX.formatHex(b);
    }
}
