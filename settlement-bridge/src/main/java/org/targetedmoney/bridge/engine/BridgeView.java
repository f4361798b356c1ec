package org.targetedmoney.bridge.engine;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import org.targetedmoney.bridge.funding.SourceKind;
import org.targetedmoney.bridge.settlement.BatchState;
import org.targetedmoney.bridge.settlement.FundingBook;

/**
 * A read-only picture of the engine, taken on the writer thread after an input and read from any thread.
 *
 * @param nextBlock            the ledger cursor: the next position to read
 * @param headBlock            the latest ledger block seen (-1 before the first read)
 * @param openLinesByWindow    lines read and not yet batched, per window
 * @param batches              every batch, by id
 * @param funding              balances and creation used
 * @param orders               payment orders made, by message id
 * @param bankMessages         bank message ids processed
 */
public record BridgeView(long nextBlock, int nextLogIndex, long headBlock, long headTimestampSeconds, long linesRead,
                         SortedMap<String, Integer> openLinesByWindow, List<BatchSummary> batches,
                         FundingBook.Snapshot funding, List<PaymentOrder> orders, List<String> bankMessages) {

    /**
     * @param waitingCode      why it waits for funding ("" when funded)
     * @param payable          the bridge knows the provider's bank details
     * @param attestationTx    the ledger transaction that attested it
     * @param paidBySourceCents what each funding source paid of its booked transfers
     */
    public record BatchSummary(String id, String provider, String window, int part, String mode, int lineCount,
                               long totalCents, String hashHex, BatchState state, String waitingCode,
                               long shortfallCents, boolean payable, Optional<String> attestationTx,
                               Map<SourceKind, Long> paidBySourceCents) {}

    /** Batches in a state. */
    public List<BatchSummary> batchesIn(BatchState state) {
        return batches.stream().filter(b -> b.state() == state).toList();
    }
}
