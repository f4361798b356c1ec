package org.targetedmoney.node.tx;

import org.targetedmoney.policy.tx.TxDecoder;
import org.targetedmoney.policy.tx.TxRejectedException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.targetedmoney.node.tx.TxFixtures.CHAIN_ID;
import static org.targetedmoney.node.tx.TxFixtures.N;
import static org.targetedmoney.node.tx.TxFixtures.PAYMENT_DATA;
import static org.targetedmoney.node.tx.TxFixtures.SYSTEM_CONTRACT;
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
import java.util.List;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.rlp.RlpList;
import org.web3j.rlp.RlpString;
import org.web3j.rlp.RlpType;

/** Each refusal code, provoked by one hand-made defect in an otherwise valid transaction. */
class TxDecoderRefusalTest {
    private final TxDecoder decoder = new TxDecoder(CHAIN_ID);

    private AbstractThrowableAssert<?, ? extends Throwable> assertRefused(byte[] raw,
            TxRejectedException.Code code) {
        return assertThatThrownBy(() -> decoder.decode(raw))
                .isInstanceOfSatisfying(TxRejectedException.class, e -> assertThat(e.code()).isEqualTo(code));
    }

    @Test
    void decode_legacySignedForOtherChain_refusedWrongChainId() {
        byte[] raw = TxFixtures.signedLegacy(5, TxFixtures.legacy(0, SYSTEM_CONTRACT, BigInteger.ZERO, "0x"));
        assertRefused(raw, WRONG_CHAIN_ID).hasMessage("chain id 5 does not match this ledger's chain id 1337");
    }

    @Test
    void decode_eip1559SignedForOtherChain_refusedWrongChainId() {
        byte[] raw = TxFixtures.signed1559(TxFixtures.eip1559(5, 0, SYSTEM_CONTRACT, BigInteger.ZERO, "0x"));
        assertRefused(raw, WRONG_CHAIN_ID).hasMessage("chain id 5 does not match this ledger's chain id 1337");
    }

    @Test
    void decode_eip1559ChainIdBeyondLong_refusedWrongChainId() {
        List<RlpType> fields = TxFixtures.fields(TxFixtures.payment1559());
        fields.set(0, RlpString.create(BigInteger.TWO.pow(70)));
        assertRefused(TxFixtures.typedOf(2, fields), WRONG_CHAIN_ID)
                .hasMessageContaining("chain id " + BigInteger.TWO.pow(70));
    }

    @Test
    void decode_legacyHighS_refusedHighS() {
        List<RlpType> fields = TxFixtures.fields(TxFixtures.paymentLegacy());
        long v = TxFixtures.bigOf(fields.get(6)).longValueExact();
        long base = CHAIN_ID * 2 + 35;
        fields.set(6, RlpString.create(v == base ? base + 1 : base)); // flip the recovery id
        fields.set(8, RlpString.create(N.subtract(TxFixtures.bigOf(fields.get(8)))));
        assertRefused(TxFixtures.legacyOf(fields), HIGH_S).hasMessageContaining("above n/2");
    }

    @Test
    void decode_eip1559HighS_refusedHighS() {
        List<RlpType> fields = TxFixtures.fields(TxFixtures.payment1559());
        fields.set(9, RlpString.create(TxFixtures.bigOf(fields.get(9)).xor(BigInteger.ONE)));
        fields.set(11, RlpString.create(N.subtract(TxFixtures.bigOf(fields.get(11)))));
        assertRefused(TxFixtures.typedOf(2, fields), HIGH_S);
    }

    @Test
    void decode_preEip155V27_refusedNotReplayProtected() {
        byte[] raw = TransactionEncoder.signMessage(
                TxFixtures.legacy(0, SYSTEM_CONTRACT, BigInteger.ZERO, "0x"), TxFixtures.ALICE);
        assertThat(TxFixtures.bigOf(TxFixtures.fields(raw).get(6)).intValue()).isIn(27, 28);
        assertRefused(raw, NOT_REPLAY_PROTECTED).hasMessageStartingWith("replay-protected transactions only");
    }

