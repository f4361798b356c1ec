package org.targetedmoney.bench;

import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.annotations.Warmup;
import org.targetedmoney.policy.call.Call;
import org.targetedmoney.policy.rules.Outcome;
import org.targetedmoney.policy.rules.Rules;

/**
 * The state transition of one payment: a member (cycling over {@code members} enrolled members, whose
 * credit is materialised lazily on first touch) pays 1 cent to one of 100 conventioned food shops, and
 * the writes are applied to the in-memory state. No signature, no storage: the rules alone.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class PaymentTransitionBenchmark {
    @Param({"100000"})
    int members;

    BenchLedger ledger;
    int next;
    byte[] ref = new byte[32];

    @Setup(Level.Trial)
    public void setUp() {
        ledger = new BenchLedger(members, 100);
    }

    @Benchmark
    public Outcome pay() {
        int i = next++ % members;
        Call.Pay pay = new Call.Pay(ledger.providers.get(i % 100), BenchLedger.FOOD, 1, ref);
        Outcome o = Rules.apply(ledger.state, BenchLedger.ctx(ledger.members.get(i)), pay, org.targetedmoney.policy.abi.CallDecoder.ACTIONS);
        if (o instanceof Outcome.Applied a) {
            ledger.state.putAll(a.writes());
        }
        return o;
    }
}
