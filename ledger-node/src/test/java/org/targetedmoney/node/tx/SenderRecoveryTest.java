package org.targetedmoney.node.tx;

import org.targetedmoney.policy.tx.DecodedTx;
import org.targetedmoney.policy.tx.SenderRecovery;
import org.targetedmoney.policy.tx.TxRejectedException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.constraints.Size;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.junit.jupiter.api.Test;
import org.targetedmoney.policy.model.Address;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Hash;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Sign;

class SenderRecoveryTest {
    private static final SenderRecovery NATIVE = SenderRecoveries.nativeIfAvailable().orElseThrow();
    private static final SenderRecovery BC = SenderRecovery.bouncyCastle();

    @Test
    void best_choosesNativeOnThisPlatform() {
        assertThat(SenderRecoveries.best().name()).isEqualTo("native-libsecp256k1");
        assertThat(BC.name()).isEqualTo("bouncy-castle");
    }

    @Test
    void knownVector_isWhatWeb3jSigns() {
        ECKeyPair one = ECKeyPair.create(BigInteger.ONE);
        byte[] hash = Hash.sha3("targeted-money".getBytes(StandardCharsets.UTF_8));
        Sign.SignatureData sig = Sign.signMessage(hash, one, false);

        assertThat(NativeSenderRecovery.KnownVector.HASH).isEqualTo(hash);
        assertThat(NativeSenderRecovery.KnownVector.R).isEqualTo(sig.getR());
        assertThat(NativeSenderRecovery.KnownVector.S).isEqualTo(sig.getS());
        assertThat(NativeSenderRecovery.KnownVector.REC_ID).isEqualTo(sig.getV()[0] - 27);
        assertThat(NativeSenderRecovery.KnownVector.SIGNER).isEqualTo(Address.fromHex(Keys.getAddress(one)));
    }

    /** Any key, any hash: both implementations recover web3j's signer. */
    @Property(tries = 60)
    void recover_bothImplementationsAgreeWithWeb3j(
            @ForAll @BigRange(min = "1", max = "115792089237316195423570985008687907852837564279074904382605163141518161494336")
                    BigInteger privateKey,
            @ForAll @Size(32) byte[] hash) {
        ECKeyPair keyPair = ECKeyPair.create(privateKey);
        Sign.SignatureData sig = Sign.signMessage(hash, keyPair, false);
        DecodedTx tx = withSignature(hash, sig.getR(), sig.getS(), sig.getV()[0] - 27);
        Address expected = Address.fromHex(Keys.getAddress(keyPair));

        assertThat(NATIVE.recover(tx)).isEqualTo(expected);
        assertThat(BC.recover(tx)).isEqualTo(expected);
    }

    @Test
    void recover_rNotOnCurve_badSignatureFromBoth() {
        byte[] r = xWithoutCurvePoint();
        byte[] s = new byte[32];
        s[31] = 1;
        DecodedTx tx = withSignature(new byte[32], r, s, 0);
        for (SenderRecovery recovery : List.of(NATIVE, BC)) {
            assertThatThrownBy(() -> recovery.recover(tx)).as(recovery.name())
                    .isInstanceOfSatisfying(TxRejectedException.class,
                            e -> assertThat(e.code()).isEqualTo(TxRejectedException.Code.BAD_SIGNATURE));
        }
    }

    @Test
    void recover_wrongRecId_givesAnotherAddressInBoth() {
        byte[] hash = Hash.sha3("payment".getBytes(StandardCharsets.UTF_8));
        Sign.SignatureData sig = Sign.signMessage(hash, TxFixtures.keyPair(), false);
        DecodedTx flipped = withSignature(hash, sig.getR(), sig.getS(), 1 - (sig.getV()[0] - 27));
        Address alice = Address.fromHex(TxFixtures.ALICE.getAddress());

        assertThat(NATIVE.recover(flipped)).isNotEqualTo(alice).isEqualTo(BC.recover(flipped));
    }

    /** The smallest x in [1, ...) for which x^3 + 7 has no square root mod p. */
    static byte[] xWithoutCurvePoint() {
        X9ECParameters params = CustomNamedCurves.getByName("secp256k1");
        for (int x = 1; ; x++) {
            byte[] compressed = new byte[33];
            compressed[0] = 2;
            compressed[32] = (byte) x;
            try {
                params.getCurve().decodePoint(compressed);
            } catch (IllegalArgumentException notOnCurve) {
                return java.util.Arrays.copyOfRange(compressed, 1, 33);
            }
        }
    }

    static DecodedTx withSignature(byte[] hash, byte[] r, byte[] s, int recId) {
        return new DecodedTx(DecodedTx.TYPE_EIP1559, TxFixtures.CHAIN_ID, 0, BigInteger.ZERO, BigInteger.ZERO,
                BigInteger.ZERO, 0, Address.ZERO, new byte[0], recId, r, s, hash, new byte[32], new byte[1]);
    }
}
