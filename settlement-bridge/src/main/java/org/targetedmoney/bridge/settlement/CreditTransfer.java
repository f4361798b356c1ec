package org.targetedmoney.bridge.settlement;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One credit transfer a batch asks the bank to make, before any attempt: the whole batch in NET mode
 * (index 0), one line in GROSS mode (index = the line's index in {@link Batch#lines()}). Each attempt at it
 * gets its own end-to-end id ({@link Batch#endToEndId(int, int)}) and is funded on its own, so that a rejected
 * attempt gives back exactly what it took.
 *
 * @param index                  its index in the batch
 * @param amountCents            euro cents to pay, > 0
 * @param amountsByPurposeCents  how the amount splits over ledger purposes (what the waterfall funds)
 */
public record CreditTransfer(int index, long amountCents, SortedMap<Integer, Long> amountsByPurposeCents) {
    public CreditTransfer {
        amountsByPurposeCents = Collections.unmodifiableSortedMap(new TreeMap<>(amountsByPurposeCents));
        long sum = 0;
        for (long a : amountsByPurposeCents.values()) {
            Check.that(a > 0, "purpose amounts of a transfer are > 0");
            sum = Cents.add(sum, a, "transfer amount");
        }
        Check.that(index >= 0 && amountCents > 0 && sum == amountCents,
                "transfer %d: amount %d is the sum of its purposes' %d", index, amountCents, sum);
    }
}
