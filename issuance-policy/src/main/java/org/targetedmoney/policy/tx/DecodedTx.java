package org.targetedmoney.policy.tx;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.HexFormat;
import org.targetedmoney.policy.model.Address;

/**
 * A transaction that passed admission: its fields, its hashes and its signature, ready for sender
 * recovery. Built by {@link TxDecoder} only after every check passed.
 *
 * <p>Fee fields follow go-ethereum's convention so the JSON-RPC layer can echo them: a legacy
 * transaction reports its gas price as all three; a type-2 transaction reports
 * {@code maxFeePerGas} as its gas price. Gas is otherwise ignored by this ledger.
 *
 * <p>The arrays are owned by the record and not copied on access (this value crosses the hot
 * path): callers must not modify them. Every field derives from {@code raw}, so equality is
 * equality of the raw bytes.
 *
 * @param type                 {@link #TYPE_LEGACY} (EIP-155) or {@link #TYPE_EIP1559}
 * @param chainId              the chain id the sender signed for (equal to the ledger's)
 * @param nonce                the sender's nonce, below 2^63
 * @param gasPrice             legacy gas price, or {@code maxFeePerGas} for type 2
 * @param maxPriorityFeePerGas type 2's tip cap, or the gas price for legacy
 * @param maxFeePerGas         type 2's fee cap, or the gas price for legacy
 * @param gasLimit             accepted and ignored, below 2^63
 * @param to                   the recipient (always present: no contract creation)
 * @param data                 the call data
 * @param recId                the recovery id, 0 or 1 (yParity)
 * @param r                    the signature's r, 32 bytes big-endian, in [1, n-1]
 * @param s                    the signature's s, 32 bytes big-endian, in [1, n/2]
 * @param signingHash          keccak256 of the payload the sender signed
 * @param txHash               keccak256(raw), the transaction's identity
 * @param raw                  the bytes as received
 */
public record DecodedTx(
        int type,
        long chainId,
        long nonce,
        BigInteger gasPrice,
        BigInteger maxPriorityFeePerGas,
        BigInteger maxFeePerGas,
        long gasLimit,
        Address to,
        byte[] data,
        int recId,
        byte[] r,
        byte[] s,
        byte[] signingHash,
        byte[] txHash,
        byte[] raw) {

    public static final int TYPE_LEGACY = 0;
    public static final int TYPE_EIP1559 = 2;

    /** The signature's v as JSON-RPC reports it: chainId*2+35+recId (legacy) or yParity. */
    public long v() {
        return type == TYPE_LEGACY ? chainId * 2 + 35 + recId : recId;
    }

    /** r || s, the 64-byte compact signature recovery libraries take. */
    public byte[] compactSignature() {
        byte[] sig = new byte[64];
        System.arraycopy(r, 0, sig, 0, 32);
        System.arraycopy(s, 0, sig, 32, 32);
        return sig;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DecodedTx other && Arrays.equals(raw, other.raw);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(txHash);
    }

    @Override
    public String toString() {
        return "DecodedTx[type=" + type + ", hash=0x" + HexFormat.of().formatHex(txHash)
                + ", chainId=" + chainId + ", nonce=" + nonce + ", to=" + to
                + ", data=" + data.length + " bytes]";
    }
}
