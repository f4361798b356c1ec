package org.targetedmoney.node.tx;

import org.targetedmoney.policy.tx.DecodedTx;
import org.targetedmoney.policy.tx.SenderRecovery;
import org.targetedmoney.policy.tx.TxDecoder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.targetedmoney.node.tx.TxFixtures.ALICE;
import static org.targetedmoney.node.tx.TxFixtures.CHAIN_ID;
import static org.targetedmoney.node.tx.TxFixtures.PAYMENT_DATA;
import static org.targetedmoney.node.tx.TxFixtures.SYSTEM_CONTRACT;

import java.math.BigInteger;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.targetedmoney.policy.model.Address;
import org.web3j.crypto.AccessListObject;
import org.web3j.crypto.Hash;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.SignedRawTransaction;
import org.web3j.crypto.TransactionDecoder;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.utils.Numeric;

class TxDecoderTest {
    private final TxDecoder decoder = new TxDecoder(CHAIN_ID);
    private static final Address ALICE_ADDRESS = Address.fromHex(ALICE.getAddress());

    static Stream<SenderRecovery> recoveries() {
        return Stream.of(SenderRecovery.bouncyCastle(),
                SenderRecoveries.nativeIfAvailable().orElseThrow());
    }

    @ParameterizedTest
    @MethodSource("recoveries")
    void decode_legacyEip155_recoversWeb3jSender(SenderRecovery recovery) {
        RawTransaction unsigned = RawTransaction.createTransaction(BigInteger.valueOf(42),
                BigInteger.valueOf(3_000_000_000L), BigInteger.valueOf(120_000), SYSTEM_CONTRACT,
                BigInteger.ZERO, PAYMENT_DATA);
        byte[] raw = TxFixtures.signedLegacy(CHAIN_ID, unsigned);

        DecodedTx tx = decoder.decode(raw);

        assertThat(tx.type()).isEqualTo(DecodedTx.TYPE_LEGACY);
        assertThat(tx.chainId()).isEqualTo(CHAIN_ID);
        assertThat(tx.nonce()).isEqualTo(42);
        assertThat(tx.gasPrice()).isEqualTo(3_000_000_000L);
        assertThat(tx.maxFeePerGas()).isEqualTo(tx.gasPrice());
        assertThat(tx.maxPriorityFeePerGas()).isEqualTo(tx.gasPrice());
        assertThat(tx.gasLimit()).isEqualTo(120_000);
        assertThat(tx.to()).isEqualTo(Address.fromHex(SYSTEM_CONTRACT));
        assertThat(tx.data()).isEqualTo(Numeric.hexStringToByteArray(PAYMENT_DATA));
        assertThat(tx.raw()).isEqualTo(raw);
        assertThat(tx.txHash()).isEqualTo(Hash.sha3(raw));
        assertThat(tx.signingHash()).isEqualTo(Hash.sha3(TransactionEncoder.encode(unsigned, CHAIN_ID)));
        assertSignatureMatchesWeb3j(tx, raw, 0);
        assertThat(recovery.recover(tx)).isEqualTo(ALICE_ADDRESS);
    }

    @ParameterizedTest
    @MethodSource("recoveries")
    void decode_eip1559_recoversWeb3jSender(SenderRecovery recovery) {
        RawTransaction unsigned = RawTransaction.createTransaction(CHAIN_ID, BigInteger.valueOf(9),
                BigInteger.valueOf(250_000), SYSTEM_CONTRACT, BigInteger.ZERO, PAYMENT_DATA,
                BigInteger.valueOf(2), new BigInteger("1000000000000000000000000000000000000000"));
        byte[] raw = TxFixtures.signed1559(unsigned);

        DecodedTx tx = decoder.decode(raw);

        assertThat(tx.type()).isEqualTo(DecodedTx.TYPE_EIP1559);
        assertThat(tx.chainId()).isEqualTo(CHAIN_ID);
        assertThat(tx.nonce()).isEqualTo(9);
        assertThat(tx.maxPriorityFeePerGas()).isEqualTo(2);
        assertThat(tx.maxFeePerGas()).isEqualTo(new BigInteger("1000000000000000000000000000000000000000"));
        assertThat(tx.gasPrice()).isEqualTo(tx.maxFeePerGas());
        assertThat(tx.gasLimit()).isEqualTo(250_000);
        assertThat(tx.to()).isEqualTo(Address.fromHex(SYSTEM_CONTRACT));
        assertThat(tx.data()).isEqualTo(Numeric.hexStringToByteArray(PAYMENT_DATA));
        assertThat(tx.txHash()).isEqualTo(Hash.sha3(raw));
        assertThat(tx.signingHash()).isEqualTo(Hash.sha3(TransactionEncoder.encode(unsigned)));
        // web3j reports a type-2 signature's yParity as 27 + yParity.
        assertSignatureMatchesWeb3j(tx, raw, 27);
        assertThat(recovery.recover(tx)).isEqualTo(ALICE_ADDRESS);
    }

