package org.targetedmoney.node.api;

import org.targetedmoney.node.rpc.RpcException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.targetedmoney.node.admission.Admission;
import org.targetedmoney.node.admission.AdmissionException;
import org.targetedmoney.node.ledger.ChainStore;
import org.targetedmoney.node.ledger.ChainView;
import org.targetedmoney.policy.abi.AbiException;
import org.targetedmoney.policy.abi.CallDecoder;
import org.targetedmoney.policy.abi.EventLogs;
import org.targetedmoney.policy.abi.Views;
import org.targetedmoney.policy.model.Address;
import org.targetedmoney.policy.model.EpochScheme;
import org.targetedmoney.policy.rules.Conservation;
import org.targetedmoney.policy.rules.Outcome;
import org.targetedmoney.policy.rules.Rules;
import org.targetedmoney.policy.rules.TxContext;

/**
 * The Ethereum and ledger JSON-RPC methods (DESIGN.md section 4). Reads use storage snapshots and run on
 * a read pool, never on the applying thread; writes go through {@link Admission}.
 */
public final class EthApi {
    public static final String CLIENT_VERSION = "targeted-money-ledger/v0.1.0/java21";
    /** Largest raw transaction or call data accepted as a parameter. */
    public static final int MAX_DATA_BYTES = 128 * 1024;
    /** Gas is ignored; estimates answer this constant so clients that multiply it stay well under limits. */
    static final long ESTIMATED_GAS = 100_000;
    /** The code geth and Besu answer for a call that reverted, with the revert data. */
    static final int EXECUTION_REVERTED = 3;

    private final long chainId;
    private final ChainStore store;
    private final Admission admission;
    private final EpochScheme epochs;
    private final LongSupplier clockSeconds;
    private final Executor readPool;
    private final ChainReads reads;
    private final PlanningReads planning;
    private final FilterRegistry filters;

    /**
     * @param clockSeconds the ledger's clock (epochs of simulated calls)
     * @param nanoTime a monotonic clock for the expiry of installed filters, {@code System::nanoTime}
     */
    public EthApi(long chainId, ChainStore store, Admission admission, EpochScheme epochs, LongSupplier clockSeconds,
                  LongSupplier nanoTime, Executor readPool, TxRenderer renderer) {
        this.chainId = chainId;
        this.store = store;
        this.admission = admission;
        this.epochs = epochs;
        this.clockSeconds = clockSeconds;
        this.readPool = readPool;
        this.reads = new ChainReads(store, renderer);
        this.planning = new PlanningReads(store, epochs);
        this.filters = new FilterRegistry(reads, nanoTime);
    }

    public Map<String, EthMethod> methods() {
        Map<String, EthMethod> m = new LinkedHashMap<>();
        m.put("web3_clientVersion", p -> done(CLIENT_VERSION));
        m.put("net_version", p -> done(Long.toString(chainId)));
        m.put("net_listening", p -> done(true));
        m.put("net_peerCount", p -> done("0x0"));
        m.put("eth_chainId", p -> done(Hex.quantity(chainId)));
        m.put("eth_syncing", p -> done(false));
        m.put("eth_accounts", p -> done(new JsonArray()));
        m.put("eth_gasPrice", p -> done("0x0"));
        m.put("eth_maxPriorityFeePerGas", p -> done("0x0"));
        m.put("eth_getBalance", p -> done("0x0"));
        m.put("eth_getCode", p -> done("0x"));
        m.put("eth_blockNumber", p -> read(() -> Hex.quantity(reads.blockNumber())));
        m.put("eth_getBlockByNumber", p -> read(() -> {
            Params a = new Params("eth_getBlockByNumber", p);
            return reads.blockByNumber(a.string(0, "a block number or tag"), a.optionalBool(1, false));
        }));
        m.put("eth_getBlockByHash", p -> read(() -> {
            Params a = new Params("eth_getBlockByHash", p);
            return reads.blockByHash(a.hash(0), a.optionalBool(1, false));
        }));
        m.put("eth_getTransactionByHash", p -> read(() -> reads.transactionByHash(
                new Params("eth_getTransactionByHash", p).hash(0))));
        m.put("eth_getRawTransactionByHash", p -> read(() -> reads.rawTransactionByHash(
                new Params("eth_getRawTransactionByHash", p).hash(0))));
        m.put("eth_getTransactionReceipt", p -> read(() -> reads.receipt(
                new Params("eth_getTransactionReceipt", p).hash(0))));
        m.put("eth_getLogs", p -> read(() -> reads.logs(new Params("eth_getLogs", p).object(0, "a filter object"))));
        m.put("eth_getTransactionCount", p -> read(() -> transactionCount(new Params("eth_getTransactionCount", p))));
        m.put("eth_call", p -> read(() -> call(new Params("eth_call", p), false)));
        m.put("eth_estimateGas", p -> read(() -> call(new Params("eth_estimateGas", p), true)));
        m.put("eth_sendRawTransaction", this::sendRawTransaction);
        m.put("ledger_invariants", p -> read(this::invariants));
        m.put("ledger_planning", p -> read(() -> planning.planning(new Params("ledger_planning", p)
                .object(0, "{territory, purpose, epoch?}"))));
        DirectoryApi directory = new DirectoryApi(store, epochs, clockSeconds);
        m.put(DirectoryApi.METHOD, p -> read(() -> directory.providers(p)));
        putFilterMethods(m);
        return m;
    }

