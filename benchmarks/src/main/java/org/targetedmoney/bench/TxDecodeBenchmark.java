package org.targetedmoney.bench;

import java.math.BigInteger;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.targetedmoney.node.tx.SenderRecoveries;
import org.targetedmoney.policy.tx.DecodedTx;
import org.targetedmoney.policy.tx.SenderRecovery;
import org.targetedmoney.policy.tx.TxDecoder;
import org.targetedmoney.policy.model.Address;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;

/**
 * The admission stage, per transaction, on one thread.
 *
 * <p>Workload: one pre-signed EIP-1559 (type 2) transaction shaped like a payment: chain id
 * 1337, to = the system contract 0x0000000000000000000000000000000000001000, value 0, gas price
 * 0, data = a 4-byte selector and 4 ABI words (132 bytes; about 237 bytes raw). Signed once with
 * web3j in setup, so signing is not measured.
 * <ul>
 *   <li>{@code decode}: {@link TxDecoder#decode} (RLP, checks, signing hash, tx hash);</li>
 *   <li>{@code recoverNative}: sender recovery with libsecp256k1 (fr.acinq JNI);</li>
 *   <li>{@code recoverBouncyCastle}: sender recovery in pure Java on Bouncy Castle.</li>
 * </ul>
 * Recovery is measured on the already decoded transaction, so decode + recover = admission.
 *
 * <p>Run: {@code ./mvnw -pl benchmarks -am package -DskipTests}, then with a JDK >= 21:
 * {@code java --enable-native-access=ALL-UNNAMED -jar benchmarks/target/benchmarks.jar TxDecode}
 * (the jar's manifest also carries {@code Enable-Native-Access: ALL-UNNAMED}), and the JMH forks
 * get the flag from {@link Fork#jvmArgsAppend()}: it silences the JDK 22+ warning for the native
 * secp256k1 library. For a quick look: {@code -f 1 -wi 2 -i 3 -w 1s -r 1s}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "-Xmx1g"})
public class TxDecodeBenchmark {
    static final long CHAIN_ID = 1337;
    static final String SYSTEM_CONTRACT = "0x0000000000000000000000000000000000001000";
    static final String PAYMENT_DATA = "0xa9059cbb"
            + "0000000000000000000000002222222222222222222222222222222222222222"
            + "0000000000000000000000000000000000000000000000000000000000000003"
            + "00000000000000000000000000000000000000000000000000000000000003e8"
            + "0000000000000000000000000000000000000000000000000000000000000007";

    private final TxDecoder decoder = new TxDecoder(CHAIN_ID);
    private SenderRecovery nativeRecovery;
    private SenderRecovery bouncyCastle;
    private Address expectedSender;
    private byte[] raw;
    private DecodedTx decoded;

    @Setup(Level.Trial)
    public void setUp() {
        Credentials signer = Credentials.create(
                "0x4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318");
        RawTransaction tx = RawTransaction.createTransaction(CHAIN_ID, BigInteger.valueOf(12),
                BigInteger.valueOf(100_000), SYSTEM_CONTRACT, BigInteger.ZERO, PAYMENT_DATA,
                BigInteger.ZERO, BigInteger.ZERO);
        raw = TransactionEncoder.signMessage(tx, signer);
        decoded = decoder.decode(raw);
        expectedSender = Address.fromHex(signer.getAddress());
        nativeRecovery = SenderRecoveries.nativeIfAvailable()
                .orElseThrow(() -> new IllegalStateException("native libsecp256k1 did not load"));
        bouncyCastle = SenderRecovery.bouncyCastle();
        // Measure only implementations that give the right answer.
        check(nativeRecovery.recover(decoded));
        check(bouncyCastle.recover(decoded));
    }

    private void check(Address recovered) {
        if (!recovered.equals(expectedSender)) {
            throw new IllegalStateException("recovered " + recovered + ", expected " + expectedSender);
        }
    }

    @Benchmark
    public DecodedTx decode() {
        return decoder.decode(raw);
    }

    @Benchmark
    public Address recoverNative() {
        return nativeRecovery.recover(decoded);
    }

    @Benchmark
    public Address recoverBouncyCastle() {
        return bouncyCastle.recover(decoded);
    }
}
