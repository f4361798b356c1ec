package org.targetedmoney.policy.tx;

import static org.targetedmoney.policy.tx.TxRejectedException.Code.BAD_SIGNATURE;
import static org.targetedmoney.policy.tx.TxRejectedException.Code.CONTRACT_CREATION;
import static org.targetedmoney.policy.tx.TxRejectedException.Code.HIGH_S;
import static org.targetedmoney.policy.tx.TxRejectedException.Code.MALFORMED_RLP;
import static org.targetedmoney.policy.tx.TxRejectedException.Code.MALFORMED_TX;
import static org.targetedmoney.policy.tx.TxRejectedException.Code.NATIVE_VALUE;
import static org.targetedmoney.policy.tx.TxRejectedException.Code.NOT_REPLAY_PROTECTED;
import static org.targetedmoney.policy.tx.TxRejectedException.Code.TX_TOO_LARGE;
import static org.targetedmoney.policy.tx.TxRejectedException.Code.UNSUPPORTED_TX_TYPE;
import static org.targetedmoney.policy.tx.TxRejectedException.Code.WRONG_CHAIN_ID;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.HexFormat;
import org.bouncycastle.crypto.digests.KeccakDigest;
import org.targetedmoney.policy.model.Address;

/**
 * Decodes and checks a raw signed transaction, as received by {@code eth_sendRawTransaction}.
 *
 * <p>Admits EIP-155 legacy transactions ({@code rlp([nonce, gasPrice, gasLimit, to, value, data,
 * v, r, s])}, v = chainId*2+35/36) and EIP-1559 ones ({@code 0x02 || rlp([chainId, nonce,
 * maxPriorityFeePerGas, maxFeePerGas, gasLimit, to, value, data, accessList, yParity, r, s])}).
 * The access list is checked for shape and otherwise ignored. Checks run in this order: size,
 * type, canonical RLP and field shapes, chain id, signature ranges (low s), recipient, value.
 *
 * <p>Does not recover the sender (see {@link SenderRecovery}): that costs a hundred times more
 * and runs on a worker pool. Thread-safe and stateless apart from the chain id.
 */
