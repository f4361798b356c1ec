package org.targetedmoney.policy.abi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.targetedmoney.policy.LedgerFixture.ALICE;
import static org.targetedmoney.policy.LedgerFixture.BOB;
import static org.targetedmoney.policy.LedgerFixture.FOOD;
import static org.targetedmoney.policy.LedgerFixture.GROCER;
import static org.targetedmoney.policy.abi.Web3.address;
import static org.targetedmoney.policy.abi.Web3.callData;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.targetedmoney.policy.LedgerFixture;
import org.targetedmoney.policy.call.Call;
import org.targetedmoney.policy.model.Address;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Bool;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint32;
import org.web3j.abi.datatypes.generated.Uint8;
import org.web3j.abi.datatypes.Type;

/** eth_call answers decode with web3j into what the ledger holds. */
class ViewsTest {
    private final LedgerFixture ledger = LedgerFixture.fresh();

    @BeforeEach
    void aliceSpentSomeFoodAtTheGrocer() {
        ledger.enrol(ALICE, "FR-OCC-34-172", 2).convention(GROCER, "FR-OCC-34", FOOD);
        ledger.openEpochs(0, 1);
        ledger.pay(ALICE, GROCER, FOOD, 30_000);
        ledger.ok(GROCER, new Call.Redeem(FOOD, 10_000));
    }

    @SuppressWarnings("rawtypes")
    private List<Object> view(List<TypeReference<?>> returns, String name, Type... args) throws AbiException {
        return Web3.decode(Views.call(ledger.state, ledger.timeEpoch(), SystemContracts.LEDGER,
                callData(name, args)), returns);
    }

    @SuppressWarnings("rawtypes")
    private List<Object> token(int purpose, List<TypeReference<?>> returns, String name, Type... args)
            throws AbiException {
        return Web3.decode(Views.call(ledger.state, ledger.timeEpoch(), SystemContracts.tokenAddress(purpose),
                callData(name, args)), returns);
    }

    private static final TypeReference<?> UINT = new TypeReference<Uint256>() {};
    private static final TypeReference<?> STRING = new TypeReference<Utf8String>() {};
    private static final TypeReference<?> BOOL = new TypeReference<Bool>() {};

    @Test
    void balanceOf_member_isTheLiveCreditMaterialisedOrNot() throws Exception {
        assertThat(view(List.of(UINT), "balanceOf", address(ALICE), new Uint32(FOOD))).containsExactly(20_000L);
        assertThat(view(List.of(UINT), "balanceOf", address(BOB), new Uint32(FOOD))).containsExactly(0L);
    }

    @Test
    void balanceOf_provider_isWhatItHasNotRedeemed() throws Exception {
        assertThat(view(List.of(UINT), "balanceOf", address(GROCER), new Uint32(FOOD))).containsExactly(20_000L);
    }

    @Test
    void bucketsOf_listsEpochsAmountsAndExpiriesOldestFirst() throws Exception {
        ledger.open(2);

        List<Object> buckets = view(List.of(new TypeReference<DynamicArray<Uint32>>() {},
                new TypeReference<DynamicArray<Uint256>>() {}, new TypeReference<DynamicArray<Uint32>>() {}),
                "bucketsOf", address(ALICE), new Uint32(FOOD));

        assertThat(buckets).containsExactly(List.of(1L, 2L), List.of(20_000L, 25_000L), List.of(4L, 5L));
    }

    @Test
    void memberOf_enrolledAndNot() throws Exception {
        List<TypeReference<?>> member = List.of(BOOL, STRING, new TypeReference<Uint8>() {},
                new TypeReference<Uint32>() {});

        assertThat(view(member, "memberOf", address(ALICE))).containsExactly(true, "FR-OCC-34-172", 2L, 0L);
        assertThat(view(member, "memberOf", address(BOB))).containsExactly(false, "", 0L, 0L);
    }

    @Test
    void purposeInfo_givesSymbolNameAndTokenAddress() throws Exception {
        List<Object> info = view(List.of(STRING, STRING, new TypeReference<org.web3j.abi.datatypes.Address>() {}),
                "purposeInfo", new Uint32(FOOD));

        assertThat(info).containsExactly("FOOD", "Food social security", SystemContracts.tokenAddress(FOOD).toHex());
    }

    @Test
    void purposeInfo_unknownPurpose_isRefused() {
        assertThatThrownBy(() -> view(List.of(STRING), "purposeInfo", new Uint32(99)))
                .isInstanceOf(AbiException.class).hasMessageStartingWith("UNKNOWN_PURPOSE");
    }

    @Test
    void purposeTotals_matchTheRunningTotals() throws Exception {
        assertThat(view(List.of(UINT, UINT, UINT, UINT, UINT, UINT), "purposeTotals", new Uint32(FOOD)))
                .containsExactly(50_000L, 30_000L, 10_000L, 0L, 20_000L, 20_000L);
    }

    @Test
    void currentEpoch_givesBlockTimeEpochAndLastOpened() throws Exception {
        ledger.atEpoch(5);

        assertThat(view(List.of(new TypeReference<Uint32>() {}, new TypeReference<Uint32>() {}), "currentEpoch"))
                .containsExactly(5L, 1L);
    }

    @Test
    void rolesOf_andConventionOf() throws Exception {
        assertThat(view(List.of(new TypeReference<Uint8>() {}, STRING), "rolesOf", address(LedgerFixture.COMMITTEE_34)))
                .containsExactly(4L, "FR-OCC-34");
        assertThat(view(List.of(BOOL, STRING, UINT, UINT, BOOL), "conventionOf", address(GROCER), new Uint32(FOOD)))
                .containsExactly(true, "FR-OCC-34", 0L, 1000L, false);
    }

