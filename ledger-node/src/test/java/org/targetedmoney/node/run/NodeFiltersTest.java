package org.targetedmoney.node.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.targetedmoney.node.run.TestNetwork.ALICE;
import static org.targetedmoney.node.run.TestNetwork.AUTHORITY;
import static org.targetedmoney.node.run.TestNetwork.COMMITTEE;
import static org.targetedmoney.node.run.TestNetwork.EPOCH;
import static org.targetedmoney.node.run.TestNetwork.FOOD;
import static org.targetedmoney.node.run.TestNetwork.REGISTRAR;
import static org.targetedmoney.node.run.TestNetwork.SHOP;

import io.reactivex.flowables.ConnectableFlowable;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.targetedmoney.policy.abi.EventLogs;
import org.targetedmoney.policy.abi.SystemContracts;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint32;
import org.web3j.abi.datatypes.generated.Uint8;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.http.HttpService;
import org.web3j.utils.Numeric;

/**
 * Installed filters against a real node: eth_newFilter / eth_newBlockFilter polled with eth_getFilterChanges,
 * by hand and through web3j's flowables (which poll with these very methods).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NodeFiltersTest {
    /** web3j polls every this many milliseconds (its default, 15 s, would make the test slow). */
    private static final long POLLING_MILLIS = 100;
    /** Bounds every wait for a notification. */
    private static final long TIMEOUT_SECONDS = 30;
    private static final String LEDGER = SystemContracts.LEDGER.toHex();
    private static final String PAYMENT = Numeric.toHexString(EventLogs.PAYMENT);

    @TempDir
    static Path dir;
    RunningNode node;

    @BeforeAll
    void start() throws Exception {
        node = new RunningNode(dir, TestNetwork.midGenesisMonth());
        node.enrolAliceConventionShopOpenEpoch();
    }

    @AfterAll
    void stop() {
        node.close();
    }

    static Address addr(org.web3j.crypto.Credentials c) {
        return new Address(c.getAddress());
    }

    /** ALICE pays SHOP for FOOD; the receipt's first log is the ledger's Payment event. */
    private JsonObject pay(long cents) throws Exception {
        JsonObject receipt = node.sendAs(ALICE, "pay", addr(SHOP), new Uint32(FOOD), new Uint256(cents),
                new Bytes32(new byte[32]));
        assertThat(receipt.getString("status")).isEqualTo("0x1");
        return receipt;
    }

    private static JsonObject paymentLog(JsonObject receipt) {
        JsonObject log = receipt.getJsonArray("logs").getJsonObject(0);
        assertThat(log.getJsonArray("topics").getString(0)).isEqualTo(PAYMENT);
        return log;
    }

    private Object result(String method, Object... params) throws Exception {
        JsonObject answer = node.call(method, params);
        assertThat(answer.containsKey("error")).as("%s answered %s", method, answer.encode()).isFalse();
        return answer.getValue("result");
    }

    @Test
    void getFilterChanges_afterPayment_returnsExactlyItsPaymentLogAndBlockOnce() throws Exception {
        String nextBlock = Numeric.toHexStringWithPrefix(java.math.BigInteger.valueOf(node.node.headBlock() + 1));
        String logFilter = (String) result("eth_newFilter", new JsonObject().put("fromBlock", nextBlock)
                .put("address", LEDGER).put("topics", new JsonArray().add(PAYMENT)));
        String blockFilter = (String) result("eth_newBlockFilter");

        JsonObject receipt = pay(1_234);

        assertThat((JsonArray) result("eth_getFilterChanges", logFilter)).containsExactly(paymentLog(receipt));
        assertThat((JsonArray) result("eth_getFilterChanges", logFilter)).isEmpty();
        assertThat((JsonArray) result("eth_getFilterChanges", blockFilter))
                .containsExactly(receipt.getString("blockHash"));
        assertThat((JsonArray) result("eth_getFilterChanges", blockFilter)).isEmpty();
        assertThat((JsonArray) result("eth_getFilterLogs", logFilter)).containsExactly(paymentLog(receipt));
    }

    @Test
    void uninstallFilter_thenPoll_isFilterNotFound() throws Exception {
        String id = (String) result("eth_newFilter", new JsonObject().put("address", LEDGER));

        assertThat(result("eth_uninstallFilter", id)).isEqualTo(true);
        assertThat(result("eth_uninstallFilter", id)).isEqualTo(false);
        JsonObject error = node.call("eth_getFilterChanges", id).getJsonObject("error");

        assertThat(error.getInteger("code")).isEqualTo(-32000);
        assertThat(error.getString("message")).isEqualTo("filter not found");
    }

    @Test
    void newPendingTransactionFilter_isInstalled_andItsChangesStayEmpty() throws Exception {
        String id = (String) result("eth_newPendingTransactionFilter");

        pay(1);

        assertThat((JsonArray) result("eth_getFilterChanges", id)).isEmpty();
        assertThat(result("eth_uninstallFilter", id)).isEqualTo(true);
    }

    @Test
    void web3jFlowables_pollingTheNode_receiveThePaymentLogAndItsBlock() throws Exception {
        ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor();
        Web3j web3j = Web3j.build(new HttpService(node.url), POLLING_MILLIS, poller);
        try {
            EthFilter filter = new EthFilter(DefaultBlockParameterName.LATEST, DefaultBlockParameterName.LATEST,
                    LEDGER).addSingleTopic(PAYMENT);
            // replay() keeps what arrives before the test looks; connect() installs the filters synchronously.
            ConnectableFlowable<Log> logs = web3j.ethLogFlowable(filter).replay();
            ConnectableFlowable<EthBlock> blocks = web3j.blockFlowable(false).replay();
            var subscriptions = List.of(logs.connect(), blocks.connect());

            JsonObject receipt = pay(4_321);
            String txHash = receipt.getString("transactionHash");

            Log log = logs.filter(l -> txHash.equals(l.getTransactionHash()))
                    .timeout(TIMEOUT_SECONDS, TimeUnit.SECONDS).blockingFirst();
            assertThat(log.getTopics()).isEqualTo(paymentLog(receipt).getJsonArray("topics").getList());
            assertThat(log.getData()).isEqualTo(paymentLog(receipt).getString("data"));
            EthBlock.Block block = blocks.map(EthBlock::getBlock)
                    .filter(b -> b.getHash().equals(receipt.getString("blockHash")))
                    .timeout(TIMEOUT_SECONDS, TimeUnit.SECONDS).blockingFirst();
            assertThat(block.getTransactions()).extracting(t -> t.get()).containsExactly(txHash);
            subscriptions.forEach(io.reactivex.disposables.Disposable::dispose);
        } finally {
            web3j.shutdown();
        }
    }
}
