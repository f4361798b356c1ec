package org.targetedmoney.node.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.targetedmoney.node.run.TestNetwork.ALICE;
import static org.targetedmoney.node.run.TestNetwork.AUTHORITY;
import static org.targetedmoney.node.run.TestNetwork.BOB;
import static org.targetedmoney.node.run.TestNetwork.COMMITTEE;
import static org.targetedmoney.node.run.TestNetwork.EPOCH;
import static org.targetedmoney.node.run.TestNetwork.FOOD;
import static org.targetedmoney.node.run.TestNetwork.PHARMACY;
import static org.targetedmoney.node.run.TestNetwork.REGISTRAR;
import static org.targetedmoney.node.run.TestNetwork.SHOP;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.targetedmoney.policy.abi.EventLogs;
import org.targetedmoney.policy.abi.SystemContracts;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint32;
import org.web3j.abi.datatypes.generated.Uint8;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.utils.Numeric;

/**
 * One node, driven through its JSON-RPC like any Ethereum client would: the targeted-money scenario,
 * receipts and revert reasons, views through eth_call, logs, blocks and batch requests.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NodeJsonRpcTest {
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

    private long balance(org.web3j.crypto.Credentials who) throws Exception {
        Function f = new Function("balanceOf", List.of(addr(who), new Uint32(FOOD)),
                List.of(new TypeReference<Uint256>() {}));
        String out = node.web3j.ethCall(Transaction.createEthCallTransaction(who.getAddress(),
                SystemContracts.LEDGER.toHex(), FunctionEncoder.encode(f)), DefaultBlockParameterName.LATEST)
                .send().getValue();
        @SuppressWarnings("rawtypes")
        List<Type> decoded = FunctionReturnDecoder.decode(out, f.getOutputParameters());
        return ((BigInteger) decoded.get(0).getValue()).longValueExact();
    }

    @Test
    void openEpoch_issuesTheHouseholdAllowance_visibleThroughEthCall() throws Exception {
        assertThat(balance(ALICE)).isGreaterThanOrEqualTo(20_000);
    }

    @Test
    void pay_toConventionedShop_succeedsWithPaymentAndTransferLogs() throws Exception {
        long before = balance(ALICE);

        JsonObject receipt = node.sendAs(ALICE, "pay", addr(SHOP), new Uint32(FOOD), new Uint256(4_250),
                new Bytes32(new byte[32]));

        assertThat(receipt.getString("status")).isEqualTo("0x1");
        JsonArray logs = receipt.getJsonArray("logs");
        assertThat(logs.getJsonObject(0).getJsonArray("topics").getString(0))
                .isEqualTo(Numeric.toHexString(EventLogs.PAYMENT));
        assertThat(logs.getJsonObject(1).getString("address")).isEqualTo(SystemContracts.tokenAddress(FOOD).toHex());
        assertThat(balance(ALICE)).isEqualTo(before - 4_250);
    }

    @Test
    void pay_toProviderWithoutConvention_isMinedWithStatusZeroAndItsCode() throws Exception {
        long before = balance(ALICE);

        JsonObject receipt = node.sendAs(ALICE, "pay", addr(PHARMACY), new Uint32(FOOD), new Uint256(100),
                new Bytes32(new byte[32]));

        assertThat(receipt.getString("status")).isEqualTo("0x0");
        String reason = decodeRevert(receipt.getString("revertReason"));
        assertThat(reason).startsWith("NOT_CONVENTIONED: ");
        assertThat(balance(ALICE)).isEqualTo(before);
    }

    @Test
    void pay_byNonMember_isRefusedNotMember() throws Exception {
        JsonObject receipt = node.sendAs(BOB, "pay", addr(SHOP), new Uint32(FOOD), new Uint256(100),
                new Bytes32(new byte[32]));

        assertThat(decodeRevert(receipt.getString("revertReason"))).startsWith("NOT_MEMBER: ");
    }

    @Test
    void ethCall_ofRefusedPayment_answersExecutionRevertedWithTheCode() throws Exception {
        String data = FunctionEncoder.encode(new Function("pay", List.of(addr(PHARMACY), new Uint32(FOOD),
                new Uint256(1), new Bytes32(new byte[32])), List.of()));
        JsonObject answer = node.call("eth_call", new JsonObject().put("from", ALICE.getAddress())
                .put("to", SystemContracts.LEDGER.toHex()).put("data", data), "latest");

        assertThat(answer.getJsonObject("error").getInteger("code")).isEqualTo(3);
        assertThat(answer.getJsonObject("error").getString("message")).contains("NOT_CONVENTIONED");
    }

    @Test
    void redeem_byShop_emitsRedeemedAndKeepsConservation() throws Exception {
        node.sendAs(ALICE, "pay", addr(SHOP), new Uint32(FOOD), new Uint256(1_000), new Bytes32(new byte[32]));

        JsonObject receipt = node.sendAs(SHOP, "redeem", new Uint32(FOOD), new Uint256(1_000));

        assertThat(receipt.getString("status")).isEqualTo("0x1");
        assertThat(receipt.getJsonArray("logs").getJsonObject(0).getJsonArray("topics").getString(0))
                .isEqualTo(Numeric.toHexString(EventLogs.REDEEMED));
        JsonObject inv = node.call("ledger_invariants").getJsonObject("result");
        assertThat(inv.getBoolean("holds")).isTrue();
    }

    @Test
    void getLogs_byPaymentTopic_findsPaymentsOnly() throws Exception {
        node.sendAs(ALICE, "pay", addr(SHOP), new Uint32(FOOD), new Uint256(10), new Bytes32(new byte[32]));

        JsonArray logs = node.call("eth_getLogs", new JsonObject().put("fromBlock", "0x0").put("toBlock", "latest")
                .put("topics", new JsonArray().add(Numeric.toHexString(EventLogs.PAYMENT)))).getJsonArray("result");

        assertThat(logs).isNotEmpty();
        assertThat(logs.stream().map(l -> ((JsonObject) l).getJsonArray("topics").getString(0)))
                .allMatch(t -> t.equals(Numeric.toHexString(EventLogs.PAYMENT)));
    }

    @Test
    void getBlockByNumber_withFullTransactions_showsSenderAndInput() throws Exception {
        JsonObject receipt = node.sendAs(ALICE, "pay", addr(SHOP), new Uint32(FOOD), new Uint256(5),
                new Bytes32(new byte[32]));

        JsonObject block = node.call("eth_getBlockByNumber", receipt.getString("blockNumber"), true)
                .getJsonObject("result");

        JsonObject tx = block.getJsonArray("transactions").getJsonObject(0);
        assertThat(tx.getString("from")).isEqualTo(ALICE.getAddress());
        assertThat(tx.getString("hash")).isEqualTo(receipt.getString("transactionHash"));
        assertThat(block.getString("hash")).isEqualTo(receipt.getString("blockHash"));
    }

    @Test
    void batchRequest_answersEachCallInOneResponse() throws Exception {
        String body = "[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_chainId\"},"
                + "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"eth_blockNumber\"},"
                + "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"eth_nope\"}]";

        JsonArray answers = new JsonArray(node.post(body).body());

        assertThat(answers).hasSize(3);
        assertThat(answers.getJsonObject(0).getString("result")).isEqualTo("0x7a69");
        assertThat(answers.getJsonObject(2).getJsonObject("error").getInteger("code")).isEqualTo(-32601);
    }

    static String decodeRevert(String hex) {
        byte[] b = Numeric.hexStringToByteArray(hex);
        assertThat(Numeric.toHexString(java.util.Arrays.copyOf(b, 4))).isEqualTo("0x08c379a0");
        @SuppressWarnings({"rawtypes", "unchecked"})
        List<TypeReference<Type>> out = List.of((TypeReference) new TypeReference<Utf8String>() {});
        @SuppressWarnings("rawtypes")
        List<Type> s = FunctionReturnDecoder.decode(Numeric.toHexString(java.util.Arrays.copyOfRange(b, 4, b.length)),
                out);
        return (String) s.get(0).getValue();
    }
}