    @Test
    void criteriaProfilesAndRevocation_readAsTheLedgerHoldsThem() throws Exception {
        TypeReference<?> uint8 = new TypeReference<Uint8>() {};
        ledger.ok(LedgerFixture.AUTHORITY, new Call.AddCriterion("ORGANIC_SUPPLY", "Organic supply"));
        ledger.ok(LedgerFixture.AUTHORITY, new Call.AddCriterion("LOCAL_SUPPLY", "Local supply"));
        ledger.ok(LedgerFixture.AUTHORITY, new Call.DescribeProvider(GROCER, "Épicerie du port", "grocer", 0b10));

        assertThat(view(List.of(uint8), "criterionCount")).containsExactly(2L);
        assertThat(view(List.of(BOOL, STRING, STRING), "criterionInfo", new Uint8(1)))
                .containsExactly(true, "LOCAL_SUPPLY", "Local supply");
        assertThat(view(List.of(BOOL, STRING, STRING), "criterionInfo", new Uint8(2))).containsExactly(false, "", "");
        assertThat(view(List.of(BOOL, STRING, STRING, UINT), "providerProfile", address(GROCER)))
                .containsExactly(true, "Épicerie du port", "grocer", 2L);
        assertThat(view(List.of(BOOL, STRING, STRING, UINT), "providerProfile", address(BOB)))
                .containsExactly(false, "", "", 0L);
        assertThat(view(List.of(BOOL), "conventionRevoked", address(GROCER), new Uint32(FOOD))).containsExactly(false);

        ledger.ok(LedgerFixture.AUTHORITY, new Call.RevokeConvention(GROCER, FOOD));

        assertThat(view(List.of(BOOL), "conventionRevoked", address(GROCER), new Uint32(FOOD))).containsExactly(true);
        assertThat(view(List.of(BOOL), "conventionRevoked", address(BOB), new Uint32(FOOD))).containsExactly(false);
    }

    @Test
    void attestationOfAndSettlementTotals_readWhatTheBridgeAttested() throws Exception {
        TypeReference<?> uint64 = new TypeReference<org.web3j.abi.datatypes.generated.Uint64>() {};
        List<TypeReference<?>> attestation = List.of(BOOL, STRING, STRING, UINT, UINT, UINT, UINT, uint64, uint64,
                uint64, new TypeReference<org.web3j.abi.datatypes.Address>() {});
        List<TypeReference<?>> totals = List.of(UINT, UINT, UINT, UINT, uint64);
        byte[] hash = new byte[32];
        java.util.Arrays.fill(hash, (byte) 0x5a);
        var batchHash = new org.web3j.abi.datatypes.generated.Bytes32(hash);

        assertThat(view(attestation, "attestationOf", batchHash)).containsExactly(false, "", "", 0L, 0L, 0L, 0L, 0L,
                0L, 0L, Address.ZERO.toHex());
        assertThat(view(totals, "settlementTotals")).containsExactly(0L, 0L, 0L, 0L, 0L);

        ledger.ok(LedgerFixture.AUTHORITY, new Call.GrantRole(LedgerFixture.BRIDGE,
                org.targetedmoney.policy.model.Role.BRIDGE.bit(), ""));
        ledger.ok(LedgerFixture.BRIDGE, new Call.AttestSettlement("5a".repeat(32), "B-2026-11-0001", "2026-11", 10_000,
                6_000, 3_000, 1_000, 4, 2, 3));

        assertThat(view(attestation, "attestationOf", batchHash)).containsExactly(true, "B-2026-11-0001", "2026-11",
                10_000L, 6_000L, 3_000L, 1_000L, 4L, 2L, 3L, LedgerFixture.BRIDGE.toHex());
        assertThat(view(totals, "settlementTotals")).containsExactly(10_000L, 6_000L, 3_000L, 1_000L, 1L);
    }

    @Test
    void token_nameSymbolDecimalsSupplyAndBalance() throws Exception {
        assertThat(token(FOOD, List.of(STRING), "name")).containsExactly("Food social security");
        assertThat(token(FOOD, List.of(STRING), "symbol")).containsExactly("FOOD");
        assertThat(token(FOOD, List.of(new TypeReference<Uint8>() {}), "decimals")).containsExactly(2L);
        assertThat(token(FOOD, List.of(UINT), "totalSupply")).as("issued - redeemed - expired")
                .containsExactly(40_000L);
        assertThat(token(FOOD, List.of(UINT), "balanceOf", address(ALICE))).containsExactly(20_000L);
        assertThat(token(FOOD, List.of(UINT), "balanceOf", address(GROCER))).containsExactly(20_000L);
    }

    @Test
    void token_ofAnUnknownPurpose_isRefused() {
        assertThatThrownBy(() -> token(77, List.of(STRING), "name")).isInstanceOf(AbiException.class)
                .hasMessageStartingWith("UNKNOWN_PURPOSE");
    }

    @Test
    void stateChangingFunction_calledAsAView_isRefused() {
        assertThatThrownBy(() -> view(List.of(), "openEpoch", new Uint32(2))).isInstanceOf(AbiException.class)
                .hasMessageContaining("send it as a transaction");
    }

    @Test
    void viewOfAnAddressThatIsNoSystemContract_isRefused() {
        assertThatThrownBy(() -> Views.call(ledger.state, 0, Address.ZERO, callData("purposeCount")))
                .isInstanceOf(AbiException.class).hasMessageContaining("not a system contract");
    }
}
