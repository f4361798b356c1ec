package org.targetedmoney.policy.directory;

import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * A position in a directory scan: a key range of the query and an index key in it. Directory order is range,
 * then key. Encoded for clients as an opaque base64url string: a version byte, the range, the key.
 */
record DirectoryCursor(int range, byte[] key) implements Comparable<DirectoryCursor> {
    private static final int VERSION = 1;

    String encode() {
        byte[] out = new byte[key.length + 2];
        out[0] = VERSION;
        out[1] = (byte) range;
        System.arraycopy(key, 0, out, 2, key.length);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(out);
    }

    /** The cursor in {@code text}, which must come from a page of a query with the same territory ranges. */
    static DirectoryCursor parse(String text, List<byte[]> ranges) throws InvalidQueryException {
        byte[] raw;
        try {
            raw = Base64.getUrlDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw notACursor();
        }
        if (raw.length < 3 || raw[0] != VERSION || (raw[1] & 0xFF) >= ranges.size()) {
            throw notACursor();
        }
        int range = raw[1] & 0xFF;
        byte[] key = Arrays.copyOfRange(raw, 2, raw.length);
        byte[] prefix = ranges.get(range);
        if (key.length < prefix.length || !Arrays.equals(key, 0, prefix.length, prefix, 0, prefix.length)) {
            throw notACursor();
        }
        return new DirectoryCursor(range, key);
    }

    private static InvalidQueryException notACursor() {
        return new InvalidQueryException("after is not the next cursor of a page of this query (same territory "
                + "and includeCovering)");
    }

    @Override
    public int compareTo(DirectoryCursor o) {
        return range != o.range ? Integer.compare(range, o.range) : Arrays.compareUnsigned(key, o.key);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DirectoryCursor c && range == c.range && Arrays.equals(key, c.key);
    }

    @Override
    public int hashCode() {
        return 31 * range + Arrays.hashCode(key);
    }

    @Override
    public String toString() {
        return "DirectoryCursor[range=" + range + ", key=" + java.util.HexFormat.of().formatHex(key) + "]";
    }
}