public final class TxDecoder {
    /** Larger raw transactions are refused before any parsing. */
    public static final int MAX_RAW_TX_BYTES = 128 * 1024;
    /** JavaScript wallets hold chain ids in doubles; this also keeps v = 2*id+36 in a long. */
    public static final long MAX_CHAIN_ID = (1L << 53) - 1;

    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] CURVE_N =
            HEX.parseHex("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141");
    private static final byte[] HALF_CURVE_N =
            HEX.parseHex("7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a0");
    private static final int WORD = 32;
    private static final int LEGACY_FIELDS = 9;
    private static final int EIP1559_FIELDS = 12;
    private static final int MAX_V_BYTES = 7;

    private final long chainId;
    /** rlp(chainId) || rlp(0) || rlp(0): the tail EIP-155 appends to a legacy signing payload. */
    private final byte[] legacySigningSuffix;

    public TxDecoder(long chainId) {
        if (chainId < 1 || chainId > MAX_CHAIN_ID) {
            throw new IllegalArgumentException("chain id must be in [1, 2^53-1], got " + chainId);
        }
        this.chainId = chainId;
        byte[] id = RlpWriter.encodeLong(chainId);
        this.legacySigningSuffix = Arrays.copyOf(id, id.length + 2);
        legacySigningSuffix[id.length] = (byte) 0x80;
        legacySigningSuffix[id.length + 1] = (byte) 0x80;
    }

    public long chainId() {
        return chainId;
    }

    /**
     * Decodes {@code raw}, or refuses it.
     *
     * @throws TxRejectedException for any input that is not an admissible transaction; no other
     *                             exception escapes, whatever the bytes
     */
    public DecodedTx decode(byte[] raw) {
        if (raw == null || raw.length == 0) {
            throw reject(MALFORMED_RLP, "empty transaction");
        }
        if (raw.length > MAX_RAW_TX_BYTES) {
            throw reject(TX_TOO_LARGE, "transaction of " + raw.length + " bytes exceeds the limit of "
                    + MAX_RAW_TX_BYTES + " bytes");
        }
        int first = raw[0] & 0xff;
        try {
            if (first >= 0xc0) {
                return decodeLegacy(raw);
            }
            if (first == DecodedTx.TYPE_EIP1559) {
                return decodeEip1559(raw);
            }
        } catch (RlpException e) {
            throw reject(MALFORMED_RLP, e.getMessage());
        }
        if (first <= 0x7f) {
            throw reject(UNSUPPORTED_TX_TYPE, unsupportedTypeMessage(first));
        }
        throw reject(MALFORMED_RLP, "a transaction is an RLP list or a typed envelope, found an RLP"
                + " byte string (first byte 0x" + HEX.toHexDigits((byte) first) + ")");
    }

    private DecodedTx decodeLegacy(byte[] raw) {
        RlpReader f = singleList(raw, 0, LEGACY_FIELDS, "a legacy transaction");
        int signedStart = f.position();
        long nonce = longField(f, "nonce");
        BigInteger gasPrice = feeField(f, "gasPrice");
        long gasLimit = longField(f, "gasLimit");
        int toOffset = stringField(f, "to");
        int toLength = f.lastLength();
        int valueLength = valueField(f);
        byte[] data = dataField(f);
        int signedEnd = f.position();
        int vOffset = scalarField(f, "v");
        int recId = legacyRecId(raw, vOffset, f.lastLength());
        byte[] r = signatureScalar(f, "r");
        byte[] s = signatureScalar(f, "s");
        checkSignatureRange(r, s);
        Address to = recipient(raw, toOffset, toLength);
        requireNoValue(valueLength);
        KeccakDigest digest = Keccak.start();
        int signedLength = signedEnd - signedStart + legacySigningSuffix.length;
        update(digest, RlpWriter.listHeader(signedLength));
        digest.update(raw, signedStart, signedEnd - signedStart);
        update(digest, legacySigningSuffix);
        return new DecodedTx(DecodedTx.TYPE_LEGACY, chainId, nonce, gasPrice, gasPrice, gasPrice,
                gasLimit, to, data, recId, r, s, Keccak.finish(digest), Keccak.hash(raw), raw);
    }

    private DecodedTx decodeEip1559(byte[] raw) {
        RlpReader f = singleList(raw, 1, EIP1559_FIELDS, "an EIP-1559 transaction");
        int signedStart = f.position();
        int chainOffset = scalarField(f, "chainId");
        int chainLength = f.lastLength();
        long nonce = longField(f, "nonce");
        BigInteger maxPriorityFee = feeField(f, "maxPriorityFeePerGas");
        BigInteger maxFee = feeField(f, "maxFeePerGas");
        long gasLimit = longField(f, "gasLimit");
        int toOffset = stringField(f, "to");
        int toLength = f.lastLength();
        int valueLength = valueField(f);
        byte[] data = dataField(f);
        checkAccessList(f);
        int signedEnd = f.position();
        int recId = yParity(f);
        byte[] r = signatureScalar(f, "r");
        byte[] s = signatureScalar(f, "s");
        requireChainId(raw, chainOffset, chainLength);
        checkSignatureRange(r, s);
        Address to = recipient(raw, toOffset, toLength);
        requireNoValue(valueLength);
        KeccakDigest digest = Keccak.start();
        digest.update((byte) DecodedTx.TYPE_EIP1559);
        update(digest, RlpWriter.listHeader(signedEnd - signedStart));
        digest.update(raw, signedStart, signedEnd - signedStart);
        return new DecodedTx(DecodedTx.TYPE_EIP1559, chainId, nonce, maxFee, maxPriorityFee, maxFee,
                gasLimit, to, data, recId, r, s, Keccak.finish(digest), Keccak.hash(raw), raw);
    }

    /** The one list that must fill raw[offset..], with exactly {@code fields} items. */
    private static RlpReader singleList(byte[] raw, int offset, int fields, String what) {
        RlpReader outer = new RlpReader(raw, offset, raw.length - offset);
        RlpReader list = outer.nextList();
        outer.requireEnd();
        int count = list.countRemaining();
        if (count != fields) {
            throw reject(MALFORMED_TX, what + " has " + fields + " fields, got " + count);
        }
        return list;
    }

    private static int stringField(RlpReader f, String name) {
        try {
            return f.nextString();
        } catch (RlpException e) {
            throw reject(MALFORMED_RLP, name + ": " + e.getMessage());
        }
    }

    private static int scalarField(RlpReader f, String name) {
        try {
            return f.nextScalar();
        } catch (RlpException e) {
            throw reject(MALFORMED_RLP, name + ": " + e.getMessage());
        }
    }

    private static long longField(RlpReader f, String name) {
        int offset = scalarField(f, name);
        int length = f.lastLength();
        if (!RlpReader.fitsInLong(f.data(), offset, length)) {
            throw reject(MALFORMED_TX, name + " 0x" + hex(f.data(), offset, length)
                    + " does not fit in 63 bits");
        }
        return RlpReader.toLong(f.data(), offset, length);
    }

    private static BigInteger feeField(RlpReader f, String name) {
        int offset = scalarField(f, name);
        int length = f.lastLength();
        if (length > WORD) {
            throw reject(MALFORMED_TX, name + " is " + length + " bytes long, more than 32");
        }
        return RlpReader.toBigInteger(f.data(), offset, length);
    }

    /** Returns the value's length in bytes: canonical, so 0 means a zero value. */
    private static int valueField(RlpReader f) {
        scalarField(f, "value");
        if (f.lastLength() > WORD) {
            throw reject(MALFORMED_TX, "value is " + f.lastLength() + " bytes long, more than 32");
        }
        return f.lastLength();
    }

    private static byte[] dataField(RlpReader f) {
        int offset = stringField(f, "data");
        return Arrays.copyOfRange(f.data(), offset, offset + f.lastLength());
    }

    /** [[address(20), [storageKey(32), ...]], ...]: checked for shape, then ignored. */
    private static void checkAccessList(RlpReader f) {
        try {
            RlpReader list = f.nextList();
            while (list.hasNext()) {
                RlpReader entry = list.nextList();
                if (entry.countRemaining() != 2) {
                    throw reject(MALFORMED_TX, "access list entry at byte " + entry.position()
                            + " is not [address, storageKeys]");
                }
                requireLength(entry, Address.LENGTH, "access list address");
                RlpReader keys = entry.nextList();
                while (keys.hasNext()) {
                    requireLength(keys, WORD, "access list storage key");
                }
            }
        } catch (RlpException e) {
            throw reject(MALFORMED_RLP, "accessList: " + e.getMessage());
        }
    }

    private static void requireLength(RlpReader r, int length, String what) {
        int start = r.position();
        r.nextString();
        if (r.lastLength() != length) {
            throw reject(MALFORMED_TX, what + " at byte " + start + " is " + r.lastLength()
                    + " bytes, expected " + length);
        }
    }

    private int legacyRecId(byte[] raw, int offset, int length) {
        if (length > MAX_V_BYTES) {
            throw wrongChain(length > WORD ? "in a v of " + length + " bytes"
                    : RlpReader.toBigInteger(raw, offset, length)
                            .subtract(BigInteger.valueOf(35)).shiftRight(1).toString());
        }
        long v = RlpReader.toLong(raw, offset, length);
        if (v == 27 || v == 28) {
            throw reject(NOT_REPLAY_PROTECTED, "replay-protected transactions only: v=" + v
                    + " carries no chain id; sign with EIP-155 (v = chainId*2+35 or +36)");
        }
        if (v < 35) {
            throw reject(BAD_SIGNATURE, "v=" + v + " is neither chainId*2+35/36 nor 27/28");
        }
        long signedChainId = (v - 35) >>> 1;
        if (signedChainId != chainId) {
            throw wrongChain(Long.toString(signedChainId));
        }
        return (int) ((v - 35) & 1);
    }

    private void requireChainId(byte[] raw, int offset, int length) {
        boolean fits = RlpReader.fitsInLong(raw, offset, length);
        if (!fits || RlpReader.toLong(raw, offset, length) != chainId) {
            throw wrongChain(length > WORD ? "0x" + hex(raw, offset, length)
                    : RlpReader.toBigInteger(raw, offset, length).toString());
        }
    }

    private TxRejectedException wrongChain(String signedChainId) {
        return reject(WRONG_CHAIN_ID, "chain id " + signedChainId
                + " does not match this ledger's chain id " + chainId);
    }

    private static int yParity(RlpReader f) {
        int offset = scalarField(f, "yParity");
        int length = f.lastLength();
        if (length == 0) {
            return 0;
        }
        if (length == 1 && f.data()[offset] == 1) {
            return 1;
        }
        throw reject(BAD_SIGNATURE, "yParity must be 0 or 1, got 0x" + hex(f.data(), offset, length));
    }

    /** Reads r or s into 32 big-endian bytes; zero and over-long values are refused. */
    private static byte[] signatureScalar(RlpReader f, String name) {
        int offset = scalarField(f, name);
        int length = f.lastLength();
        if (length == 0) {
            throw reject(BAD_SIGNATURE, "signature " + name + " is zero");
        }
        if (length > WORD) {
            throw reject(BAD_SIGNATURE, "signature " + name + " is " + length
                    + " bytes long, more than 32");
        }
        byte[] out = new byte[WORD];
        System.arraycopy(f.data(), offset, out, WORD - length, length);
        return out;
    }

    private static void checkSignatureRange(byte[] r, byte[] s) {
        if (Arrays.compareUnsigned(r, CURVE_N) >= 0) {
            throw reject(BAD_SIGNATURE, "signature r is not below the secp256k1 order n");
        }
        if (Arrays.compareUnsigned(s, CURVE_N) >= 0) {
            throw reject(BAD_SIGNATURE, "signature s is not below the secp256k1 order n");
        }
        // EIP-2: (r, n-s) with the other parity is a second valid signature of the same payload;
        // admitting both would give one payment two transaction hashes.
        if (Arrays.compareUnsigned(s, HALF_CURVE_N) > 0) {
            throw reject(HIGH_S, "signature s is above n/2: use the low-s form (n - s, flipped"
                    + " recovery id), as EIP-2 requires");
        }
    }

    private static Address recipient(byte[] raw, int offset, int length) {
        if (length == 0) {
            throw reject(CONTRACT_CREATION, "contract creation is not supported: 'to' must be a"
                    + " system contract address");
        }
        if (length != Address.LENGTH) {
            throw reject(MALFORMED_TX, "'to' is " + length + " bytes, an address is 20");
        }
        return Address.read(raw, offset);
    }

    private static void requireNoValue(int valueLength) {
        if (valueLength != 0) {
            throw reject(NATIVE_VALUE, "native value transfers are not supported: amounts move"
                    + " through the system contract (value must be 0)");
        }
    }

    private static String unsupportedTypeMessage(int type) {
        String name = switch (type) {
            case 1 -> "EIP-2930 access-list transactions (type 1) are";
            case 3 -> "EIP-4844 blob transactions (type 3) are";
            case 4 -> "EIP-7702 set-code transactions (type 4) are";
            default -> "transaction type 0x" + HEX.toHexDigits((byte) type) + " is";
        };
        return name + " not supported: send an EIP-1559 (type 2) or EIP-155 legacy transaction";
    }

    private static void update(KeccakDigest digest, byte[] bytes) {
        digest.update(bytes, 0, bytes.length);
    }

    /** Hex for messages, cut at 32 bytes so a hostile field cannot bloat logs and replies. */
    private static String hex(byte[] data, int offset, int length) {
        int shown = Math.min(length, WORD);
        String digits = HEX.formatHex(data, offset, offset + shown);
        return shown == length ? digits : digits + "... (" + length + " bytes)";
    }

    private static TxRejectedException reject(TxRejectedException.Code code, String message) {
        return new TxRejectedException(code, message);
    }
}
