package org.targetedmoney.wallet.core;

import java.io.IOException;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.targetedmoney.policy.abi.SystemContracts;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.Web3jService;
import org.web3j.protocol.http.HttpService;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthCall;
import org.web3j.protocol.core.methods.response.EthSendTransaction;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.utils.Numeric;

/**
 * A connection to a ledger node over JSON-RPC: signs and sends calls to the ledger contract (gas price 0,
 * local nonces), waits for receipts, turns refusals into typed exceptions, and answers view calls.
 * Thread-safe; one per node is enough for every role client.
 */
public final class LedgerConnection {
    /** Gas is ignored by the ledger; any limit that encoders accept will do. */
    static final BigInteger GAS_LIMIT = BigInteger.valueOf(1_000_000);
    static final long RECEIPT_TIMEOUT_MILLIS = 60_000;
    static final long RECEIPT_POLL_MILLIS = 100;

    private final Web3jService service;
    private final Web3j web3j;
    private final long chainId;
    private final Map<String, AtomicLong> nonces = new ConcurrentHashMap<>();

    public LedgerConnection(Web3jService service, long chainId) {
        this.service = service;
        this.web3j = Web3j.build(service);
        this.chainId = chainId;
    }

    /** Connects to a node's JSON-RPC URL and asks it for its chain id. */
    public static LedgerConnection connect(String rpcUrl) throws LedgerRequestException {
        Web3jService service = new HttpService(rpcUrl);
        Web3j probe = Web3j.build(service);
        long chainId = ok(send(() -> probe.ethChainId().send()), "eth_chainId").getChainId().longValueExact();
        return new LedgerConnection(service, chainId);
    }

    /** The transport, for the ledger's own methods ({@code ledger_*}). */
    public Web3jService service() {
        return service;
    }

    public Web3j web3j() {
        return web3j;
    }

    public long chainId() {
        return chainId;
    }

    @FunctionalInterface
    private interface Io<T> {
        T run() throws IOException;
    }

    private static <T> T send(Io<T> request) throws LedgerRequestException {
        try {
            return request.run();
        } catch (IOException e) {
            throw new LedgerRequestException("the node is unreachable: " + e.getMessage(), e);
        }
    }

    private static <T extends Response<?>> T ok(T response, String method) throws LedgerRequestException {
        if (response.hasError()) {
            throw new LedgerRequestException(response.getError().getCode(),
                    method + ": " + response.getError().getMessage());
        }
        return response;
    }

    /** Calls a view of the ledger contract (or of {@code to}) and decodes its outputs. */
    @SuppressWarnings("rawtypes")
    public List<Type> call(String to, Function function) throws LedgerRequestException {
        EthCall answer = send(() -> web3j.ethCall(Transaction.createEthCallTransaction(null, to,
                FunctionEncoder.encode(function)), DefaultBlockParameterName.LATEST).send());
        ok(answer, function.getName());
        return FunctionReturnDecoder.decode(answer.getValue(), function.getOutputParameters());
    }

    @SuppressWarnings("rawtypes")
    public List<Type> call(Function function) throws LedgerRequestException {
        return call(SystemContracts.LEDGER.toHex(), function);
    }

    /**
     * Signs {@code function} as {@code who} and sends it to the ledger contract; returns once it is in a
     * block. Throws {@link LedgerRejectedException} when the rules refused it (mined with status 0).
     */
    public TxResult transact(Credentials who, Function function)
            throws LedgerRejectedException, LedgerRequestException {
        AtomicLong nonce = nonces.computeIfAbsent(who.getAddress(), a -> new AtomicLong(-1));
        String txHash;
        synchronized (nonce) {
            if (nonce.get() < 0) {
                nonce.set(ok(send(() -> web3j.ethGetTransactionCount(who.getAddress(),
                        DefaultBlockParameterName.PENDING).send()), "eth_getTransactionCount")
                        .getTransactionCount().longValueExact());
            }
            RawTransaction tx = RawTransaction.createTransaction(BigInteger.valueOf(nonce.get()), BigInteger.ZERO,
                    GAS_LIMIT, SystemContracts.LEDGER.toHex(), BigInteger.ZERO, FunctionEncoder.encode(function));
            String signed = Numeric.toHexString(TransactionEncoder.signMessage(tx, chainId, who));
            EthSendTransaction sent = send(() -> web3j.ethSendRawTransaction(signed).send());
            if (sent.hasError()) {
                nonce.set(-1); // re-read the nonce from the node next time
                throw new LedgerRequestException(sent.getError().getCode(),
                        function.getName() + " refused: " + sent.getError().getMessage());
            }
            nonce.incrementAndGet();
            txHash = sent.getTransactionHash();
        }
        TransactionReceipt receipt = waitForReceipt(txHash);
        if (!receipt.isStatusOK()) {
            throw RevertReasons.toException(receipt.getRevertReason(), txHash);
        }
        return new TxResult(txHash, receipt.getBlockNumber().longValueExact(), receipt.getLogs());
    }

    private TransactionReceipt waitForReceipt(String txHash) throws LedgerRequestException {
        long deadline = System.currentTimeMillis() + RECEIPT_TIMEOUT_MILLIS;
        while (true) {
            Optional<TransactionReceipt> receipt = ok(send(() -> web3j.ethGetTransactionReceipt(txHash).send()),
                    "eth_getTransactionReceipt").getTransactionReceipt();
            if (receipt.isPresent()) {
                return receipt.get();
            }
            if (System.currentTimeMillis() > deadline) {
                throw new LedgerRequestException(0, "no receipt for " + txHash + " after "
                        + RECEIPT_TIMEOUT_MILLIS / 1000 + " s");
            }
            try {
                Thread.sleep(RECEIPT_POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LedgerRequestException("interrupted while waiting for " + txHash, e);
            }
        }
    }
}
