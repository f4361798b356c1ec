package org.targetedmoney.policy.abi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.targetedmoney.policy.abi.Web3.address;
import static org.targetedmoney.policy.abi.Web3.callData;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.targetedmoney.policy.LedgerFixture;
import org.targetedmoney.policy.call.Call;
import org.targetedmoney.policy.model.Address;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint32;
import org.web3j.abi.datatypes.generated.Uint64;
import org.web3j.abi.datatypes.generated.Uint8;

/** Call data as web3j (hence ethers, hardhat...) encodes it decodes to the intended call; anything else is refused at the door. */
class CallDecoderTest {
    private static final Address LEDGER = SystemContracts.LEDGER;
    private static final Address ALICE = LedgerFixture.ALICE;
    private static final Address GROCER = LedgerFixture.GROCER;

    private static Call decode(byte[] data) throws AbiException {
        return CallDecoder.decode(LEDGER, data);
    }

    @ParameterizedTest
    @EnumSource(LedgerFunction.class)
    void everyLedgerFunction_hasTheSelectorWeb3jComputes(LedgerFunction f) {
        assertThat(f.selector()).isEqualTo(Web3.selector(f.signature()));
    }

    @ParameterizedTest
    @EnumSource(TokenFunction.class)
    void everyTokenFunction_hasTheSelectorWeb3jComputes(TokenFunction f) {
        assertThat(f.selector()).isEqualTo(Web3.selector(f.signature()));
    }

    @Test
    void selector_ofTheErc20BalanceOf_isTheWellKnownOne() {
        assertThat(TokenFunction.BALANCE_OF.selector()).isEqualTo(0x70a08231);
    }

    // ---------------------------------------------------------------- every state-changing function

    @Test
    void grantRole_decodes() throws Exception {
        assertThat(decode(callData("grantRole", address(ALICE), new Uint8(2), new Utf8String("FR-OCC-34"))))
                .isEqualTo(new Call.GrantRole(ALICE, 2, "FR-OCC-34"));
    }

    @Test
    void revokeRole_decodes() throws Exception {
        assertThat(decode(callData("revokeRole", address(ALICE), new Uint8(1))))
                .isEqualTo(new Call.RevokeRole(ALICE, 1));
    }

    @Test
    void addPurpose_decodesTwoStringsIncludingMultiByteUtf8() throws Exception {
        assertThat(decode(callData("addPurpose", new Utf8String("ENERGY"), new Utf8String("Énergie renouvelable"))))
                .isEqualTo(new Call.AddPurpose("ENERGY", "Énergie renouvelable"));
    }

    @Test
    void addTerritory_decodes() throws Exception {
        assertThat(decode(callData("addTerritory", new Utf8String("FR-OCC-34-172"))))
                .isEqualTo(new Call.AddTerritory("FR-OCC-34-172"));
    }

    @Test
    void setAllowancePolicy_decodesTheAmountArray() throws Exception {
        byte[] data = callData("setAllowancePolicy", new Uint32(1),
                new DynamicArray<>(Uint256.class, new Uint256(15_000), new Uint256(25_000), new Uint256(32_000)),
                new Uint32(3), new Uint32(683));

        assertThat(decode(data)).isEqualTo(new Call.SetAllowancePolicy(1, List.of(15_000L, 25_000L, 32_000L), 3, 683));
    }

    @Test
    void openEpoch_decodes() throws Exception {
        assertThat(decode(callData("openEpoch", new Uint32(682)))).isEqualTo(new Call.OpenEpoch(682));
    }

    @Test
    void enrolMember_decodes() throws Exception {
        assertThat(decode(callData("enrolMember", address(ALICE), new Utf8String("FR-IDF-75"), new Uint8(4))))
                .isEqualTo(new Call.EnrolMember(ALICE, "FR-IDF-75", 4));
    }

    @Test
    void enrolMembers_decodesTheAddressArray() throws Exception {
        byte[] data = callData("enrolMembers", new DynamicArray<>(org.web3j.abi.datatypes.Address.class,
                address(ALICE), address(GROCER)), new Utf8String("FR-OCC-34"), new Uint8(2));

        assertThat(decode(data)).isEqualTo(new Call.EnrolMembers(List.of(ALICE, GROCER), "FR-OCC-34", 2));
    }

