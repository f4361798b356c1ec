package org.targetedmoney.wallet.core;

import java.util.List;
import org.web3j.protocol.core.methods.response.Log;

/** An applied transaction: its hash, its block, and the logs it emitted. */
public record TxResult(String txHash, long blockNumber, List<Log> logs) {
    public TxResult {
        logs = List.copyOf(logs);
    }
}
