package org.targetedmoney.policy.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.targetedmoney.policy.abi.EventLogs;
import org.targetedmoney.policy.abi.Keccak;
import org.targetedmoney.policy.abi.SystemContracts;
import org.targetedmoney.policy.genesis.Genesis;
import org.targetedmoney.policy.genesis.GenesisState;
import org.targetedmoney.policy.model.Address;
import org.targetedmoney.policy.model.EpochScheme;
import org.targetedmoney.policy.model.Role;
import org.targetedmoney.policy.state.MemoryState;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint32;
import org.web3j.abi.datatypes.generated.Uint8;

class BlockExecutorTest {
    static final long NOV_2026 = 1_793_491_200L; // 2026-11-01T00:00:00Z
    static final int EPOCH_NOV_2026 = 682;
    static final Address AUTHORITY = addr(1);
    static final Address REGISTRAR = addr(2);
    static final Address ALICE = addr(10);
    static final Address SHOP = addr(20);

    static Address addr(int n) {
        byte[] b = new byte[20];
        b[19] = (byte) n;
        b[0] = (byte) 0xAA;
        return Address.of(b);
    }

    static Genesis genesis() {
        return new Genesis(1337, NOV_2026, EpochScheme.monthly(NOV_2026),
                List.of(new Genesis.PurposeSpec("HEALTH", "Health"), new Genesis.PurposeSpec("FOOD", "Food")),
                List.of("FR", "FR-OCC", "FR-OCC-34"),
                List.of(new Genesis.AccountSpec(AUTHORITY, List.of(Role.AUTHORITY), null, "authority"),
                        new Genesis.AccountSpec(REGISTRAR, List.of(Role.REGISTRAR), null, "registrar")),
                List.of(new Genesis.AllowanceSpec("FOOD", List.of(15_000L, 25_000L), 3, 0)),
                List.of(addr(99)));
    }

    private final MemoryState state = new MemoryState();
    private final BlockExecutor executor = new BlockExecutor(EpochScheme.monthly(NOV_2026));
    private final List<Long> nonces = new ArrayList<>(List.of(0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L,
            0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L));
    private BlockHeader head;

    BlockExecutorTest() {
        var entities = GenesisState.entities(genesis());
        state.putAll(entities);
        head = BlockExecutor.genesisHeader(NOV_2026, EPOCH_NOV_2026, entities);
    }

    @SuppressWarnings("rawtypes")
    private OrderedTx tx(Address sender, String name, Type... args) {
        byte[] data = org.web3j.utils.Numeric.hexStringToByteArray(
                FunctionEncoder.encode(new Function(name, List.of(args), List.of())));
        int who = sender.toBytes()[19];
        long nonce = nonces.get(who);
        nonces.set(who, nonce + 1);
        byte[] raw = (sender + "/" + nonce + "/" + name).getBytes(StandardCharsets.UTF_8);
        return new OrderedTx(raw, Keccak.hash(raw), sender, nonce, SystemContracts.LEDGER, data);
    }

    private BlockResult run(OrderedTx... txs) {
        BlockResult r = executor.execute(state, head, NOV_2026 + 3600, addr(99), head.number() + 1, List.of(txs));
        head = r.header();
        return r;
    }

    private static org.web3j.abi.datatypes.Address w3(Address a) {
        return new org.web3j.abi.datatypes.Address(a.toHex());
    }

    @Test
    void execute_paymentScenario_includesEveryTransactionWithReceiptsAndLogs() {
        run(tx(REGISTRAR, "enrolMember", w3(ALICE), new Utf8String("FR-OCC-34"), new Uint8(2)),
                tx(AUTHORITY, "conventionProvider", w3(SHOP),
                        new org.web3j.abi.datatypes.DynamicArray<>(Uint32.class, List.of(new Uint32(2))),
                        new Utf8String("FR-OCC"), new Uint32(0), new Uint32(10_000)),
                tx(AUTHORITY, "openEpoch", new Uint32(EPOCH_NOV_2026)));
        BlockResult pay = run(tx(ALICE, "pay", w3(SHOP), new Uint32(2), new Uint256(4_250), new Bytes32(new byte[32])),
                tx(ALICE, "pay", w3(SHOP), new Uint32(1), new Uint256(100), new Bytes32(new byte[32])));

        assertThat(pay.receipts()).hasSize(2);
        assertThat(pay.receipts().get(0).success()).isTrue();
        assertThat(pay.receipts().get(0).logs()).extracting(l -> l.topics().get(0))
                .containsExactly(EventLogs.PAYMENT, EventLogs.TRANSFER);
        assertThat(pay.receipts().get(1).success()).isFalse();
        assertThat(pay.receipts().get(1).revertReason()).startsWith("NOT_CONVENTIONED: ");
        assertThat(pay.receipts().get(1).firstLogIndex()).isEqualTo(2);
        assertThat(state.providerBalance(SHOP, 2)).isEqualTo(4_250);
        assertThat(state.nonce(ALICE)).isEqualTo(2);
        assertThat(pay.header().number()).isEqualTo(2);
        assertThat(pay.header().parentHash()).isNotEqualTo(new byte[32]);
    }

    @Test
    void execute_transactionWithStaleNonce_isDroppedNotIncluded() {
        OrderedTx first = tx(REGISTRAR, "enrolMember", w3(ALICE), new Utf8String("FR-OCC-34"), new Uint8(2));
        OrderedTx replay = new OrderedTx(new byte[] {1}, Keccak.hash(new byte[] {1}), REGISTRAR, 0,
                SystemContracts.LEDGER, first.data());

        BlockResult r = run(first, replay);

        assertThat(r.transactions()).containsExactly(first);
        assertThat(r.dropped()).containsExactly(replay);
        assertThat(r.header().txCount()).isEqualTo(1);
    }

    @Test
    void execute_undecodableCallData_isIncludedAsRefusedAndUsesTheNonce() {
        OrderedTx bad = new OrderedTx(new byte[] {2}, Keccak.hash(new byte[] {2}), ALICE, 0, SystemContracts.LEDGER,
                new byte[] {1, 2, 3});

        BlockResult r = run(bad);

        assertThat(r.receipts().get(0).success()).isFalse();
        assertThat(r.receipts().get(0).revertReason()).startsWith("INVALID_ARGUMENT: ");
        assertThat(state.nonce(ALICE)).isEqualTo(1);
    }

    @Test
    void execute_sameBatchOnTwoStates_givesTheSameBlockHash() {
        OrderedTx enrol = tx(REGISTRAR, "enrolMember", w3(ALICE), new Utf8String("FR-OCC-34"), new Uint8(2));
        BlockExecutorTest other = new BlockExecutorTest();

        byte[] a = run(enrol).hash();
        byte[] b = other.run(enrol).hash();

        assertThat(a).isEqualTo(b);
    }

    @Test
    void execute_proposedTimeBeforeParent_keepsTimestampsMonotonic() {
        BlockResult r = executor.execute(state, head, NOV_2026 - 86_400, addr(99), 1, List.of());

        assertThat(r.header().timestampSeconds()).isEqualTo(NOV_2026);
    }

    @Test
    void headerEncoding_roundTrips() {
        run(tx(REGISTRAR, "enrolMember", w3(ALICE), new Utf8String("FR-OCC-34"), new Uint8(2)));

        assertThat(BlockHeader.decode(head.encode())).usingRecursiveComparison().isEqualTo(head);
    }
}
