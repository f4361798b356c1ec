package org.targetedmoney.node.tx;

import org.targetedmoney.policy.tx.RlpWriter;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Hash;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.Sign;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.rlp.RlpDecoder;
import org.web3j.rlp.RlpEncoder;
import org.web3j.rlp.RlpList;
import org.web3j.rlp.RlpString;
import org.web3j.rlp.RlpType;

/** Signed transactions made with web3j (the reference), and tools to spoil them one way. */
final class TxFixtures {
    static final long CHAIN_ID = 1337;
    static final String SYSTEM_CONTRACT = "0x0000000000000000000000000000000000001000";
    static final BigInteger N = new BigInteger(
            "fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141", 16);
    static final Credentials ALICE = Credentials.create(
            "0x4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318");
    /** selector + 4 words, the shape of a payment call. */
    static final String PAYMENT_DATA = "0xa9059cbb"
            + "0000000000000000000000002222222222222222222222222222222222222222"
            + "0000000000000000000000000000000000000000000000000000000000000003"
            + "00000000000000000000000000000000000000000000000000000000000003e8"
            + "0000000000000000000000000000000000000000000000000000000000000007";

    private TxFixtures() {
    }

    static RawTransaction legacy(long nonce, String to, BigInteger value, String data) {
        return RawTransaction.createTransaction(BigInteger.valueOf(nonce), BigInteger.ZERO,
                BigInteger.valueOf(90_000), to, value, data);
    }

    static RawTransaction eip1559(long chainId, long nonce, String to, BigInteger value, String data) {
        return RawTransaction.createTransaction(chainId, BigInteger.valueOf(nonce),
                BigInteger.valueOf(90_000), to, value, data, BigInteger.ONE, BigInteger.TEN);
    }

    static byte[] signedLegacy(long chainId, RawTransaction tx) {
        return TransactionEncoder.signMessage(tx, chainId, ALICE);
    }

    static byte[] signed1559(RawTransaction tx) {
        return TransactionEncoder.signMessage(tx, ALICE);
    }

    static byte[] payment1559() {
        return signed1559(eip1559(CHAIN_ID, 7, SYSTEM_CONTRACT, BigInteger.ZERO, PAYMENT_DATA));
    }

    static byte[] paymentLegacy() {
        return signedLegacy(CHAIN_ID, legacy(7, SYSTEM_CONTRACT, BigInteger.ZERO, PAYMENT_DATA));
    }

    /** The fields of a legacy tx, or of a typed one without its type byte, as web3j reads them. */
    static List<RlpType> fields(byte[] raw) {
        int skip = (raw[0] & 0xff) < 0xc0 ? 1 : 0;
        byte[] body = java.util.Arrays.copyOfRange(raw, skip, raw.length);
        RlpList outer = RlpDecoder.decode(body);
        return new ArrayList<>(((RlpList) outer.getValues().get(0)).getValues());
    }

    static byte[] legacyOf(List<RlpType> fields) {
        return RlpEncoder.encode(new RlpList(fields));
    }

    static byte[] typedOf(int type, List<RlpType> fields) {
        return concat(new byte[] {(byte) type}, RlpEncoder.encode(new RlpList(fields)));
    }

    /** Signs 0x02 || rlp(unsignedFields) with ALICE and appends yParity, r, s. */
    static byte[] sign1559(List<RlpType> unsignedFields) {
        byte[] hash = Hash.sha3(typedOf(2, unsignedFields));
        Sign.SignatureData sig = Sign.signMessage(hash, ALICE.getEcKeyPair(), false);
        List<RlpType> all = new ArrayList<>(unsignedFields);
        all.add(RlpString.create(sig.getV()[0] - 27));
        all.add(RlpString.create(new BigInteger(1, sig.getR())));
        all.add(RlpString.create(new BigInteger(1, sig.getS())));
        return typedOf(2, all);
    }

    static BigInteger bigOf(RlpType item) {
        return ((RlpString) item).asPositiveBigInteger();
    }

    /** A list header and the given already-encoded items, written by hand (not by RlpWriter). */
    static byte[] listOfEncoded(byte[]... items) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (byte[] item : items) {
            body.writeBytes(item);
        }
        int length = body.size();
        byte[] header = length < 56 ? new byte[] {(byte) (0xc0 + length)}
                : length < 256 ? new byte[] {(byte) 0xf8, (byte) length}
                : new byte[] {(byte) 0xf9, (byte) (length >> 8), (byte) length};
        return concat(header, body.toByteArray());
    }

    static byte[] encode(RlpType item) {
        return RlpEncoder.encode(item);
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    static byte[] hex(String digits) {
        return HexFormat.of().parseHex(digits.startsWith("0x") ? digits.substring(2) : digits);
    }

    static ECKeyPair keyPair() {
        return ALICE.getEcKeyPair();
    }
}