    @ParameterizedTest
    @ValueSource(ints = {0x00, 0x01, 0x03, 0x04, 0x05, 0x7f})
    void decode_typedEnvelopeOtherThan2_refusedUnsupportedType(int type) {
        byte[] raw = TxFixtures.payment1559().clone();
        raw[0] = (byte) type;
        assertRefused(raw, UNSUPPORTED_TX_TYPE).hasMessageContaining("not supported");
    }

    @Test
    void decode_realEip2930Transaction_refusedNamingType1() {
        RawTransaction type1 = RawTransaction.createTransaction(CHAIN_ID, BigInteger.ONE, BigInteger.ZERO,
                BigInteger.valueOf(90_000), SYSTEM_CONTRACT, BigInteger.ZERO, "0x", List.of());
        assertRefused(TransactionEncoder.signMessage(type1, TxFixtures.ALICE), UNSUPPORTED_TX_TYPE)
                .hasMessageContaining("EIP-2930").hasMessageContaining("type 1");
    }

    @Test
    void decode_truncated_refusedMalformedRlp() {
        byte[] raw = TxFixtures.payment1559();
        for (int cut : new int[] {1, 2, 10, raw.length - 1}) {
            assertRefused(Arrays.copyOf(raw, cut), MALFORMED_RLP);
        }
        assertRefused(Arrays.copyOf(TxFixtures.paymentLegacy(), 40), MALFORMED_RLP);
    }

    @Test
    void decode_trailingBytes_refusedMalformedRlp() {
        assertRefused(TxFixtures.concat(TxFixtures.payment1559(), new byte[] {0}), MALFORMED_RLP)
                .hasMessageContaining("trailing");
        assertRefused(TxFixtures.concat(TxFixtures.paymentLegacy(), new byte[] {(byte) 0x80}), MALFORMED_RLP);
    }

    @Test
    void decode_leadingZeroInteger_refusedMalformedRlp() {
        List<RlpType> fields = TxFixtures.fields(TxFixtures.paymentLegacy());
        fields.set(0, RlpString.create(new byte[] {0, 7})); // nonce 7 written as 0x0007
        assertRefused(TxFixtures.legacyOf(fields), MALFORMED_RLP)
                .hasMessageStartingWith("nonce: ").hasMessageContaining("leading zero");
    }

    @Test
    void decode_zeroWrittenAsByte00_refusedMalformedRlp() {
        List<RlpType> fields = TxFixtures.fields(TxFixtures.payment1559());
        fields.set(6, RlpString.create(new byte[] {0})); // value 0 must be 0x80, not 0x00
        assertRefused(TxFixtures.typedOf(2, fields), MALFORMED_RLP).hasMessageStartingWith("value: ");
    }

    @Test
    void decode_nonShortestLengthPrefix_refusedMalformedRlp() {
        List<RlpType> fields = TxFixtures.fields(TxFixtures.paymentLegacy());
        byte[][] items = fields.stream().map(TxFixtures::encode).toArray(byte[][]::new);
        items[5] = new byte[] {(byte) 0xb8, 3, 1, 2, 3}; // 3 data bytes with a long-form length
        assertRefused(TxFixtures.listOfEncoded(items), MALFORMED_RLP).hasMessageContaining("long length");
        items[5] = new byte[] {(byte) 0x81, 0x05}; // one byte below 0x80 wrapped in a header
        assertRefused(TxFixtures.listOfEncoded(items), MALFORMED_RLP).hasMessageContaining("itself");
    }

    @Test
    void decode_emptyTo_refusedContractCreation() {
        byte[] raw = TxFixtures.signed1559(TxFixtures.eip1559(CHAIN_ID, 0, "", BigInteger.ZERO, "0x6001"));
        assertRefused(raw, CONTRACT_CREATION).hasMessageStartingWith("contract creation is not supported");
        byte[] legacy = TxFixtures.signedLegacy(CHAIN_ID, TxFixtures.legacy(0, "", BigInteger.ZERO, "0x6001"));
        assertRefused(legacy, CONTRACT_CREATION);
    }