    /** Installed filters, polled by clients without WebSocket (web3j's flowables over HTTP). */
    private void putFilterMethods(Map<String, EthMethod> m) {
        m.put("eth_newFilter", p -> read(() -> filters.newLogFilter(
                new Params("eth_newFilter", p).object(0, "a filter object"))));
        m.put("eth_newBlockFilter", p -> read(filters::newBlockFilter));
        m.put("eth_newPendingTransactionFilter", p -> read(filters::newPendingTransactionFilter));
        m.put("eth_getFilterChanges", p -> read(() -> filters.changes(
                new Params("eth_getFilterChanges", p).string(0, "a filter id"))));
        m.put("eth_getFilterLogs", p -> read(() -> filters.logs(
                new Params("eth_getFilterLogs", p).string(0, "a filter id"))));
        m.put("eth_uninstallFilter", p -> read(() -> filters.uninstall(
                new Params("eth_uninstallFilter", p).string(0, "a filter id"))));
    }

    private static CompletableFuture<Object> done(Object value) {
        return CompletableFuture.completedFuture(value);
    }

    private CompletableFuture<Object> read(Supplier<Object> work) {
        return CompletableFuture.supplyAsync(work, readPool);
    }

    private CompletableFuture<Object> sendRawTransaction(JsonArray p) {
        byte[] raw;
        try {
            raw = new Params("eth_sendRawTransaction", p).data(0, MAX_DATA_BYTES);
        } catch (RpcException e) {
            return CompletableFuture.failedFuture(e);
        }
        return admission.submit(raw).handle((hash, failure) -> {
            if (failure == null) {
                return Hex.data(hash);
            }
            Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
            if (cause instanceof AdmissionException a) {
                throw new RpcException(a.rpcCode(), a.getMessage(), null);
            }
            throw new RpcException(RpcException.INTERNAL_ERROR, "internal error", null);
        });
    }

    private Object transactionCount(Params a) {
        Address who = a.address(0);
        String tag = a.optionalString(1, "latest");
        try (ChainView v = store.openView()) {
            long stateNonce = v.nonce(who);
            return Hex.quantity("pending".equals(tag) ? admission.pendingNonce(who, stateNonce) : stateNonce);
        }
    }

    /** eth_call and eth_estimateGas: views are answered, state-changing calls are simulated on the snapshot. */
    private Object call(Params a, boolean estimate) {
        JsonObject tx = a.object(0, "a call object {from, to, data}");
        Address to = parseAddress(tx.getString("to"), "to");
        Address from = tx.getString("from") == null ? Address.ZERO : parseAddress(tx.getString("from"), "from");
        String input = tx.getString("input", tx.getString("data", "0x"));
        byte[] data;
        try {
            data = Hex.parseData(input, MAX_DATA_BYTES);
        } catch (IllegalArgumentException e) {
            throw new RpcException(RpcException.INVALID_PARAMS, "call.data: " + e.getMessage());
        }
        try (ChainView v = store.openView()) {
            long now = Math.max(clockSeconds.getAsLong(), v.head().timestampSeconds());
            int epoch = epochs.epochAt(now);
            boolean view = isView(to, data);
            if (view) {
                byte[] out = Views.call(v, epoch, to, data);
                return estimate ? Hex.quantity(ESTIMATED_GAS) : Hex.data(out);
            }
            TxContext ctx = new TxContext(from, v.head().number() + 1, now, epoch);
            Outcome outcome = Rules.apply(v, ctx, CallDecoder.decode(to, data), CallDecoder.ACTIONS);
            if (outcome instanceof Outcome.Rejected r) {
                String text = r.rejection().reasonText();
                throw new RpcException(EXECUTION_REVERTED, "execution reverted: " + text,
                        Hex.data(EventLogs.revertData(text)));
            }
            return estimate ? Hex.quantity(ESTIMATED_GAS) : "0x";
        } catch (AbiException e) {
            throw new RpcException(RpcException.SERVER_ERROR, e.getMessage(), null);
        }
    }

    private static boolean isView(Address to, byte[] data) throws AbiException {
        if (org.targetedmoney.policy.abi.SystemContracts.purposeOfToken(to) > 0) {
            return true;
        }
        return CallDecoder.function(to, data).isView();
    }

    private static Address parseAddress(String s, String field) {
        if (s == null) {
            throw new RpcException(RpcException.INVALID_PARAMS, "call." + field + " is required");
        }
        try {
            return Address.fromHex(s);
        } catch (IllegalArgumentException e) {
            throw new RpcException(RpcException.INVALID_PARAMS, "call." + field + ": " + e.getMessage());
        }
    }

    private Object invariants() {
        try (ChainView v = store.openView()) {
            JsonArray purposes = new JsonArray();
            boolean all = true;
            for (Conservation.PurposeReport r : Conservation.check(v)) {
                all &= r.holds();
                purposes.add(new JsonObject().put("purpose", r.purpose()).put("symbol", r.symbol())
                        .put("issued", Long.toString(r.issuedCents())).put("spent", Long.toString(r.spentCents()))
                        .put("redeemed", Long.toString(r.redeemedCents()))
                        .put("expired", Long.toString(r.expiredCents()))
                        .put("providerBalances", Long.toString(r.providerBalancesCents()))
                        .put("memberBalances", Long.toString(r.memberBalancesCents()))
                        .put("claimsPaid", Long.toString(v.claimsPaid(r.purpose()).paidCents()))
                        .put("holds", r.holds()).put("problems", new JsonArray(r.problems())));
            }
            return new JsonObject().put("blockNumber", Hex.quantity(v.head().number())).put("holds", all)
                    .put("purposes", purposes);
        }
    }
}
