package org.targetedmoney.policy.abi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.targetedmoney.policy.LedgerFixture.ALICE;
import static org.targetedmoney.policy.LedgerFixture.GROCER;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.targetedmoney.policy.LedgerFixture;
import org.targetedmoney.policy.model.Address;
import org.targetedmoney.policy.rules.LedgerEvent;
import org.web3j.abi.EventEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Event;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint32;
import org.web3j.abi.datatypes.generated.Uint64;
import org.web3j.abi.datatypes.generated.Uint8;
import org.web3j.utils.Numeric;

/** Ledger events become standard logs that web3j filters and decodes from the published ABI. */
class EventLogsTest {
    private static final TypeReference<org.web3j.abi.datatypes.Address> INDEXED_ADDRESS =
            new TypeReference<>(true) {};
    private static final TypeReference<Uint32> INDEXED_UINT32 = new TypeReference<>(true) {};

    private static String hex(byte[] b) {
        return Numeric.toHexString(b);
    }

    private static String word(Address a) {
        return hex(AbiWriter.word(a));
    }

    @Test
    void payment_isAPaymentLogOnTheLedgerAndATransferOnTheToken() {
        byte[] ref = LedgerFixture.ref(9);
        Event payment = new Event("Payment", List.of(INDEXED_ADDRESS, INDEXED_ADDRESS, INDEXED_UINT32,
                new TypeReference<Uint256>() {}, new TypeReference<Bytes32>() {},
                new TypeReference<org.web3j.abi.datatypes.generated.Uint32>() {}));
        Event transfer = new Event("Transfer", List.of(INDEXED_ADDRESS, INDEXED_ADDRESS,
                new TypeReference<Uint256>() {}));

        List<Log> logs = EventLogs.toLogs(new LedgerEvent.Payment(ALICE, GROCER, 1, 12_345, ref, 3));

        assertThat(logs).hasSize(2);
        Log log = logs.get(0);
        assertThat(log.address()).isEqualTo(SystemContracts.LEDGER);
        assertThat(log.topics()).extracting(EventLogsTest::hex).containsExactly(EventEncoder.encode(payment),
                word(ALICE), word(GROCER), hex(AbiWriter.word(1)));
        assertThat(Web3.decode(log.data(), List.copyOf(payment.getNonIndexedParameters())))
                .containsExactly(12_345L, java.util.Arrays.toString(ref), 3L);

        Log t = logs.get(1);
        assertThat(t.address()).isEqualTo(SystemContracts.tokenAddress(1));
        assertThat(t.topics()).extracting(EventLogsTest::hex).containsExactly(EventEncoder.encode(transfer),
                word(ALICE), word(GROCER));
        assertThat(Web3.decode(t.data(), List.of(new TypeReference<Uint256>() {}))).containsExactly(12_345L);
    }

    @Test
    void redeemed_isARedeemedLogAndATransferToTheZeroAddress() {
        Event redeemed = new Event("Redeemed", List.of(INDEXED_ADDRESS, INDEXED_UINT32,
                new TypeReference<Uint256>() {}, new TypeReference<Uint64>() {}));

        List<Log> logs = EventLogs.toLogs(new LedgerEvent.Redeemed(GROCER, 1, 500, 7));

        assertThat(hex(logs.get(0).topics().get(0))).isEqualTo(EventEncoder.encode(redeemed));
        assertThat(Web3.decode(logs.get(0).data(), List.copyOf(redeemed.getNonIndexedParameters())))
                .containsExactly(500L, 7L);
        assertThat(logs.get(1).topics().get(2)).isEqualTo(AbiWriter.word(Address.ZERO));
    }

    @Test
    void issuedAndExpired_indexEpochAndPurpose() {
        Event issued = new Event("Issued", List.of(INDEXED_UINT32, INDEXED_UINT32, new TypeReference<Uint256>() {},
                new TypeReference<Uint64>() {}));
        Event expired = new Event("Expired", List.of(INDEXED_UINT32, INDEXED_UINT32, new TypeReference<Uint256>() {}));

        Log i = EventLogs.toLogs(new LedgerEvent.Issued(682, 1, 15_000_000, 1_000)).get(0);
        Log e = EventLogs.toLogs(new LedgerEvent.Expired(679, 1, 1_234)).get(0);

        assertThat(i.topics()).extracting(EventLogsTest::hex).containsExactly(EventEncoder.encode(issued),
                hex(AbiWriter.word(682)), hex(AbiWriter.word(1)));
        assertThat(Web3.decode(i.data(), List.copyOf(issued.getNonIndexedParameters())))
                .containsExactly(15_000_000L, 1_000L);
        assertThat(hex(e.topics().get(0))).isEqualTo(EventEncoder.encode(expired));
        assertThat(Web3.decode(e.data(), List.copyOf(expired.getNonIndexedParameters()))).containsExactly(1_234L);
    }

    @Test
    void roleGranted_andMemberEnrolled_carryStringsInTheirData() {
        Event granted = new Event("RoleGranted", List.of(INDEXED_ADDRESS, new TypeReference<Uint8>() {},
                new TypeReference<Utf8String>() {}));
        Event enrolled = new Event("MemberEnrolled", List.of(INDEXED_ADDRESS, new TypeReference<Utf8String>() {},
                new TypeReference<Uint8>() {}, new TypeReference<Uint32>() {}));

        Log g = EventLogs.toLogs(new LedgerEvent.RoleGranted(ALICE, 2, "FR-OCC-34")).get(0);
        Log m = EventLogs.toLogs(new LedgerEvent.MemberEnrolled(ALICE, "FR-IDF-75", 3, 683)).get(0);

        assertThat(hex(g.topics().get(0))).isEqualTo(EventEncoder.encode(granted));
        assertThat(Web3.decode(g.data(), List.copyOf(granted.getNonIndexedParameters())))
                .containsExactly(2L, "FR-OCC-34");
        assertThat(hex(m.topics().get(0))).isEqualTo(EventEncoder.encode(enrolled));
        assertThat(Web3.decode(m.data(), List.copyOf(enrolled.getNonIndexedParameters())))
                .containsExactly("FR-IDF-75", 3L, 683L);
    }

