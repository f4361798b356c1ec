package org.targetedmoney.bench.bridge;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.targetedmoney.bridge.engine.BridgeInput;
import org.targetedmoney.bridge.engine.PaymentOrder;
import org.targetedmoney.bridge.iso.CreditTransfer;
import org.targetedmoney.bridge.iso.Pain001Result;
import org.targetedmoney.bridge.iso.Pain001Writer;
import org.targetedmoney.bridge.iso.Party;
import org.targetedmoney.bridge.iso.PaymentFile;
import org.targetedmoney.bridge.settlement.SettlementMode;

/**
 * One full pain.001.001.09 file: {@value #TRANSFERS} credit transfers, the payment order a gross-mode engine cuts
 * from the {@link BridgeWorkload} window (1 000 payees, real end-to-end ids and remittance texts), mapped to the
 * writer's input as {@code run.PaymentFiles.render} does. One operation = {@code Pain001Writer.write}: SEPA rules
 * on every field (IBAN and BIC checks included), the Prowide model, XML serialisation, and validation of the bytes
 * against the official XML schema. Single shot: each measured operation writes the whole file once.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = "-Xmx4g")
public class Pain001Generation {
    static final int TRANSFERS = 100_000;
    static final Party DEBTOR = new Party("Caisse commune", "FR7630006000011234567890189", "AGRIFRPP");

    PaymentFile file;

    @Setup(Level.Trial)
    public void setUp() {
        PaymentOrder order = BridgeWorkload.settle(
                BridgeWorkload.engine(SettlementMode.GROSS, BridgeWorkload.payees(1_000)),
                BridgeWorkload.credits().stream().map(BridgeInput.CreditReceived::new).toList(),
                BridgeWorkload.read(BridgeWorkload.lines(TRANSFERS, 1_000)), BridgeWorkload.cut());
        file = fileOf(order);
        byte[] xml = write();
        System.out.printf("%n# pain.001: %d transfers, %d bytes (%.1f MB, %d bytes per transfer)%n",
                file.transfers().size(), xml.length, xml.length / 1e6, xml.length / TRANSFERS);
    }

    /** As {@code run.PaymentFiles.render} (package-private there, and tied to a configuration). */
    static PaymentFile fileOf(PaymentOrder order) {
        if (order.items().size() != TRANSFERS) {
            throw new IllegalStateException("expected " + TRANSFERS + " transfers, got " + order.items().size());
        }
        List<CreditTransfer> transfers = new ArrayList<>(order.items().size());
        for (PaymentOrder.Item i : order.items()) {
            transfers.add(new CreditTransfer(i.transfer().endToEndId(), i.transfer().amountCents(), i.payee().name(),
                    i.payee().iban(), i.payee().bic().isEmpty() ? null : i.payee().bic(), i.remittance()));
        }
        return new PaymentFile(order.messageId(), Instant.ofEpochSecond(order.createdAtSeconds())
                .atOffset(ZoneOffset.UTC), DEBTOR, order.executionDate(), transfers);
    }

    @Benchmark
    public byte[] write() {
        return switch (Pain001Writer.write(file)) {
            case Pain001Result.Written w -> w.xml();
            case Pain001Result.Refused r -> throw new IllegalStateException("refused: " + r.refusals());
        };
    }
}