    @Test
    void decode_nonZeroValue_refusedNativeValue() {
        byte[] raw = TxFixtures.signed1559(TxFixtures.eip1559(CHAIN_ID, 0, SYSTEM_CONTRACT, BigInteger.ONE, "0x"));
        assertRefused(raw, NATIVE_VALUE).hasMessageStartingWith(
                "native value transfers are not supported: amounts move through the system contract");
        byte[] legacy = TxFixtures.signedLegacy(CHAIN_ID,
                TxFixtures.legacy(0, SYSTEM_CONTRACT, BigInteger.TEN.pow(18), "0x"));
        assertRefused(legacy, NATIVE_VALUE);
    }

    @Test
    void decode_oversized_refusedTxTooLarge() {
        String data = "0x" + "ab".repeat(TxDecoder.MAX_RAW_TX_BYTES);
        byte[] raw = TxFixtures.signed1559(TxFixtures.eip1559(CHAIN_ID, 0, SYSTEM_CONTRACT, BigInteger.ZERO, data));
        assertRefused(raw, TX_TOO_LARGE).hasMessageContaining("exceeds the limit of 131072 bytes");
    }

    @Test
    void decode_exactlyMaxSize_accepted() {
        int max = TxDecoder.MAX_RAW_TX_BYTES;
        int dataLength = max - 200 + (max - signedWithData(max - 200).length);
        byte[] raw = signedWithData(dataLength);
        assertThat(raw).hasSize(max);
        assertThat(decoder.decode(raw).data()).hasSize(dataLength);
        assertRefused(signedWithData(dataLength + 1), TX_TOO_LARGE);
    }

    private static byte[] signedWithData(int length) {
        String data = "0x" + "cd".repeat(length);
        return TxFixtures.signed1559(TxFixtures.eip1559(CHAIN_ID, 0, SYSTEM_CONTRACT, BigInteger.ZERO, data));
    }

    @Test
    void decode_emptyOrNullOrByteString_refusedMalformedRlp() {
        assertRefused(new byte[0], MALFORMED_RLP).hasMessage("empty transaction");
        assertRefused(null, MALFORMED_RLP);
        assertRefused(new byte[] {(byte) 0x83, 1, 2, 3}, MALFORMED_RLP).hasMessageContaining("byte string");
    }

    @Test
    void decode_wrongFieldCount_refusedMalformedTx() {
        List<RlpType> fields = TxFixtures.fields(TxFixtures.paymentLegacy());
        fields.add(RlpString.create(1));
        assertRefused(TxFixtures.legacyOf(fields), MALFORMED_TX).hasMessage("a legacy transaction has 9 fields, got 10");
        List<RlpType> typed = TxFixtures.fields(TxFixtures.payment1559()).subList(0, 11);
        assertRefused(TxFixtures.typedOf(2, typed), MALFORMED_TX).hasMessageContaining("12 fields, got 11");
    }

    @Test
    void decode_toOf19Bytes_refusedMalformedTx() {
        List<RlpType> fields = TxFixtures.fields(TxFixtures.payment1559());
        fields.set(5, RlpString.create(new byte[19]));
        assertRefused(TxFixtures.typedOf(2, fields), MALFORMED_TX).hasMessage("'to' is 19 bytes, an address is 20");
    }

    @Test
    void decode_nonceOrGasLimitBeyond63Bits_refusedMalformedTx() {
        List<RlpType> fields = TxFixtures.fields(TxFixtures.paymentLegacy());
        fields.set(0, RlpString.create(BigInteger.ONE.shiftLeft(63)));
        assertRefused(TxFixtures.legacyOf(fields), MALFORMED_TX).hasMessageContaining("nonce");
        List<RlpType> typed = TxFixtures.fields(TxFixtures.payment1559());
        typed.set(4, RlpString.create(BigInteger.ONE.shiftLeft(64)));
        assertRefused(TxFixtures.typedOf(2, typed), MALFORMED_TX).hasMessageContaining("gasLimit");
    }

    @Test
    void decode_feeBeyond256Bits_refusedMalformedTx() {
        List<RlpType> fields = TxFixtures.fields(TxFixtures.payment1559());
        fields.set(3, RlpString.create(BigInteger.ONE.shiftLeft(256)));
        assertRefused(TxFixtures.typedOf(2, fields), MALFORMED_TX).hasMessageContaining("maxFeePerGas");
    }

