package org.targetedmoney.bridge.engine;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.targetedmoney.bridge.settlement.InstructedTransfer;

/**
 * One pain.001 file's worth of credit transfers, decided by the engine: the adapter renders and writes it, and
 * rewrites the same bytes if a crash came between the decision and the file.
 *
 * @param messageId        the file's message id (GrpHdr/MsgId), unique
 * @param createdAtSeconds its creation time, from the ledger's clock (the latest block read)
 * @param executionDate    requested execution date
 * @param items            the transfers, by batch id then transfer index
 * @param totalCents       their sum (the file's control sum)
 */
public record PaymentOrder(String messageId, long createdAtSeconds, LocalDate executionDate, List<Item> items,
                           long totalCents) {
    public PaymentOrder {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(executionDate, "executionDate");
        items = List.copyOf(items);
    }

    /** One transfer: the attempt, who receives it, and the remittance text the provider's bank shows. */
    public record Item(InstructedTransfer transfer, Payee payee, String remittance) {}
}
