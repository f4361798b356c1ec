package org.targetedmoney.policy.tx;

import java.math.BigInteger;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECCurve;
import org.bouncycastle.math.ec.ECPoint;
import org.targetedmoney.policy.model.Address;

/**
 * Sender recovery in pure Java on Bouncy Castle's optimised secp256k1 curve (SEC 1 v2, section
 * 4.1.6, as web3j's {@code Sign.recoverFromSignature}), for platforms where the native library
 * does not load. Q = r^-1 (s R - e G), where R is the curve point with x = r and the parity of y
 * given by the recovery id.
 */
final class BouncyCastleSenderRecovery implements SenderRecovery {
    static final String NAME = "bouncy-castle";
    static final BouncyCastleSenderRecovery INSTANCE = new BouncyCastleSenderRecovery();

    private static final X9ECParameters CURVE_PARAMS = CustomNamedCurves.getByName("secp256k1");
    private static final ECCurve CURVE = CURVE_PARAMS.getCurve();
    private static final ECPoint G = CURVE_PARAMS.getG();
    private static final BigInteger N = CURVE_PARAMS.getN();

    private BouncyCastleSenderRecovery() {
    }

    @Override
    public Address recover(DecodedTx tx) {
        ECPoint q = recoverPoint(tx.signingHash(), tx.r(), tx.s(), tx.recId());
        if (q == null) {
            throw new TxRejectedException(TxRejectedException.Code.BAD_SIGNATURE,
                    "no public key recoverable from the signature");
        }
        return Keccak.addressOfUncompressed(q.getEncoded(false));
    }

    /** The signer's public key, or null when (r, s, recId) designate none. */
    static ECPoint recoverPoint(byte[] hash32, byte[] r32, byte[] s32, int recId) {
        BigInteger r = new BigInteger(1, r32);
        BigInteger s = new BigInteger(1, s32);
        if (recId < 0 || recId > 1 || r.signum() == 0 || s.signum() == 0
                || r.compareTo(N) >= 0 || s.compareTo(N) >= 0) {
            return null;
        }
        // Recovery ids 2 and 3 (x = r + n) are not representable in Ethereum's v, and r < n
        // always; so R's x is r itself. It must still be a valid field element with a curve point.
        ECPoint bigR = decompress(r32, recId);
        if (bigR == null) {
            return null;
        }
        // secp256k1's cofactor is 1: every curve point has order n, so web3j's n*R check is moot.
        BigInteger e = new BigInteger(1, hash32);
        BigInteger rInv = r.modInverse(N);
        BigInteger u1 = N.subtract(e).multiply(rInv).mod(N);
        BigInteger u2 = s.multiply(rInv).mod(N);
        ECPoint q = ECAlgorithms.sumOfTwoMultiplies(G, u1, bigR, u2).normalize();
        return q.isInfinity() ? null : q;
    }

    private static ECPoint decompress(byte[] x32, int recId) {
        byte[] compressed = new byte[33];
        compressed[0] = (byte) (recId == 1 ? 0x03 : 0x02);
        System.arraycopy(x32, 0, compressed, 1, 32);
        try {
            return CURVE.decodePoint(compressed);
        } catch (IllegalArgumentException e) {
            // x >= p, or x^3 + 7 has no square root: r is not the x of any curve point.
            return null;
        }
    }

    @Override
    public String name() {
        return NAME;
    }
}
