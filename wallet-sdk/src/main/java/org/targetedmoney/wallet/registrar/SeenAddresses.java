package org.targetedmoney.wallet.registrar;

import java.util.HexFormat;

/**
 * The addresses already listed in a file, with the line of their first listing, to reject duplicates.
 *
 * <p>A file may hold millions of members, so this is an open-addressing table of three longs per slot
 * rather than a {@code HashSet} of objects (about 100 bytes per entry): bytes 0-7 of the address, bytes
 * 8-15, then bytes 16-19 in the high half and the line number in the low half. At a load between 3/8 and
 * 3/4 that is 32 to 64 bytes per address (32 to 64 MB per million lines), plus the old table while it
 * doubles. The zero address is never a member and line numbers start at 1, so a zero third word marks an
 * empty slot.
 */
final class SeenAddresses {
    /** Line numbers are stored in 32 unsigned bits. */
    static final long MAX_LINE_NUMBER = 0xFFFF_FFFFL;
    private static final int STRIDE = 3;
    private static final int INITIAL_SLOTS = 1 << 10;
    /** Java arrays hold at most about 2^31 longs: 2^29 slots of three. */
    private static final int MAX_SLOTS = 1 << 29;

    private long[] table = new long[INITIAL_SLOTS * STRIDE];
    private int slots = INITIAL_SLOTS;
    private long size;

    /**
     * Records {@code address} (0x and 40 hex digits, already checked) as listed on {@code lineNumber}, unless it
     * was listed before: then returns the line of its first listing, else 0.
     */
    long addIfAbsent(String address, long lineNumber) {
        if (lineNumber < 1 || lineNumber > MAX_LINE_NUMBER) {
            throw new IllegalArgumentException("line number " + lineNumber + " is outside 1.." + MAX_LINE_NUMBER);
        }
        long a = HexFormat.fromHexDigitsToLong(address, 2, 18);
        long b = HexFormat.fromHexDigitsToLong(address, 18, 34);
        long c = HexFormat.fromHexDigitsToLong(address, 34, 42) << 32;
        int slot = find(table, slots, a, b, c);
        long third = table[slot * STRIDE + 2];
        if (third != 0) {
            return third & MAX_LINE_NUMBER;
        }
        if ((size + 1) * 4 > (long) slots * 3) {
            grow();
            slot = find(table, slots, a, b, c);
        }
        table[slot * STRIDE] = a;
        table[slot * STRIDE + 1] = b;
        table[slot * STRIDE + 2] = c | lineNumber;
        size++;
        return 0;
    }

    long size() {
        return size;
    }

    /** The slot holding the address, or the empty slot where it would go (linear probing). */
    private static int find(long[] table, int slots, long a, long b, long c) {
        int slot = (int) (mix(a ^ Long.rotateLeft(b, 21) ^ c) & (slots - 1));
        while (true) {
            long third = table[slot * STRIDE + 2];
            if (third == 0 || (table[slot * STRIDE] == a && table[slot * STRIDE + 1] == b
                    && (third & ~MAX_LINE_NUMBER) == c)) {
                return slot;
            }
            slot = (slot + 1) & (slots - 1);
        }
    }

    private void grow() {
        if (slots >= MAX_SLOTS) {
            throw new IllegalStateException("more than " + (long) MAX_SLOTS * 3 / 4 + " addresses in one file");
        }
        int bigger = slots * 2;
        long[] next = new long[bigger * STRIDE];
        for (int i = 0; i < slots; i++) {
            long third = table[i * STRIDE + 2];
            if (third != 0) {
                long a = table[i * STRIDE];
                long b = table[i * STRIDE + 1];
                int slot = find(next, bigger, a, b, third & ~MAX_LINE_NUMBER);
                next[slot * STRIDE] = a;
                next[slot * STRIDE + 1] = b;
                next[slot * STRIDE + 2] = third;
            }
        }
        table = next;
        slots = bigger;
    }

    /** Spreads the bits: test files and vanity addresses differ in few of them. */
    private static long mix(long x) {
        x ^= x >>> 33;
        x *= 0xff51afd7ed558ccdL;
        x ^= x >>> 33;
        x *= 0xc4ceb9fe1a85ec53L;
        return x ^ (x >>> 33);
    }
}