    @Test
    void enrolMembers_longerThanTheBulkLimit_isRefusedAtTheDoor() {
        List<org.web3j.abi.datatypes.Address> many = java.util.Collections.nCopies(
                org.targetedmoney.policy.rules.Limits.MAX_BULK_ENROLMENT + 1, address(ALICE));
        byte[] data = callData("enrolMembers", new DynamicArray<>(org.web3j.abi.datatypes.Address.class, many),
                new Utf8String("FR"), new Uint8(1));

        assertThatThrownBy(() -> decode(data)).isInstanceOf(AbiException.class).hasMessageContaining("501 elements");
    }

    @Test
    void conventionProvider_decodesThePurposeArray() throws Exception {
        byte[] data = callData("conventionProvider", address(GROCER),
                new DynamicArray<>(Uint32.class, new Uint32(1), new Uint32(3)), new Utf8String("FR-OCC-34"),
                new Uint32(680), new Uint32(700));

        assertThat(decode(data)).isEqualTo(new Call.ConventionProvider(GROCER, List.of(1, 3), "FR-OCC-34", 680, 700));
    }

    @Test
    void suspendAndResumeConvention_decode() throws Exception {
        assertThat(decode(callData("suspendConvention", address(GROCER), new Uint32(1))))
                .isEqualTo(new Call.SuspendConvention(GROCER, 1));
        assertThat(decode(callData("resumeConvention", address(GROCER), new Uint32(1))))
                .isEqualTo(new Call.ResumeConvention(GROCER, 1));
    }

    @Test
    void revokeConvention_decodes() throws Exception {
        assertThat(decode(callData("revokeConvention", address(GROCER), new Uint32(2))))
                .isEqualTo(new Call.RevokeConvention(GROCER, 2));
    }

    @Test
    void addCriterion_decodes() throws Exception {
        assertThat(decode(callData("addCriterion", new Utf8String("LOW_CARBON"), new Utf8String("Bas carbone"))))
                .isEqualTo(new Call.AddCriterion("LOW_CARBON", "Bas carbone"));
    }

    @Test
    void describeProvider_decodesNameSpecialtyAndTheFullUint32Mask() throws Exception {
        byte[] data = callData("describeProvider", address(GROCER), new Utf8String("Épicerie du port"),
                new Utf8String("grocer"), new Uint32(0x8000_0005L));

        assertThat(decode(data)).isEqualTo(new Call.DescribeProvider(GROCER, "Épicerie du port", "grocer",
                0x8000_0005));
    }

    @Test
    void describeProvider_maskAboveUint32_isRefused() {
        byte[] data = callData("describeProvider", address(GROCER), new Utf8String("x"), new Utf8String(""),
                new Uint32(1));
        data[4 + 3 * 32 + 27] = 1; // the mask word now holds 2^32 + 1

        assertThatThrownBy(() -> decode(data)).isInstanceOf(AbiException.class).hasMessageContaining("describeProvider")
                .hasMessageContaining("uint32");
    }

    @Test
    void pay_decodesAmountAndReference() throws Exception {
        byte[] ref = LedgerFixture.ref(42);

        assertThat(decode(callData("pay", address(GROCER), new Uint32(1), new Uint256(12_345), new Bytes32(ref))))
                .isEqualTo(new Call.Pay(GROCER, 1, 12_345, ref));
    }

