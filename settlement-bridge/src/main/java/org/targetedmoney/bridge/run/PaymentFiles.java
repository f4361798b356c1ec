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
import org.targetedmoney.bridge.engine.FirmPayee;
import org.targetedmoney.bridge.engine.FundCollectionOrder;
import org.targetedmoney.bridge.engine.FundPayoutOrder;
import org.targetedmoney.bridge.engine.PaymentOrder;
import org.targetedmoney.bridge.iso.CreditTransfer;
import org.targetedmoney.bridge.iso.DirectDebit;
import org.targetedmoney.bridge.iso.DirectDebitFile;
import org.targetedmoney.bridge.iso.IsoFiles;
import org.targetedmoney.bridge.iso.Pain001Result;
import org.targetedmoney.bridge.iso.Pain001Writer;
import org.targetedmoney.bridge.iso.Pain008Result;
import org.targetedmoney.bridge.iso.Pain008Writer;
import org.targetedmoney.bridge.iso.Party;
import org.targetedmoney.bridge.iso.PaymentFile;

/**
 * Renders payment orders as pain.001 files in the output directory, named {@code <message id>.xml}: providers'
 * orders debit the bridge's paying account, the inter-enterprise fund's payout orders the fund's own account; the
 * fund's direct-debit orders are pain.008 files crediting the fund's account under its SEPA creditor identifier.
 * Rendering is deterministic, so a file lost in a crash is rewritten with the same bytes.
 */
public final class PaymentFiles {
    private final Path outDir;
    private final Party debtor;
    /** The inter-enterprise fund's account, null when the bridge runs no fund. */
    private final Party fundDebtor;
    /** The fund's SEPA creditor identifier, null when the bridge runs no fund. */
    private final String fundCreditorId;

    PaymentFiles(Path outDir, BridgeConfig.BankAccount debtor) {
        this(outDir, debtor, Optional.empty());
    }

    /** @param fund the inter-enterprise fund (its account pays and collects from firms), if the bridge runs it */
    PaymentFiles(Path outDir, BridgeConfig.BankAccount debtor, Optional<BridgeConfig.InterEnterpriseFund> fund) {
        this.outDir = Objects.requireNonNull(outDir, "outDir");
        this.debtor = party(debtor);
        this.fundDebtor = fund.map(f -> party(f.fundAccount())).orElse(null);
        this.fundCreditorId = fund.map(BridgeConfig.InterEnterpriseFund::creditorId).orElse(null);
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

    /** Writes the fund direct-debit order's pain.008 file unless it is there already. */
    public Path ensure(FundCollectionOrder order) throws IOException {
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

    /**
     * The fund's direct-debit order as pain.008.001.08 bytes, crediting the fund's account.
     *
     * @throws IllegalStateException if the bridge runs no fund, or SEPA rules refuse the order: mandates and bank
     *                               details are checked when declared, so both are bugs
     */
    public byte[] render(FundCollectionOrder order) {
        if (fundDebtor == null) {
            throw new IllegalStateException("fund collection order " + order.messageId()
                    + " but no config.interEnterpriseFund to collect into");
        }
        List<DirectDebit> debits = new ArrayList<>(order.items().size());
        for (FundCollectionOrder.Item i : order.items()) {
            FirmPayee.Mandate m = i.payee().mandate().orElseThrow();
            debits.add(new DirectDebit(i.endToEndId(), i.amountCents(), i.payee().name(), i.payee().iban(),
                    i.payee().bic().isEmpty() ? null : i.payee().bic(), m.mandateId(), m.signedOn(), i.remittance()));
        }
        DirectDebitFile file = new DirectDebitFile(order.messageId(),
                Instant.ofEpochSecond(order.createdAtSeconds()).atOffset(ZoneOffset.UTC), fundDebtor, fundCreditorId,
                order.collectionDate(), debits);
        return switch (Pain008Writer.write(file)) {
            case Pain008Result.Written w -> w.xml();
            case Pain008Result.Refused r -> throw new IllegalStateException("direct-debit order " + file.messageId()
                    + " breaks SEPA rules: " + r.refusals());
        };
    }

    private static byte[] write(PaymentFile file) {
        return switch (Pain001Writer.write(file)) {
            case Pain001Result.Written w -> w.xml();
            case Pain001Result.Refused r -> throw new IllegalStateException("payment order " + file.messageId()
                    + " breaks SEPA rules: " + r.refusals());
        };
    }
}
