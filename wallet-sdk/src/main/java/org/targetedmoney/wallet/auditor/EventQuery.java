package org.targetedmoney.wallet.auditor;

import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.targetedmoney.policy.abi.SystemContracts;
import org.targetedmoney.wallet.core.LedgerConnection;
import org.targetedmoney.wallet.core.LedgerRequestException;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.response.EthLog;
import org.web3j.protocol.core.methods.response.Log;

/** eth_getLogs on the ledger contract, decoded; shared by the role clients that read history. */
public final class EventQuery {
    private EventQuery() {}

    /**
     * Events of the ledger contract between two blocks (null: from 0 / to latest) whose topics match
     * {@code topics} position by position (null: any).
     */
    public static List<LedgerEvent> events(LedgerConnection ledger, Long fromBlock, Long toBlock, String... topics)
            throws LedgerRequestException {
        EthFilter filter = new EthFilter(block(fromBlock, DefaultBlockParameterName.EARLIEST),
                block(toBlock, DefaultBlockParameterName.LATEST), SystemContracts.LEDGER.toHex());
        for (String t : topics) {
            if (t == null) {
                filter.addNullTopic();
            } else {
                filter.addSingleTopic(t);
            }
        }
        EthLog logs;
        try {
            logs = ledger.web3j().ethGetLogs(filter).send();
        } catch (IOException e) {
            throw new LedgerRequestException("the node is unreachable: " + e.getMessage(), e);
        }
        if (logs.hasError()) {
            throw new LedgerRequestException(logs.getError().getCode(), "eth_getLogs: " + logs.getError().getMessage());
        }
        List<LedgerEvent> out = new ArrayList<>();
        for (EthLog.LogResult<?> r : logs.getLogs()) {
            out.add(EventDecoder.decode((Log) r.get()));
        }
        return out;
    }

    private static DefaultBlockParameter block(Long n, DefaultBlockParameterName fallback) {
        return n == null ? fallback : DefaultBlockParameter.valueOf(BigInteger.valueOf(n));
    }

    /** An address as a 32-byte topic. */
    public static String topic(String address) {
        return "0x" + "0".repeat(24) + address.substring(2).toLowerCase(java.util.Locale.ROOT);
    }
}