    @ParameterizedTest
    @MethodSource("recoveries")
    void decode_eip1559WithAccessList_acceptsAndIgnoresIt(SenderRecovery recovery) {
        var entry = new AccessListObject(SYSTEM_CONTRACT, List.of(
                "0x0000000000000000000000000000000000000000000000000000000000000001",
                "0x00000000000000000000000000000000000000000000000000000000000000ff"));
        RawTransaction unsigned = RawTransaction.createTransaction(CHAIN_ID, BigInteger.ONE,
                BigInteger.valueOf(90_000), SYSTEM_CONTRACT, BigInteger.ZERO, "0x", BigInteger.ZERO,
                BigInteger.ZERO, List.of(entry, new AccessListObject(SYSTEM_CONTRACT, List.of())));
        byte[] raw = TxFixtures.signed1559(unsigned);

        DecodedTx tx = decoder.decode(raw);

        assertThat(tx.data()).isEmpty();
        assertThat(tx.gasPrice()).isZero();
        assertThat(tx.signingHash()).isEqualTo(Hash.sha3(TransactionEncoder.encode(unsigned)));
        assertThat(recovery.recover(tx)).isEqualTo(ALICE_ADDRESS);
    }

    @Test
    void decode_zeroNonceEmptyDataZeroGas_areCanonicalEmptyStrings() {
        RawTransaction unsigned = RawTransaction.createTransaction(BigInteger.ZERO, BigInteger.ZERO,
                BigInteger.ZERO, SYSTEM_CONTRACT, BigInteger.ZERO, "");
        DecodedTx tx = decoder.decode(TxFixtures.signedLegacy(CHAIN_ID, unsigned));

        assertThat(tx.nonce()).isZero();
        assertThat(tx.gasLimit()).isZero();
        assertThat(tx.data()).isEmpty();
        assertThat(SenderRecoveries.best().recover(tx)).isEqualTo(ALICE_ADDRESS);
    }

    @Test
    void decode_largeChainIdAndMaxNonce_fitInLongs() {
        long chainId = TxDecoder.MAX_CHAIN_ID;
        RawTransaction unsigned = TxFixtures.legacy(Long.MAX_VALUE, SYSTEM_CONTRACT, BigInteger.ZERO, "0x01");
        DecodedTx tx = new TxDecoder(chainId).decode(TxFixtures.signedLegacy(chainId, unsigned));

        assertThat(tx.nonce()).isEqualTo(Long.MAX_VALUE);
        assertThat(tx.v()).isEqualTo(chainId * 2 + 35 + tx.recId());
        assertThat(SenderRecoveries.best().recover(tx)).isEqualTo(ALICE_ADDRESS);
    }

    @Test
    void decodedTx_equalityFollowsRawBytes() {
        byte[] raw = TxFixtures.payment1559();
        assertThat(decoder.decode(raw)).isEqualTo(decoder.decode(raw.clone()))
                .hasSameHashCodeAs(decoder.decode(raw.clone()))
                .isNotEqualTo(decoder.decode(TxFixtures.paymentLegacy()));
    }

    @Test
    void constructor_refusesChainIdOutsideRange() {
        assertThatThrownBy(() -> new TxDecoder(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TxDecoder(TxDecoder.MAX_CHAIN_ID + 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static void assertSignatureMatchesWeb3j(DecodedTx tx, byte[] raw, int web3jVOffset) {
        SignedRawTransaction reference = (SignedRawTransaction) TransactionDecoder.decode(Numeric.toHexString(raw));
        assertThat(tx.r()).isEqualTo(reference.getSignatureData().getR());
        assertThat(tx.s()).isEqualTo(reference.getSignatureData().getS());
        long web3jV = Numeric.toBigInt(reference.getSignatureData().getV()).longValueExact();
        assertThat(tx.v()).isEqualTo(web3jV - web3jVOffset);
    }
}
