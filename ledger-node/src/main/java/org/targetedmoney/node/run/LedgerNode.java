package org.targetedmoney.node.run;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.targetedmoney.netconfig.genesis.GenesisException;
import org.targetedmoney.netconfig.genesis.GenesisReader;
import org.targetedmoney.netconfig.genesis.GenesisWriter;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.targetedmoney.node.ordering.OrderingException;
import org.targetedmoney.node.admission.Admission;
import org.targetedmoney.node.admission.AdmissionException;
import org.targetedmoney.node.admission.TxVerifier;
import org.targetedmoney.policy.chain.OrderedTx;
import org.targetedmoney.node.rpc.RpcException;
import org.targetedmoney.node.rpc.WriteGate;
import org.targetedmoney.policy.model.Address;
import org.targetedmoney.node.api.EthApi;
import org.targetedmoney.node.api.EthJson;
import org.targetedmoney.node.api.Hex;
import org.targetedmoney.policy.chain.BlockExecutor;
import org.targetedmoney.policy.chain.BlockHeader;
import org.targetedmoney.policy.chain.BlockResult;
import org.targetedmoney.policy.chain.TxReceipt;
import org.targetedmoney.node.ledger.LedgerApplier;
import org.targetedmoney.node.ledger.RocksChainStore;
import org.targetedmoney.node.ordering.RaftOrdering;
import org.targetedmoney.node.ordering.RaftSettings;
import org.targetedmoney.node.rpc.HealthReport;
import org.targetedmoney.node.rpc.JsonRpcServer;
import org.targetedmoney.node.rpc.RpcConfig;
import org.targetedmoney.node.rpc.RpcMethodRegistry;
import org.targetedmoney.node.rpc.RpcMetrics;
import org.targetedmoney.node.rpc.SubscriptionHub;
import org.targetedmoney.node.tx.SenderRecoveries;
import org.targetedmoney.policy.tx.TxDecoder;
import org.targetedmoney.policy.abi.Keccak;
import org.targetedmoney.policy.genesis.Genesis;
import org.targetedmoney.policy.genesis.GenesisState;
import org.targetedmoney.policy.state.Entity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A running node. {@link #start} brings it up in dependency order; {@link #close} stops it in reverse. */
public final class LedgerNode implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LedgerNode.class);

    /** Why a node could not start, in words for the person who started it. */
    public static final class StartException extends Exception {
        private static final long serialVersionUID = 1L;

        StartException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final List<AutoCloseable> stopOrder = new ArrayList<>();
    private final Genesis genesis;
    private RocksChainStore store;
    private LedgerApplier applier;
    private Vertx vertx;
    private JsonRpcServer server;
    private RaftOrdering ordering;

    private LedgerNode(Genesis genesis) {
        this.genesis = genesis;
    }

    public static LedgerNode start(NodeConfig config) throws StartException {
        Genesis genesis;
        try {
            genesis = GenesisReader.read(config.genesisFile());
        } catch (GenesisException e) {
            throw new StartException("invalid genesis " + config.genesisFile() + ":\n" + e.getMessage(), e);
        }
        LedgerNode node = new LedgerNode(genesis);
        try {
            node.startParts(config);
            return node;
        } catch (StartException e) {
            node.close();
            throw e;
        } catch (RuntimeException e) {
            node.close();
            throw new StartException("cannot start the node: " + e.getMessage(), e);
        }
    }

    private void startParts(NodeConfig config) throws StartException {
        store = RocksChainStore.open(config.dataDir().resolve("chain"));
        stopOrder.add(store);
        initGenesis();
        TxAdapters tx = new TxAdapters(new TxDecoder(genesis.chainId()), SenderRecoveries.best());
        applier = new LedgerApplier(store, new BlockExecutor(genesis.epochScheme()), tx::parse);
        PrometheusRegistry registry = new PrometheusRegistry();
        NodeMetrics metrics = new NodeMetrics(registry);
        RpcMetrics rpcMetrics = new RpcMetrics(registry);
        SubscriptionHub hub = new SubscriptionHub(rpcMetrics);

        NetworkMembership network = config.network();
        RaftOrdering ordering = network == null
                ? RaftOrdering.start(RaftSettings.singlePeer(config.dataDir().resolve("raft"), config.raftPort()), applier)
                : RaftOrdering.start(network.raftSettings(config.dataDir().resolve("raft")), applier, network.tls());
        stopOrder.add(0, ordering);
        this.ordering = ordering;
        ExecutorService verifyPool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(),
                Thread.ofPlatform().name("verify-", 0).daemon().factory());
        stopOrder.add(0, verifyPool::shutdownNow);
        // The proposer stamps each entry with its clock; every peer applies the entry's timestamp (made monotonic
        // by BlockExecutor), never its own clock, so all peers compute the same blocks.
        Admission admission = new Admission(verifier(tx, network), verifyPool, store::nonce, submitter(ordering, network),
                () -> config.clock().millis() / 1000, proposer(network));
        stopOrder.add(0, admission);
        applier.addListener(block -> admission.onBlockStored(block));
        applier.addListener(block -> publish(hub, block));

        ExecutorService readPool = Executors.newFixedThreadPool(2,
                Thread.ofPlatform().name("rpc-read-", 0).daemon().factory());
        stopOrder.add(0, readPool::shutdownNow);
        EthApi api = new EthApi(genesis.chainId(), store, admission, genesis.epochScheme(),
                () -> config.clock().millis() / 1000, System::nanoTime, readPool, tx::render);
        RpcMethodRegistry methods = new RpcMethodRegistry();
        api.methods().forEach((name, m) -> methods.register(name, p -> Future.fromCompletionStage(m.call(p))));

        vertx = Vertx.vertx(JsonRpcServer.vertxOptions());
        stopOrder.add(0, () -> vertx.close().await(10, TimeUnit.SECONDS));
        server = new JsonRpcServer(RpcConfig.defaults().withHost(config.host()).withPort(config.rpcPort()),
                methods, hub, rpcMetrics, () -> health(ordering, admission), () -> applier.head().number(),
                network == null ? WriteGate.OPEN : network.writeGate());
        try {
            vertx.deployVerticle(server).await(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new StartException("cannot listen for JSON-RPC on " + config.host() + ":" + config.rpcPort()
                    + ": " + e.getMessage(), e);
        }
        metrics.startedAt(applier.head().number());
        applier.addListener(block -> metrics.blockStored(block, applier.lastApplyNanos()));
        LOG.info("node up: chain {} head {} rpc {}:{}", genesis.chainId(), applier.head().number(), config.host(),
                server.actualPort());
    }

    private Address proposer(NetworkMembership network) {
        return network == null ? genesis.validators().get(0) : network.proposer();
    }

    /**
     * How admission hands entries to Raft. A network node that knows no leader (cut off from the majority, or an
     * election under way) fails the entry at once with a clear message instead of letting the Raft client retry
     * for a minute: the callers are told to resend, here later or to another node.
     */
    private static Function<byte[], CompletableFuture<Long>> submitter(RaftOrdering ordering,
                                                                       NetworkMembership network) {
        if (network == null) {
            return ordering::submit;
        }
        String nodeId = network.settings().nodeId();
        return entry -> ordering.leaderId().isPresent() ? ordering.submit(entry)
                : CompletableFuture.failedFuture(new OrderingException("no Raft leader known to " + nodeId
                        + ": it is cut off from the majority or an election is under way"));
    }

    /** Admission's checks, plus the account allowlist of a network node. */
    private static TxVerifier verifier(TxAdapters tx, NetworkMembership network) {
        if (network == null) {
            return tx::verify;
        }
        Function<Address, String> senderCheck = network.senderCheck();
        return raw -> {
            OrderedTx verified = tx.verify(raw);
            String refusal = senderCheck.apply(verified.sender());
            if (refusal != null) {
                throw new AdmissionException(RpcException.NOT_ALLOWED, refusal);
            }
            return verified;
        };
    }

    private HealthReport health(RaftOrdering ordering, Admission admission) {
        return ordering.haltCause()
                .map(cause -> HealthReport.down("halted: " + cause.getMessage()))
                .orElseGet(() -> {
                    JsonObject details = new JsonObject().put("blockNumber", applier.head().number())
                            .put("queued", admission.queued());
                    ordering.leaderId().ifPresent(leader -> details.put("leader", leader));
                    details.put("isLeader", ordering.isLeader());
                    return HealthReport.up(details);
                });
    }

    /** Creates block 0 on an empty store, or checks that the store was made from this very genesis. */
    private void initGenesis() throws StartException {
        byte[] id = Keccak.hash(GenesisWriter.toJson(genesis).getBytes(StandardCharsets.UTF_8));
        byte[] stored = store.genesisId();
        if (stored == null) {
            List<Entity> entities = GenesisState.entities(genesis);
            BlockHeader header = BlockExecutor.genesisHeader(genesis.timestampSeconds(),
                    genesis.epochScheme().epochAt(genesis.timestampSeconds()), entities);
            store.storeGenesis(header, entities, id);
        } else if (!Arrays.equals(stored, id)) {
            throw new StartException("the data directory holds a chain made from another genesis (id "
                    + Hex.data(stored) + ", this genesis is " + Hex.data(id) + "); use a new --data-dir", null);
        }
    }

    private static void publish(SubscriptionHub hub, BlockResult block) {
        hub.publishNewHead(EthJson.block(block.header(), block.hash(), new io.vertx.core.json.JsonArray(), 0));
        List<JsonObject> logs = new ArrayList<>();
        for (TxReceipt r : block.receipts()) {
            for (int i = 0; i < r.logs().size(); i++) {
                logs.add(EthJson.log(r.logs().get(i), r, block.hash(), r.firstLogIndex() + i));
            }
        }
        if (!logs.isEmpty()) {
            hub.publishLogs(logs);
        }
    }

    public int rpcPort() {
        return server.actualPort();
    }

    public long chainId() {
        return genesis.chainId();
    }

    /** The Raft leader this node knows of, if any (its node id in a network). */
    public java.util.Optional<String> leaderId() {
        return ordering.leaderId();
    }

    public long headBlock() {
        return applier.head().number();
    }

    @Override
    public void close() {
        for (AutoCloseable c : stopOrder) {
            try {
                c.close();
            } catch (Exception e) {
                LOG.warn("while stopping: {}", e.toString());
            }
        }
        stopOrder.clear();
    }
}
