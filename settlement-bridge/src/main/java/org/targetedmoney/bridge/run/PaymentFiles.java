package org.targetedmoney.bridge.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.targetedmoney.bridge.engine.PaymentOrder;
import org.targetedmoney.bridge.iso.CreditTransfer;
import org.targetedmoney.bridge.iso.IsoFiles;
import org.targetedmoney.bridge.iso.Pain001Result;
import org.targetedmoney.bridge.iso.Pain001Writer;
import org.targetedmoney.bridge.iso.Party;
import org.targetedmoney.bridge.iso.PaymentFile;

/**
 * Renders payment orders as pain.001 files in the output directory, named {@code <message id>.xml}. Rendering is
 * deterministic, so a file lost in a crash is rewritten with the same bytes.
 */
public final class PaymentFiles {
    private final Path outDir;
    private final Party debtor;

    PaymentFiles(Path outDir, BridgeConfig.BankAccount debtor) {
        this.outDir = Objects.requireNonNull(outDir, "outDir");
        this.debtor = new Party(debtor.name(), debtor.iban(), debtor.bic().isEmpty() ? null : debtor.bic());
    }

    /** Where the file of {@code messageId} is. */
    public Path pathOf(String messageId) {
        return outDir.resolve(messageId + ".xml");
    }

    /** Writes the order's file unless it is there already. */
    public Path ensure(PaymentOrder order) throws IOException {
        Path target = pathOf(order.messageId());
        if (!Files.exists(target)) {
            Files.createDirectories(outDir);
            IsoFiles.writeAtomically(target, render(order));
        }
        return target;
    }

    /**
     * The order as pain.001.001.09 bytes.
     *
     * @throws IllegalStateException if SEPA rules refuse it: bank details are checked when the configuration is
     *                               read, so this is a bug
     */
    public byte[] render(PaymentOrder order) {
        List<CreditTransfer> transfers = new ArrayList<>(order.items().size());
        for (PaymentOrder.Item i : order.items()) {
            transfers.add(new CreditTransfer(i.transfer().endToEndId(), i.transfer().amountCents(), i.payee().name(),
                    i.payee().iban(), i.payee().bic().isEmpty() ? null : i.payee().bic(), i.remittance()));
        }
        PaymentFile file = new PaymentFile(order.messageId(),
                Instant.ofEpochSecond(order.createdAtSeconds()).atOffset(ZoneOffset.UTC), debtor,
                order.executionDate(), transfers);
        return switch (Pain001Writer.write(file)) {
            case Pain001Result.Written w -> w.xml();
            case Pain001Result.Refused r -> throw new IllegalStateException("payment order " + order.messageId()
                    + " breaks SEPA rules: " + r.refusals());
        };
    }
}
