package org.targetedmoney.node.tx;

import fr.acinq.secp256k1.Secp256k1;
import java.util.HexFormat;
import java.util.Optional;
import org.targetedmoney.policy.model.Address;
import org.targetedmoney.policy.tx.DecodedTx;
import org.targetedmoney.policy.tx.SenderRecovery;
import org.targetedmoney.policy.tx.TxRejectedException;

/**
 * Sender recovery with libsecp256k1 (fr.acinq's JNI build), about 3.5 times faster than Bouncy
 * Castle. On JDK 22+ run the JVM with {@code --enable-native-access=ALL-UNNAMED} to silence the
 * native-access warning.
 */
final class NativeSenderRecovery implements SenderRecovery {
    static final String NAME = "native-libsecp256k1";

    private final Secp256k1 secp;

    private NativeSenderRecovery(Secp256k1 secp) {
        this.secp = secp;
    }

    /**
     * Loads the native library and proves it on {@link KnownVector}; empty if either fails, so a
     * missing or broken library degrades to Bouncy Castle instead of refusing every transaction.
     */
    static Optional<SenderRecovery> load() {
        try {
            NativeSenderRecovery candidate = new NativeSenderRecovery(Secp256k1.Companion.get());
            byte[] key = candidate.secp.ecdsaRecover(KnownVector.signature(), KnownVector.HASH,
                    KnownVector.REC_ID);
            boolean works = SenderRecovery.addressOf(key).equals(KnownVector.SIGNER);
            return works ? Optional.of(candidate) : Optional.empty();
        } catch (RuntimeException | LinkageError e) {
            // UnsatisfiedLinkError / ExceptionInInitializerError when no library fits the platform.
            return Optional.empty();
        }
    }

    @Override
    public Address recover(DecodedTx tx) {
        byte[] publicKey;
        try {
            publicKey = secp.ecdsaRecover(tx.compactSignature(), tx.signingHash(), tx.recId());
        } catch (RuntimeException e) {
            // Secp256k1Exception: r is not the x of a curve point, or the key is at infinity.
            throw new TxRejectedException(TxRejectedException.Code.BAD_SIGNATURE,
                    "no public key recoverable from the signature (" + e.getMessage() + ")");
        }
        if (publicKey == null || publicKey.length != 65) {
            throw new TxRejectedException(TxRejectedException.Code.BAD_SIGNATURE,
                    "no public key recoverable from the signature");
        }
        return SenderRecovery.addressOf(publicKey);
    }

    @Override
    public String name() {
        return NAME;
    }

    /**
     * A signature whose signer is known: private key 1 (address 0x7e5f...5bdf) signing
     * keccak256("targeted-money"), made with web3j (RFC 6979, so deterministic; a test re-derives
     * it).
     */
    static final class KnownVector {
        static final byte[] HASH = hex("0759912b79674a9dc8843b201ff67b55874a19951a5fc66a7d1acbdd9c450d00");
        static final byte[] R = hex("1c750453889885182eef4375c97d2617d5fe73960cdd4be337145dc268476e39");
        static final byte[] S = hex("2cbf431f36738eccfc61f541d7fafcd917d262b56cfbc6ca663f5c0a41bbefb7");
        static final int REC_ID = 0;
        static final Address SIGNER = Address.fromHex("0x7e5f4552091a69125d5dfcb7b8c2659029395bdf");

        private KnownVector() {
        }

        static byte[] signature() {
            byte[] sig = new byte[64];
            System.arraycopy(R, 0, sig, 0, 32);
            System.arraycopy(S, 0, sig, 32, 32);
            return sig;
        }

        private static byte[] hex(String digits) {
            return HexFormat.of().parseHex(digits);
        }
    }
}