    @Test
    void decode_malformedAccessList_refused() {
        List<RlpType> fields = TxFixtures.fields(TxFixtures.payment1559());
        RlpType badAddress = new RlpList(RlpString.create(new byte[19]), new RlpList());
        fields.set(8, new RlpList(badAddress));
        assertRefused(TxFixtures.typedOf(2, fields), MALFORMED_TX).hasMessageContaining("access list address");
        RlpType badKey = new RlpList(RlpString.create(new byte[20]), new RlpList(RlpString.create(new byte[31])));
        fields.set(8, new RlpList(badKey));
        assertRefused(TxFixtures.typedOf(2, fields), MALFORMED_TX).hasMessageContaining("storage key");
        fields.set(8, RlpString.create(1));
        assertRefused(TxFixtures.typedOf(2, fields), MALFORMED_RLP).hasMessageStartingWith("accessList: ");
    }

    @Test
    void decode_vNeitherEip155Nor27_refusedBadSignature() {
        List<RlpType> fields = TxFixtures.fields(TxFixtures.paymentLegacy());
        fields.set(6, RlpString.create(30));
        assertRefused(TxFixtures.legacyOf(fields), BAD_SIGNATURE).hasMessageContaining("v=30");
    }

    @Test
    void decode_yParityOtherThan0or1_refusedBadSignature() {
        List<RlpType> fields = TxFixtures.fields(TxFixtures.payment1559());
        fields.set(9, RlpString.create(2));
        assertRefused(TxFixtures.typedOf(2, fields), BAD_SIGNATURE).hasMessageContaining("yParity");
    }

    @Test
    void decode_rZeroOrNotBelowN_refusedBadSignature() {
        List<RlpType> fields = TxFixtures.fields(TxFixtures.payment1559());
        fields.set(10, RlpString.create(BigInteger.ZERO));
        assertRefused(TxFixtures.typedOf(2, fields), BAD_SIGNATURE).hasMessage("signature r is zero");
        fields.set(10, RlpString.create(N));
        assertRefused(TxFixtures.typedOf(2, fields), BAD_SIGNATURE).hasMessageContaining("not below");
        fields.set(10, RlpString.create(BigInteger.ONE.shiftLeft(256)));
        assertRefused(TxFixtures.typedOf(2, fields), BAD_SIGNATURE).hasMessageContaining("33 bytes");
    }

    @Test
    void decode_sNotBelowN_refusedBadSignatureNotHighS() {
        List<RlpType> fields = TxFixtures.fields(TxFixtures.paymentLegacy());
        fields.set(8, RlpString.create(N.add(BigInteger.ONE)));
        assertRefused(TxFixtures.legacyOf(fields), BAD_SIGNATURE);
    }

    @Test
    void decode_refusalMessagesAreShortForHugeFields() {
        List<RlpType> fields = TxFixtures.fields(TxFixtures.paymentLegacy());
        byte[] hugeNonce = new byte[5000];
        hugeNonce[0] = 1;
        fields.set(0, RlpString.create(hugeNonce));
        assertThatThrownBy(() -> decoder.decode(TxFixtures.legacyOf(fields)))
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(200).contains("5000 bytes"));
        List<RlpType> legacy = TxFixtures.fields(TxFixtures.paymentLegacy());
        legacy.set(6, RlpString.create(hugeNonce));
        assertRefused(TxFixtures.legacyOf(legacy), WRONG_CHAIN_ID)
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(200).contains("5000 bytes"));
        List<RlpType> typed = TxFixtures.fields(TxFixtures.payment1559());
        typed.set(0, RlpString.create(hugeNonce));
        assertRefused(TxFixtures.typedOf(2, typed), WRONG_CHAIN_ID)
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(200).contains("5000 bytes"));
    }

    @Test
    void fixtures_unspoiledTransactionsAreAdmissible() {
        // Guards the fixtures above: the unspoiled transactions they start from are admissible.
        assertThat(decoder.decode(TxFixtures.paymentLegacy()).data()).hasSize((PAYMENT_DATA.length() - 2) / 2);
        assertThat(decoder.decode(TxFixtures.payment1559()).data()).hasSize(4 + 4 * 32);
        byte[] resigned = TxFixtures.sign1559(TxFixtures.fields(TxFixtures.payment1559()).subList(0, 9));
        assertThat(decoder.decode(resigned).nonce()).isEqualTo(7);
    }
}