    @Test
    void policyChanged_carriesTheAmountArray() {
        Event changed = new Event("PolicyChanged", List.of(INDEXED_UINT32, new TypeReference<Uint32>() {},
                new TypeReference<Uint32>() {},
                new TypeReference<org.web3j.abi.datatypes.DynamicArray<Uint256>>() {},
                new TypeReference<Uint32>() {}));

        Log p = EventLogs.toLogs(new LedgerEvent.PolicyChanged(1, 2, 690, List.of(15_000L, 25_000L), 3)).get(0);

        assertThat(hex(p.topics().get(0))).isEqualTo(EventEncoder.encode(changed));
        assertThat(Web3.decode(p.data(), List.copyOf(changed.getNonIndexedParameters())))
                .containsExactly(2L, 690L, List.of(15_000L, 25_000L), 3L);
    }

    @Test
    void directoryEvents_decodeWithWeb3j() {
        Event revoked = new Event("ConventionRevoked", List.of(INDEXED_ADDRESS, INDEXED_UINT32));
        Event added = new Event("CriterionAdded", List.of(new TypeReference<Uint8>(true) {},
                new TypeReference<Utf8String>() {}, new TypeReference<Utf8String>() {}));
        Event described = new Event("ProviderDescribed", List.of(INDEXED_ADDRESS, new TypeReference<Utf8String>() {},
                new TypeReference<Utf8String>() {}, new TypeReference<Uint32>() {}));

        Log r = EventLogs.toLogs(new LedgerEvent.ConventionRevoked(GROCER, 2)).get(0);
        Log a = EventLogs.toLogs(new LedgerEvent.CriterionAdded(3, "LOW_CARBON", "Bas carbone")).get(0);
        Log d = EventLogs.toLogs(new LedgerEvent.ProviderDescribed(GROCER, "Épicerie", "grocer", 0x8000_0001)).get(0);

        assertThat(r.topics()).extracting(EventLogsTest::hex).containsExactly(EventEncoder.encode(revoked),
                word(GROCER), hex(AbiWriter.word(2)));
        assertThat(r.data()).isEmpty();
        assertThat(a.topics()).extracting(EventLogsTest::hex).containsExactly(EventEncoder.encode(added),
                hex(AbiWriter.word(3)));
        assertThat(Web3.decode(a.data(), List.copyOf(added.getNonIndexedParameters())))
                .containsExactly("LOW_CARBON", "Bas carbone");
        assertThat(d.topics()).extracting(EventLogsTest::hex).containsExactly(EventEncoder.encode(described),
                word(GROCER));
        assertThat(Web3.decode(d.data(), List.copyOf(described.getNonIndexedParameters())))
                .containsExactly("Épicerie", "grocer", 0x8000_0001L);
    }

    @Test
    void settlementAttested_indexesHashAndBridge_andCarriesTheFigures() {
        Event attested = new Event("SettlementAttested", List.of(new TypeReference<Bytes32>(true) {}, INDEXED_ADDRESS,
                new TypeReference<Utf8String>() {}, new TypeReference<Utf8String>() {}, new TypeReference<Uint256>() {},
                new TypeReference<Uint256>() {}, new TypeReference<Uint256>() {}, new TypeReference<Uint256>() {},
                new TypeReference<Uint64>() {}, new TypeReference<Uint64>() {}, new TypeReference<Uint64>() {}));
        String hash = "ab".repeat(32);

        List<Log> logs = EventLogs.toLogs(new LedgerEvent.SettlementAttested(hash, GROCER, "B-2026-11-0001", "2026-11",
                10_000, 6_000, 3_000, 1_000, 4, 17, 42));

        assertThat(logs).singleElement().satisfies(log -> {
            assertThat(log.address()).isEqualTo(SystemContracts.LEDGER);
            assertThat(log.topics()).extracting(EventLogsTest::hex).containsExactly(EventEncoder.encode(attested),
                    "0x" + hash, word(GROCER));
            assertThat(Web3.decode(log.data(), List.copyOf(attested.getNonIndexedParameters()))).containsExactly(
                    "B-2026-11-0001", "2026-11", 10_000L, 6_000L, 3_000L, 1_000L, 4L, 17L, 42L);
        });
    }

    @Test
    void revertData_isSolidityErrorString() {
        byte[] revert = EventLogs.revertData("NOT_CONVENTIONED: provider has no convention for FOOD — Hérault");

        assertThat(hex(java.util.Arrays.copyOf(revert, 4))).isEqualTo("0x08c379a0");
        byte[] body = java.util.Arrays.copyOfRange(revert, 4, revert.length);
        assertThat(FunctionReturnDecoder.decode(hex(body),
                org.web3j.abi.Utils.convert(List.of(new TypeReference<Utf8String>() {}))).get(0).getValue())
                .isEqualTo("NOT_CONVENTIONED: provider has no convention for FOOD — Hérault");
    }
}
