package org.targetedmoney.bridge.engine;

import java.util.List;
import java.util.Map;
import org.targetedmoney.bridge.funding.SourceKind;
import org.targetedmoney.bridge.line.LedgerLine;
import org.targetedmoney.bridge.settlement.Allocation;
import org.targetedmoney.bridge.settlement.Batch;

/**
 * What the bridge posts on the ledger for a settled batch: its hash and id, its window, its total and what each
 * funding source paid, and the block range of its lines, so an auditor can tie euro settlement to ledger events.
 */
public record Attestation(String batchId, String batchHashHex, String window, long totalCents,
                         long contributionsCents, long publicAccountsCents, long monetaryCreationCents,
                         long lineCount, long firstBlock, long lastBlock) {

    /** The attestation of a settled batch paid by {@code booked} allocations. */
    public static Attestation of(Batch b, List<Allocation> booked) {
        Map<SourceKind, Long> bySource = Allocation.totalsBySource(booked);
        List<LedgerLine> lines = b.lines();
        return new Attestation(b.id(), b.hashHex(), b.window().text(), b.totalCents(),
                bySource.get(SourceKind.CONTRIBUTIONS), bySource.get(SourceKind.PUBLIC_ACCOUNT),
                bySource.get(SourceKind.MONETARY_CREATION), lines.size(), lines.getFirst().blockNumber(),
                lines.getLast().blockNumber());
    }
}