    @Test
    void pay_largestAmount_is2pow63minus1() throws Exception {
        byte[] data = callData("pay", address(GROCER), new Uint32(1), new Uint256(Long.MAX_VALUE),
                new Bytes32(new byte[32]));

        assertThat(((Call.Pay) decode(data)).amountCents()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void redeem_decodes() throws Exception {
        assertThat(decode(callData("redeem", new Uint32(2), new Uint256(500)))).isEqualTo(new Call.Redeem(2, 500));
    }

    @Test
    void attestSettlement_decodesTheHashAsLowerCaseHex_andEveryFigure() throws Exception {
        byte[] hash = new byte[32];
        hash[0] = (byte) 0xAB;
        hash[31] = 0x01;
        byte[] data = callData("attestSettlement", new Bytes32(hash), new Utf8String("B-2026-11-0001"),
                new Utf8String("2026-11"), new Uint256(10_000), new Uint256(6_000), new Uint256(3_000),
                new Uint256(1_000), new Uint64(4), new Uint64(17), new Uint64(42));

        assertThat(decode(data)).isEqualTo(new Call.AttestSettlement("ab" + "00".repeat(30) + "01", "B-2026-11-0001",
                "2026-11", 10_000, 6_000, 3_000, 1_000, 4, 17, 42));
    }

    @Test
    void attestSettlement_blockAbove2pow63minus1_isRefused() {
        byte[] data = callData("attestSettlement", new Bytes32(new byte[32]), new Utf8String("B"),
                new Utf8String("W"), new Uint256(1), new Uint256(1), new Uint256(0), new Uint256(0), new Uint64(1),
                new Uint64(1), new Uint64(BigInteger.ONE.shiftLeft(63)));

        assertThatThrownBy(() -> decode(data)).isInstanceOf(AbiException.class).hasMessageContaining("argument 9");
    }

    // ---------------------------------------------------------------- refused at the door

    @Test
    void amountOf2pow63_isRefused() {
        byte[] data = callData("redeem", new Uint32(1), new Uint256(BigInteger.ONE.shiftLeft(63)));

        assertThatThrownBy(() -> decode(data)).isInstanceOf(AbiException.class)
                .hasMessageContaining("redeem").hasMessageContaining("argument 1").hasMessageContaining("2^63-1");
    }

    @Test
    void amountOf2pow255_isRefused() {
        byte[] data = callData("redeem", new Uint32(1), new Uint256(BigInteger.ONE.shiftLeft(255)));

        assertThatThrownBy(() -> decode(data)).isInstanceOf(AbiException.class).hasMessageContaining("2^63-1");
    }

    @Test
    void uint32Above2pow31minus1_isRefused() {
        byte[] data = callData("openEpoch", new Uint32(BigInteger.ONE.shiftLeft(31)));

        assertThatThrownBy(() -> decode(data)).isInstanceOf(AbiException.class).hasMessageContaining("openEpoch")
                .hasMessageContaining("exceeds");
    }

    @Test
    void uint8Above255_isRefused() {
        byte[] data = callData("revokeRole", address(ALICE), new Uint8(1));
        data[4 + 32 + 30] = 1; // the role word now holds 257

        assertThatThrownBy(() -> decode(data)).isInstanceOf(AbiException.class).hasMessageContaining("uint8");
    }

    @Test
    void addressWithNonZeroUpperBytes_isRefused() {
        byte[] data = callData("suspendConvention", address(GROCER), new Uint32(1));
        data[4] = 1;

        assertThatThrownBy(() -> decode(data)).isInstanceOf(AbiException.class)
                .hasMessageContaining("argument 0").hasMessageContaining("not an address");
    }

    @Test
    void truncatedData_isRefused() {
        byte[] data = callData("pay", address(GROCER), new Uint32(1), new Uint256(1), new Bytes32(new byte[32]));

        for (int cut : new int[] {1, 31, 32, 100}) {
            assertThatThrownBy(() -> decode(Arrays.copyOf(data, data.length - cut)))
                    .isInstanceOf(AbiException.class).hasMessageContaining("truncated");
        }
    }

    @Test
    void truncatedString_isRefused() {
        byte[] data = callData("addTerritory", new Utf8String("FR-OCC-34"));

        assertThatThrownBy(() -> decode(Arrays.copyOf(data, data.length - 32)))
                .isInstanceOf(AbiException.class).hasMessageContaining("truncated");
    }

    @Test
    void dataWithoutSelector_isRefused() {
        assertThatThrownBy(() -> decode(new byte[] {1, 2, 3})).isInstanceOf(AbiException.class)
                .hasMessageContaining("selector");
        assertThatThrownBy(() -> decode(new byte[0])).isInstanceOf(AbiException.class)
                .hasMessageContaining("selector");
    }

    @Test
    void unknownSelector_isRefusedAndNamed() {
        byte[] data = callData("transfer", address(ALICE), new Uint256(1));

        assertThatThrownBy(() -> decode(data)).isInstanceOf(AbiException.class)
                .hasMessageContaining("unknown function selector 0xa9059cbb");
    }

    @Test
    void stringOffsetOutsideTheData_isRefused() {
        byte[] data = callData("addTerritory", new Utf8String("FR"));
        data[4 + 31] = (byte) 0xE0; // offset 0xE0: past the end

        assertThatThrownBy(() -> decode(data)).isInstanceOf(AbiException.class)
                .hasMessageContaining("addTerritory").hasMessageContaining("argument 0");
    }

    @Test
    void stringOffsetNear2pow31_isRefusedNotAnIndexError() {
        byte[] data = callData("addTerritory", new Utf8String("FR"));
        byte[] offset = {0x7F, (byte) 0xFF, (byte) 0xFF, (byte) 0xF0};
        System.arraycopy(offset, 0, data, 4 + 28, 4);

        assertThatThrownBy(() -> decode(data)).isInstanceOf(AbiException.class)
                .hasMessageContaining("argument 0");
    }

    @Test
    void stringLongerThan256Bytes_isRefused() {
        byte[] data = callData("addTerritory", new Utf8String("A".repeat(257)));

        assertThatThrownBy(() -> decode(data)).isInstanceOf(AbiException.class).hasMessageContaining("256");
    }

    @Test
    void invalidUtf8_isRefused() {
        byte[] data = callData("addTerritory", new Utf8String("FR"));
        data[4 + 64] = (byte) 0xC3; // a lead byte followed by 'R'

        assertThatThrownBy(() -> decode(data)).isInstanceOf(AbiException.class).hasMessageContaining("UTF-8");
    }

    @Test
    void arrayLongerThan64_isRefused() {
        Uint32[] many = new Uint32[65];
        Arrays.fill(many, new Uint32(1));
        byte[] data = callData("conventionProvider", address(GROCER), new DynamicArray<>(Uint32.class, many),
                new Utf8String("FR"), new Uint32(0), new Uint32(1));

        assertThatThrownBy(() -> decode(data)).isInstanceOf(AbiException.class).hasMessageContaining("64");
    }

    @Test
    void callToAnAddressThatIsNoSystemContract_isRefused() {
        byte[] data = callData("openEpoch", new Uint32(1));

        assertThatThrownBy(() -> CallDecoder.decode(ALICE, data)).isInstanceOf(AbiException.class)
                .hasMessageContaining(ALICE.toString()).hasMessageContaining("not a system contract");
    }

    @ParameterizedTest
    @EnumSource(value = LedgerFunction.class, mode = EnumSource.Mode.MATCH_ALL, names = ".*")
    void viewSentAsATransaction_isRefusedAsReadOnly(LedgerFunction f) {
        if (!f.isView()) {
            return;
        }
        byte[] data = new byte[4 + 64];
        data[0] = (byte) (f.selector() >>> 24);
        data[1] = (byte) (f.selector() >>> 16);
        data[2] = (byte) (f.selector() >>> 8);
        data[3] = (byte) f.selector();

        assertThatThrownBy(() -> decode(data)).isInstanceOf(AbiException.class)
                .hasMessageStartingWith("READ_ONLY: " + f.shortName());
    }

    @Test
    void transactionToAPurposeToken_isRefusedAsReadOnly() {
        byte[] data = callData("transfer", address(ALICE), new Uint256(1));

        assertThatThrownBy(() -> CallDecoder.decode(SystemContracts.tokenAddress(1), data))
                .isInstanceOf(AbiException.class).hasMessageStartingWith("READ_ONLY:");
    }

    @Test
    void tokenAddresses_encodeThePurposeInTheirLastBytes() {
        assertThat(SystemContracts.tokenAddress(1).toHex()).isEqualTo("0x0000000000000000000000000000000020000001");
        assertThat(SystemContracts.purposeOfToken(SystemContracts.tokenAddress(70_000))).isEqualTo(70_000);
        assertThat(SystemContracts.purposeOfToken(LEDGER)).isEqualTo(-1);
        assertThat(SystemContracts.purposeOfToken(Address.fromHex("0x0000000000000000000000000000000020000000")))
                .isEqualTo(-1);
    }
}
