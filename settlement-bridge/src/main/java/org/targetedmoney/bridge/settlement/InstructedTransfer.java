package org.targetedmoney.bridge.settlement;

import java.util.List;
import java.util.Objects;

/**
 * One attempt at one credit transfer, as instructed to the bank (one payment of a pain.001 file), with the
 * allocations that fund it: when the bank rejects or returns it, exactly these are refunded. Made by
 * {@link Batch#instruct(int, int, List)}.
 *
 * @param endToEndId    its ISO 20022 end-to-end id (new for each attempt)
 * @param batchId       the batch it pays
 * @param transferIndex the transfer of the batch it pays (0 in NET mode, the line's index in GROSS mode)
 * @param attempt       1 for the first instruction, then 2, 3...
 * @param amountCents   euro cents instructed, > 0
 * @param allocations   where the amount comes from: all for {@code transferIndex}, summing to {@code amountCents}
 */
public record InstructedTransfer(String endToEndId, String batchId, int transferIndex, int attempt, long amountCents,
                                 List<Allocation> allocations) {
    public InstructedTransfer {
        Objects.requireNonNull(endToEndId, "endToEndId");
        Objects.requireNonNull(batchId, "batchId");
        allocations = List.copyOf(allocations);
        if (transferIndex < 0 || attempt < 1 || attempt > Reconciliation.MAX_ATTEMPT_NUMBER || amountCents <= 0) {
            throw new IllegalArgumentException("transfer " + endToEndId + ": index " + transferIndex + ", attempt "
                    + attempt + ", amount " + amountCents);
        }
        long sum = 0;
        for (Allocation a : allocations) {
            if (a.transferIndex() != transferIndex) {
                throw new IllegalArgumentException("transfer " + endToEndId + " is funded by an allocation of transfer "
                        + a.transferIndex());
            }
            sum = Cents.add(sum, a.amountCents(), "allocations of " + endToEndId);
        }
        if (sum != amountCents) {
            throw new IllegalArgumentException("transfer " + endToEndId + " of " + amountCents
                    + " cents is funded by allocations summing to " + sum);
        }
    }
}
