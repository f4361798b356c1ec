package org.targetedmoney.bridge.settlement;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.targetedmoney.bridge.line.LedgerLine;

/** The canonical byte encoding of a batch and its SHA-256 (documented on {@link Batch#hash()}); batch ids. */
final class BatchEncoding {
    /** Domain and version tag, first field of every batch encoding. */
    static final String TAG = "targeted-money/settlement-batch/v1";
    /** Hex digits of SHA-256(provider|window|part) in a batch id: keeps end-to-end ids within 35 characters. */
    static final int ID_HASH_HEX_DIGITS = 14;

    private static final HexFormat HEX = HexFormat.of();

    private BatchEncoding() {}

    static String batchId(String provider, WindowId window, int part) {
        byte[] digest = sha256().digest((provider + "|" + window.text() + "|" + part).getBytes(StandardCharsets.UTF_8));
        return "B" + window.text() + "-" + HEX.formatHex(digest).substring(0, ID_HASH_HEX_DIGITS);
    }

    static byte[] hash(String batchId, WindowId window, String provider, SettlementMode mode, List<LedgerLine> lines) {
        MessageDigest md = sha256();
        ByteBuffer buf = ByteBuffer.allocate(256);
        putString(buf, TAG);
        putString(buf, batchId);
        putString(buf, window.text());
        buf.put(hexBytes(provider, 20, "provider"));
        putString(buf, mode.code());
        buf.putInt(lines.size());
        flush(md, buf);
        for (LedgerLine l : lines) {
            buf.putLong(l.blockNumber()).putInt(l.logIndex());
            buf.put(hexBytes(l.transactionHash(), 32, "transaction hash"));
            putString(buf, l.kind().code());
            buf.putInt(l.purpose()).putLong(l.amountCents()).putLong(l.reference());
            flush(md, buf);
        }
        return md.digest();
    }

    /**
     * The bytes of a 0x-prefixed lower-case hex string of exactly {@code length} bytes.
     *
     * @throws IllegalArgumentException otherwise (lines come from the ledger reader: a malformed one is a bug)
     */
    static byte[] hexBytes(String text, int length, String what) {
        boolean ok = text.length() == 2 + 2 * length && text.startsWith("0x");
        for (int i = 2; ok && i < text.length(); i++) {
            char c = text.charAt(i);
            ok = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
        }
        if (!ok) {
            throw new IllegalArgumentException(what + " '" + text + "' is not 0x and " + 2 * length
                    + " lower-case hex digits");
        }
        return HEX.parseHex(text, 2, text.length());
    }

    private static void putString(ByteBuffer buf, String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        buf.putInt(bytes.length).put(bytes);
    }

    private static void flush(MessageDigest md, ByteBuffer buf) {
        buf.flip();
        md.update(buf);
        buf.clear();
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
