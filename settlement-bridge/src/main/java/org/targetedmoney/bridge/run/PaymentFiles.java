package org.targetedmoney.bridge.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.targetedmoney.bridge.engine.FundPayoutOrder;
import org.targetedmoney.bridge.engine.PaymentOrder;
import org.targetedmoney.bridge.iso.CreditTransfer;
import org.targetedmoney.bridge.iso.IsoFiles;
import org.targetedmoney.bridge.iso.Pain001Result;
import org.targetedmoney.bridge.iso.Pain001Writer;
import org.targetedmoney.bridge.iso.Party;
import org.targetedmoney.bridge.iso.PaymentFile;

/**
 * Renders payment orders as pain.001 files in the output directory, named {@code <message id>.xml}: providers'
 * orders debit the bridge's paying account, the inter-enterprise fund's payout orders the fund's own account.
 * Rendering is deterministic, so a file lost in a crash is rewritten with the same bytes.
 */
public final class PaymentFiles {
    private final Path outDir;
    private final Party debtor;
    /** The inter-enterprise fund's account, null when the bridge runs no fund. */
    private final Party fundDebtor;

    PaymentFiles(Path outDir, BridgeConfig.BankAccount debtor) {
        this(outDir, debtor, Optional.empty());
    }

    /** @param fundDebtor the account the inter-enterprise fund pays firms from, if the bridge runs the fund */
    PaymentFiles(Path outDir, BridgeConfig.BankAccount debtor, Optional<BridgeConfig.BankAccount> fundDebtor) {
        this.outDir = Objects.requireNonNull(outDir, "outDir");
        this.debtor = party(debtor);
        this.fundDebtor = fundDebtor.map(PaymentFiles::party).orElse(null);
    }

    private static Party party(BridgeConfig.BankAccount account) {
        return new Party(account.name(), account.iban(), account.bic().isEmpty() ? null : account.bic());
    }

    /** Where the file of {@code messageId} is. */
    public Path pathOf(String messageId) {
        return outDir.resolve(messageId + ".xml");
    }

    /** Writes the order's file unless it is there already. */
    /**
     * Deletes the temporary files a crash left in the output directory (a file is written to a hidden temporary
     * then moved into place: a temporary still there was never moved, and its order's file is written again).
     *
     * @return how many were deleted
     */
    public int removeLeftovers() throws IOException {
        if (!Files.isDirectory(outDir)) {
            return 0;
        }
        int removed = 0;
        try (var files = Files.newDirectoryStream(outDir, ".*.xml.*.tmp")) {
            for (Path f : files) {
                Files.deleteIfExists(f);
                removed++;
            }
        }
        return removed;
    }

    public Path ensure(PaymentOrder order) throws IOException {
        return ensure(order.messageId(), () -> render(order));
    }

    /** Writes the fund payout order's file unless it is there already. */
    public Path ensure(FundPayoutOrder order) throws IOException {
        return ensure(order.messageId(), () -> render(order));
    }

    private Path ensure(String messageId, Supplier<byte[]> render) throws IOException {
        Path target = pathOf(messageId);
        if (!Files.exists(target)) {
            Files.createDirectories(outDir);
            IsoFiles.writeAtomically(target, render.get());
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
        return write(new PaymentFile(order.messageId(),
                Instant.ofEpochSecond(order.createdAtSeconds()).atOffset(ZoneOffset.UTC), debtor,
                order.executionDate(), transfers));
    }

    /**
     * The fund payout order as pain.001.001.09 bytes, debiting the fund's account.
     *
     * @throws IllegalStateException if the bridge runs no fund, or SEPA rules refuse the order: firms' bank
     *                               details are checked when declared, so both are bugs
     */
    public byte[] render(FundPayoutOrder order) {
        if (fundDebtor == null) {
            throw new IllegalStateException("fund payout order " + order.messageId()
                    + " but no config.interEnterpriseFund.fundAccount to pay it from");
        }
        List<CreditTransfer> transfers = new ArrayList<>(order.items().size());
        for (FundPayoutOrder.Item i : order.items()) {
            transfers.add(new CreditTransfer(i.endToEndId(), i.amountCents(), i.payee().name(), i.payee().iban(),
                    i.payee().bic().isEmpty() ? null : i.payee().bic(), i.remittance()));
        }
        return write(new PaymentFile(order.messageId(),
                Instant.ofEpochSecond(order.createdAtSeconds()).atOffset(ZoneOffset.UTC), fundDebtor,
                order.executionDate(), transfers));
    }

    private static byte[] write(PaymentFile file) {
        return switch (Pain001Writer.write(file)) {
            case Pain001Result.Written w -> w.xml();
            case Pain001Result.Refused r -> throw new IllegalStateException("payment order " + file.messageId()
                    + " breaks SEPA rules: " + r.refusals());
        };
    }
}
