package org.targetedmoney.wallet.auditor;

import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.targetedmoney.policy.abi.SystemContracts;
import org.targetedmoney.wallet.core.LedgerConnection;
import org.targetedmoney.wallet.core.LedgerRequestException;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.EthBlockNumber;
import org.web3j.protocol.core.methods.response.EthLog;
import org.web3j.protocol.core.methods.response.Log;

/**
 * eth_getLogs on the ledger contract, decoded; shared by the role clients that read history. Also the chain
 * positions a follower needs: the head block and block timestamps.
 */
public final class EventQuery {
    /** Signature topics one positioned query may ask for at once. */
    public static final int MAX_TOPIC_ALTERNATIVES = 16;

    private static final Comparator<PositionedEvent> CHAIN_ORDER =
            Comparator.comparingLong(PositionedEvent::blockNumber).thenComparingInt(PositionedEvent::logIndex);

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
        List<LedgerEvent> out = new ArrayList<>();
        for (Log log : logs(ledger, filter)) {
            out.add(EventDecoder.decode(log));
        }
        return out;
    }

    /**
     * Events of the ledger contract in blocks {@code fromBlock..toBlock} (inclusive) whose signature topic is one
     * of {@code topic0Alternatives} (an OR list in topic position 0: one eth_getLogs for several kinds of event),
     * with their positions, in chain order.
     */
    public static List<PositionedEvent> positionedEvents(LedgerConnection ledger, long fromBlock, long toBlock,
                                                         List<String> topic0Alternatives)
            throws LedgerRequestException {
        if (fromBlock < 0 || toBlock < fromBlock) {
            throw new IllegalArgumentException("block range " + fromBlock + ".." + toBlock + " is empty or negative");
        }
        if (topic0Alternatives.isEmpty() || topic0Alternatives.size() > MAX_TOPIC_ALTERNATIVES) {
            throw new IllegalArgumentException("1.." + MAX_TOPIC_ALTERNATIVES + " topic alternatives, got "
                    + topic0Alternatives.size());
        }
        EthFilter filter = new EthFilter(block(fromBlock, null), block(toBlock, null), SystemContracts.LEDGER.toHex())
                .addOptionalTopics(topic0Alternatives.toArray(String[]::new));
        List<PositionedEvent> out = new ArrayList<>();
        for (Log log : logs(ledger, filter)) {
            out.add(new PositionedEvent(log.getBlockNumber().longValueExact(), log.getLogIndex().intValueExact(),
                    log.getTransactionHash(), EventDecoder.decode(log)));
        }
        out.sort(CHAIN_ORDER);
        return out;
    }

    /** The number of the newest block (eth_blockNumber). */
    public static long headBlock(LedgerConnection ledger) throws LedgerRequestException {
        EthBlockNumber head = send(() -> ledger.web3j().ethBlockNumber().send(), "eth_blockNumber");
        return head.getBlockNumber().longValueExact();
    }

    /** The timestamp (seconds since 1970, UTC) of block {@code number}; refused if the node has no such block. */
    public static long blockTimestampSeconds(LedgerConnection ledger, long number) throws LedgerRequestException {
        EthBlock answer = send(() -> ledger.web3j().ethGetBlockByNumber(block(number, null), false).send(),
                "eth_getBlockByNumber");
        if (answer.getBlock() == null) {
            throw new LedgerRequestException(0, "eth_getBlockByNumber: the node has no block " + number);
        }
        return answer.getBlock().getTimestamp().longValueExact();
    }

    private static List<Log> logs(LedgerConnection ledger, EthFilter filter) throws LedgerRequestException {
        EthLog logs = send(() -> ledger.web3j().ethGetLogs(filter).send(), "eth_getLogs");
        List<Log> out = new ArrayList<>(logs.getLogs().size());
        for (EthLog.LogResult<?> r : logs.getLogs()) {
            out.add((Log) r.get());
        }
        return out;
    }

    @FunctionalInterface
    private interface Io<T> {
        T run() throws IOException;
    }

    private static <T extends Response<?>> T send(Io<T> request, String method) throws LedgerRequestException {
        T answer;
        try {
            answer = request.run();
        } catch (IOException e) {
            throw new LedgerRequestException("the node is unreachable (" + method + "): " + e.getMessage(), e);
        }
        if (answer.hasError()) {
            throw new LedgerRequestException(answer.getError().getCode(), method + ": " + answer.getError().getMessage());
        }
        return answer;
    }

    /** Block {@code n}, or {@code fallback} when null. */
    private static DefaultBlockParameter block(Long n, DefaultBlockParameterName fallback) {
        return n == null ? fallback : DefaultBlockParameter.valueOf(BigInteger.valueOf(n));
    }

    /** An address as a 32-byte topic. */
    public static String topic(String address) {
        return "0x" + "0".repeat(24) + address.substring(2).toLowerCase(java.util.Locale.ROOT);
    }
}
