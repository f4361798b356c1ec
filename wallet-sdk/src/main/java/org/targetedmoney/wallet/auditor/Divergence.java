package org.targetedmoney.wallet.auditor;

/**
 * The first place where what a node published differs from the auditor's own replay: the block, the
 * transaction (index -1 and an empty hash for a block-level field), the field, and both values.
 */
public record Divergence(long blockNumber, int txIndex, String txHash, String field, String expected,
                         String found) {
    /** A divergence in a block-level field (header, roots, links). */
    static Divergence block(long blockNumber, String field, String expected, String found) {
        return new Divergence(blockNumber, -1, "", field, expected, found);
    }

    /** One line for a person: where, what, expected (replay) vs found (node). */
    public String message() {
        String where = txIndex < 0 ? "block " + blockNumber
                : "block " + blockNumber + ", transaction " + txIndex + " (" + txHash + ")";
        return where + ": " + field + ": the replay expects " + expected + ", the node published " + found;
    }
}
