package org.targetedmoney.node.ledger;

import java.util.List;
import org.targetedmoney.policy.chain.BlockHeader;
import org.targetedmoney.node.chain.StoredTx;
import org.targetedmoney.policy.chain.TxReceipt;
import org.targetedmoney.policy.state.StateView;

/** A snapshot of the stored chain: blocks, transactions, receipts and state as of one block. */
public interface ChainView extends StateView, AutoCloseable {

    BlockHeader head();

    /** The header of block {@code number}, or null above the head. */
    BlockHeader header(long number);

    /** The number of the block with this hash, or -1. */
    long blockNumber(byte[] hash);

    /** Transaction hashes of block {@code number}, in order. */
    List<byte[]> transactionHashes(long number);

    StoredTx transaction(byte[] hash);

    TxReceipt receipt(byte[] hash);

    @Override
    void close();
}
