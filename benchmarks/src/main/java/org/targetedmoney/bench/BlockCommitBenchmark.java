package org.targetedmoney.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.targetedmoney.policy.chain.BlockExecutor;
import org.targetedmoney.policy.chain.BlockHeader;
import org.targetedmoney.policy.chain.BlockResult;
import org.targetedmoney.policy.chain.OrderedTx;
import org.targetedmoney.node.ledger.RocksChainStore;
import org.targetedmoney.policy.abi.Keccak;
import org.targetedmoney.policy.abi.SystemContracts;
import org.targetedmoney.policy.model.EpochScheme;

/**
 * Executing and committing one block of {@code txPerBlock} payments (distinct members paying 1 cent to
 * 100 shops) to RocksDB in one synced WriteBatch: block execution on the rules, then the durable write of
 * header, transactions, receipts and state changes. Transactions are pre-built (no signatures).
 * Reported time is per block.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class BlockCommitBenchmark {
    @Param({"1000"})
    int txPerBlock;

    BenchLedger ledger;
    BlockExecutor executor;
    RocksChainStore store;
    Path dir;
    BlockHeader head;
    long[] nonces;
    int round;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        ledger = new BenchLedger(txPerBlock, 100);
        executor = new BlockExecutor(EpochScheme.monthly(BenchLedger.NOV_2026));
        dir = Files.createTempDirectory("block-commit-bench");
        store = RocksChainStore.open(dir);
        head = BlockExecutor.genesisHeader(BenchLedger.NOV_2026, BenchLedger.EPOCH, List.of());
        store.storeGenesis(head, new ArrayList<>(ledger.state.all()), new byte[32]);
        nonces = new long[txPerBlock];
    }

    @Benchmark
    public BlockResult executeAndCommit() {
        List<OrderedTx> txs = new ArrayList<>(txPerBlock);
        for (int i = 0; i < txPerBlock; i++) {
            byte[] data = PaymentCallData.pay(ledger.providers.get(i % 100), BenchLedger.FOOD, 1);
            byte[] raw = (round + ":" + i).getBytes(java.nio.charset.StandardCharsets.UTF_8);
            txs.add(new OrderedTx(raw, Keccak.hash(raw), ledger.members.get(i), nonces[i]++, SystemContracts.LEDGER,
                    data));
        }
        round++;
        BlockResult block = executor.execute(ledger.state, head, BenchLedger.NOV_2026 + round, head.proposer(),
                round, txs);
        store.storeBlock(block, 1, round);
        head = block.header();
        return block;
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        store.close();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
