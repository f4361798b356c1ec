package org.targetedmoney.node.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.targetedmoney.node.run.TestNetwork.ALICE;
import static org.targetedmoney.node.run.TestNetwork.AUTHORITY;
import static org.targetedmoney.node.run.TestNetwork.BOB;
import static org.targetedmoney.node.run.TestNetwork.CHAIN_ID;
import static org.targetedmoney.node.run.TestNetwork.COMMITTEE;
import static org.targetedmoney.node.run.TestNetwork.EPOCH;
import static org.targetedmoney.node.run.TestNetwork.FOOD;
import static org.targetedmoney.node.run.TestNetwork.REGISTRAR;
import static org.targetedmoney.node.run.TestNetwork.SHOP;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.targetedmoney.policy.abi.SystemContracts;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint32;
import org.web3j.abi.datatypes.generated.Uint8;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.ECDSASignature;
import org.web3j.crypto.Hash;
import org.web3j.crypto.Keys;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.Sign;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.rlp.RlpDecoder;
import org.web3j.rlp.RlpEncoder;
import org.web3j.rlp.RlpList;
import org.web3j.rlp.RlpString;
import org.web3j.rlp.RlpType;
import org.web3j.utils.Numeric;

/**
 * Bad input through JSON-RPC, case by case: each gets a JSON-RPC error that names what is wrong
 * (or, when the transaction is well formed and only the rules refuse it, a receipt with status 0
 * and a revert code), and none changes the state. The "state fingerprint" (block number, state
 * root, balances, ALICE's nonces) is taken before and after each case. The last test checks that
 * the node still takes a good payment and reports itself UP.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NodeBadInputTest {
    /** JSON-RPC error codes, as geth and Besu use them. */
    static final int PARSE_ERROR = -32700;
    static final int INVALID_REQUEST = -32600;
    static final int METHOD_NOT_FOUND = -32601;
    static final int INVALID_PARAMS = -32602;
    static final int REFUSED = -32000;
    static final int LIMIT_EXCEEDED = -32005;
    static final BigInteger CURVE_N =
            new BigInteger("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141", 16);
    static final BigInteger CURVE_P =
            new BigInteger("fffffffffffffffffffffffffffffffffffffffffffffffffffffffefffffc2f", 16);
    static final String LEDGER = SystemContracts.LEDGER.toHex();

    @TempDir
    static Path dir;
    RunningNode node;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    void start() throws Exception {
        node = new RunningNode(dir, TestNetwork.midGenesisMonth());
        node.enrolAliceConventionShopOpenEpoch();
        JsonObject paid = node.sendAs(ALICE, "pay", addr(SHOP), new Uint32(FOOD), new Uint256(1_000), ref());
        assertThat(paid.getString("status")).isEqualTo("0x1");
    }

    @AfterAll
    void stop() {
        http.close();
        node.close();
    }

    // ---------------------------------------------------------------- 1. malformed RLP

    @Test
    void sendRawTransaction_randomBytes_refusedAsNotATransaction() throws Exception {
        assertRefused("0xdeadbeefcafebabe", REFUSED, "MALFORMED_RLP: ");
        assertRefused("0x8568656c6c6f", REFUSED, "MALFORMED_RLP: ", "RLP byte string");
        assertRefused("0x01c0", REFUSED, "UNSUPPORTED_TX_TYPE: ", "type 1");
        Random random = new Random(20_261_101);
        for (int i = 0; i < 20; i++) {
            byte[] noise = new byte[1 + random.nextInt(300)];
            random.nextBytes(noise);
            JsonObject error = assertRefused(Numeric.toHexString(noise), REFUSED);
            assertThat(error.getString("message")).as("noise %s", Numeric.toHexString(noise))
                    .matches("(MALFORMED_RLP|MALFORMED_TX|UNSUPPORTED_TX_TYPE): .+");
        }
    }

    @Test
    void sendRawTransaction_truncatedValidTx_refusedWithRlpError() throws Exception {
        byte[] good = Numeric.hexStringToByteArray(goodPayment(1));
        assertRefused(Numeric.toHexString(Arrays.copyOf(good, good.length - 1)), REFUSED, "MALFORMED_RLP: ");
        assertRefused(Numeric.toHexString(Arrays.copyOf(good, good.length / 2)), REFUSED, "MALFORMED_RLP: ");
    }

    @Test
    void sendRawTransaction_trailingBytes_refusedWithRlpError() throws Exception {
        assertRefused(goodPayment(1) + "00", REFUSED, "MALFORMED_RLP: ");
        assertRefused(goodPayment(1) + goodPayment(1).substring(2), REFUSED, "MALFORMED_RLP: ");
    }

    @Test
    void sendRawTransaction_emptyData_refusedAsEmptyTransaction() throws Exception {
        assertRefused("0x", REFUSED, "MALFORMED_RLP: ", "empty transaction");
    }

    @Test
    void sendRawTransaction_notHex_refusedAsInvalidParams() throws Exception {
        assertRefused("0xzz", INVALID_PARAMS, "eth_sendRawTransaction: parameter 0", "not hex data");
        assertRefused("f86c", INVALID_PARAMS, "expected hex data");
        assertRefused("0x123", INVALID_PARAMS, "expected hex data");
        JsonObject error = errorOf(unchanged(() -> node.call("eth_sendRawTransaction", 42)));
        assertError(error, INVALID_PARAMS, "parameter 0 must be hex data");
        error = errorOf(unchanged(() -> node.call("eth_sendRawTransaction")));
        assertError(error, INVALID_PARAMS, "parameter 0 must be hex data");
    }

    @Test
    void sendRawTransaction_overMaxRawSize_refusedNamingTheLimit() throws Exception {
        assertRefused("0x" + "00".repeat(128 * 1024 + 1), INVALID_PARAMS, "exceeds 131072");
    }

    // ---------------------------------------------------------------- 2. wrong chain id

    @Test
    void sendRawTransaction_legacyWrongChainId_refusedWithChainIdError() throws Exception {
        String raw = hex(TransactionEncoder.signMessage(payTx(aliceNonce(), 1), 1L, ALICE));
        assertRefused(raw, REFUSED, "WRONG_CHAIN_ID: ", "chain id 1 does not match", "31337");
    }

    @Test
    void sendRawTransaction_eip1559WrongChainId_refusedWithChainIdError() throws Exception {
        RawTransaction tx = RawTransaction.createTransaction(5L, BigInteger.valueOf(aliceNonce()),
                BigInteger.valueOf(1_000_000), LEDGER, BigInteger.ZERO, payData(1), BigInteger.ZERO, BigInteger.ZERO);
        assertRefused(hex(TransactionEncoder.signMessage(tx, ALICE)), REFUSED, "WRONG_CHAIN_ID: ",
                "chain id 5 does not match", "31337");
    }

    @Test
    void sendRawTransaction_eip1559RightChainId_isAccepted() throws Exception {
        // The control for the case above: the same transaction with this ledger's chain id goes through.
        RawTransaction tx = RawTransaction.createTransaction(CHAIN_ID, BigInteger.valueOf(aliceNonce()),
                BigInteger.valueOf(1_000_000), LEDGER, BigInteger.ZERO, payData(1), BigInteger.ZERO, BigInteger.ZERO);
        assertThat(node.send(hex(TransactionEncoder.signMessage(tx, ALICE))).getString("status")).isEqualTo("0x1");
    }

    // ---------------------------------------------------------------- 3. bad signatures

    @Test
    void sendRawTransaction_zeroR_refusedWithSignatureError() throws Exception {
        List<RlpType> f = fields(goodPayment(aliceNonce()));
        f.set(7, RlpString.create(BigInteger.ZERO));
        assertRefused(encode(f), REFUSED, "BAD_SIGNATURE: ", "signature r is zero");
    }

    @Test
    void sendRawTransaction_zeroS_refusedWithSignatureError() throws Exception {
        List<RlpType> f = fields(goodPayment(aliceNonce()));
        f.set(8, RlpString.create(BigInteger.ZERO));
        assertRefused(encode(f), REFUSED, "BAD_SIGNATURE: ", "signature s is zero");
    }

    @Test
    void sendRawTransaction_rNotBelowCurveOrder_refusedWithSignatureError() throws Exception {
        List<RlpType> f = fields(goodPayment(aliceNonce()));
        f.set(7, RlpString.create(CURVE_N));
        assertRefused(encode(f), REFUSED, "BAD_SIGNATURE: ", "signature r is not below the secp256k1 order n");
    }

    @Test
    void sendRawTransaction_rOffTheCurve_refusedAsNoKeyRecoverable() throws Exception {
        List<RlpType> f = fields(goodPayment(aliceNonce()));
        f.set(7, RlpString.create(xOffTheCurve()));
        assertRefused(encode(f), REFUSED, "BAD_SIGNATURE: ", "no public key recoverable from the signature");
    }

    /**
     * A signature altered into another valid one recovers another address: the node cannot tell it from
     * that address's own transaction. That address has nonce 0, so a nonce far ahead is refused at once
     * (a nonce at most 64 ahead would wait 30 s for the missing ones, then be refused the same way).
     */
    @Test
    void sendRawTransaction_alteredS_recoversAnotherAddressAndIsRefusedForItsNonce() throws Exception {
        long nonce = 1_000;
        RawTransaction tx = payTx(nonce, 1);
        List<RlpType> f = fields(hex(TransactionEncoder.signMessage(tx, CHAIN_ID, ALICE)));
        BigInteger s = bigOf(f.get(8)).subtract(BigInteger.ONE);
        f.set(8, RlpString.create(s));
        int recId = (int) (bigOf(f.get(6)).longValueExact() - 35 - 2 * CHAIN_ID);
        byte[] signingHash = Hash.sha3(TransactionEncoder.encode(tx, CHAIN_ID));
        BigInteger key = Sign.recoverFromSignature(recId, new ECDSASignature(bigOf(f.get(7)), s), signingHash);
        String stranger = "0x" + Keys.getAddress(key);
        assertThat(stranger).isNotEqualToIgnoringCase(ALICE.getAddress());

        assertRefused(encode(f), REFUSED, "nonce too high: " + nonce + " for " + stranger, "next is 0");
        assertThat(nonceOf(stranger, "pending")).isZero();
    }

    @Test
    void sendRawTransaction_highS_refusedAsMalleable() throws Exception {
        List<RlpType> f = fields(goodPayment(aliceNonce()));
        f.set(8, RlpString.create(CURVE_N.subtract(bigOf(f.get(8)))));
        BigInteger v = bigOf(f.get(6)); // chainId*2 + 35 + recId: odd for recId 0; flip the recovery id
        f.set(6, RlpString.create(v.testBit(0) ? v.add(BigInteger.ONE) : v.subtract(BigInteger.ONE)));
        assertRefused(encode(f), REFUSED, "HIGH_S: ", "signature s is above n/2");
    }

    @Test
    void sendRawTransaction_preEip155Legacy_refusedAsNotReplayProtected() throws Exception {
        String raw = hex(TransactionEncoder.signMessage(payTx(aliceNonce(), 1), ALICE));
        assertThat(bigOf(fields(raw).get(6)).intValueExact()).isIn(27, 28);
        assertRefused(raw, REFUSED, "NOT_REPLAY_PROTECTED: ", "chain id", "EIP-155");
    }

    @Test
    void sendRawTransaction_badYParity_refusedWithSignatureError() throws Exception {
        RawTransaction tx = RawTransaction.createTransaction(CHAIN_ID, BigInteger.valueOf(aliceNonce()),
                BigInteger.valueOf(1_000_000), LEDGER, BigInteger.ZERO, payData(1), BigInteger.ZERO, BigInteger.ZERO);
        byte[] raw = TransactionEncoder.signMessage(tx, ALICE);
        List<RlpType> f = new ArrayList<>(((RlpList) RlpDecoder.decode(Arrays.copyOfRange(raw, 1, raw.length))
                .getValues().get(0)).getValues());
        f.set(9, RlpString.create(2));
        byte[] body = RlpEncoder.encode(new RlpList(f));
        byte[] typed = new byte[body.length + 1];
        typed[0] = 2;
        System.arraycopy(body, 0, typed, 1, body.length);
        assertRefused(hex(typed), REFUSED, "BAD_SIGNATURE: ", "yParity must be 0 or 1");
    }

    // ---------------------------------------------------------------- 4. nonces

    /** Not idempotent: the second send of an included transaction is a nonce error, and nothing is applied twice. */
    @Test
    void sendRawTransaction_sameTxTwice_secondRefusedNonceTooLow() throws Exception {
        long nonce = aliceNonce();
        String raw = goodPayment(nonce);
        JsonObject receipt = node.send(raw);
        assertThat(receipt.getString("status")).isEqualTo("0x1");

        assertRefused(raw, REFUSED, "nonce too low: " + nonce + " was already used by", "next is " + (nonce + 1));
        assertThat(node.call("eth_getTransactionReceipt", receipt.getString("transactionHash"))
                .getJsonObject("result").getString("blockNumber")).isEqualTo(receipt.getString("blockNumber"));
    }

    /** Both copies are verified in parallel; one is included, the other is refused (being ordered, or already used). */
    @Test
    void sendRawTransaction_sameTxTwiceInOneBatch_includedOnce() throws Exception {
        long nonce = aliceNonce();
        String raw = goodPayment(nonce);
        Fingerprint before = fingerprint();
        JsonObject request = new JsonObject().put("jsonrpc", "2.0").put("method", "eth_sendRawTransaction")
                .put("params", new JsonArray().add(raw));
        JsonArray answers = new JsonArray(node.post(new JsonArray().add(request.copy().put("id", 1))
                .add(request.copy().put("id", 2)).encode()).body());

        List<JsonObject> results = new ArrayList<>();
        List<JsonObject> errors = new ArrayList<>();
        for (int i = 0; i < answers.size(); i++) {
            JsonObject answer = answers.getJsonObject(i);
            (answer.containsKey("result") ? results : errors).add(answer);
        }
        assertThat(results).hasSize(1);
        assertThat(errors).hasSize(1);
        JsonObject error = errors.get(0).getJsonObject("error");
        assertThat(error.getInteger("code")).isEqualTo(REFUSED);
        assertThat(error.getString("message")).containsAnyOf("already known", "nonce too low");
        Fingerprint after = fingerprint();
        assertThat(after.alice()).isEqualTo(before.alice() - 1);
        assertThat(after.shop()).isEqualTo(before.shop() + 1);
        assertThat(after.aliceNonce()).isEqualTo(nonce + 1);
        assertThat(after.blockNumber()).isEqualTo(before.blockNumber() + 1);
    }

    @Test
    void sendRawTransaction_nonceBeyondTheParkingWindow_refusedNonceTooHigh() throws Exception {
        long next = aliceNonce();
        assertRefused(goodPayment(next + 65), REFUSED, "nonce too high: " + (next + 65), "next is " + next,
                "at most 64 ahead");
        assertRefused(goodPayment(Long.MAX_VALUE), REFUSED, "nonce too high: " + Long.MAX_VALUE);
    }

    @Test
    void sendRawTransaction_nonceAbove63Bits_refusedAsMalformed() throws Exception {
        RawTransaction tx = RawTransaction.createTransaction(BigInteger.ONE.shiftLeft(63), BigInteger.ZERO,
                BigInteger.valueOf(1_000_000), LEDGER, BigInteger.ZERO, payData(1));
        assertRefused(hex(TransactionEncoder.signMessage(tx, CHAIN_ID, ALICE)), REFUSED, "MALFORMED_TX: ",
                "nonce", "does not fit in 63 bits");
    }

    // ---------------------------------------------------------------- 5. call data and recipients

    @Test
    void sendRawTransaction_unknownSelector_refusedAtTheDoor() throws Exception {
        String data = "0xdeadbeef" + payData(1).substring(10);
        assertRefused(signedTx(aliceNonce(), LEDGER, BigInteger.ZERO, data), REFUSED,
                "unknown function selector 0xdeadbeef for the ledger contract");
        assertRefused(signedTx(aliceNonce(), LEDGER, BigInteger.ZERO, "0x01"), REFUSED,
                "has no 4-byte function selector");
    }

    @Test
    void sendRawTransaction_truncatedAbiData_refusedAtTheDoor() throws Exception {
        String data = payData(1).substring(0, 2 + 8 + 2 * 64); // selector, provider, purpose: no amount nor ref
        assertRefused(signedTx(aliceNonce(), LEDGER, BigInteger.ZERO, data), REFUSED,
                "pay: argument 2 is truncated");
    }

    @Test
    void sendRawTransaction_payAmountOf2To63_refusedAtTheDoor() throws Exception {
        String data = FunctionEncoder.encode(new Function("pay", List.of(addr(SHOP), new Uint32(FOOD),
                new Uint256(BigInteger.ONE.shiftLeft(63)), ref()), List.of()));
        assertRefused(signedTx(aliceNonce(), LEDGER, BigInteger.ZERO, data), REFUSED,
                "pay: argument 2 exceeds 2^63-1");
    }

    /** 2^63-1 decodes, so the rules judge it: included with status 0; only the nonce and block number advance. */
    @Test
    void sendRawTransaction_payAmountOf2To63Minus1_minedWithStatusZeroAndInsufficientBalance() throws Exception {
        String data = FunctionEncoder.encode(new Function("pay", List.of(addr(SHOP), new Uint32(FOOD),
                new Uint256(Long.MAX_VALUE), ref()), List.of()));
        assertMinedButReverted(signedTx(aliceNonce(), LEDGER, BigInteger.ZERO, data), "INSUFFICIENT_BALANCE");
    }

    /** Zero decodes too: included with status 0; only the nonce and block number advance. */
    @Test
    void sendRawTransaction_payAmountZero_minedWithStatusZeroAndInvalidAmount() throws Exception {
        assertMinedButReverted(signedTx(aliceNonce(), LEDGER, BigInteger.ZERO, payData(0)), "INVALID_AMOUNT");
    }

    @Test
    void sendRawTransaction_viewFunction_refusedReadOnly() throws Exception {
        String data = FunctionEncoder.encode(new Function("balanceOf", List.of(addr(ALICE), new Uint32(FOOD)),
                List.of()));
        assertRefused(signedTx(aliceNonce(), LEDGER, BigInteger.ZERO, data), REFUSED,
                "READ_ONLY: balanceOf is a view");
    }

    @Test
    void sendRawTransaction_toPurposeToken_refusedReadOnly() throws Exception {
        assertRefused(signedTx(aliceNonce(), SystemContracts.tokenAddress(FOOD).toHex(), BigInteger.ZERO,
                payData(1)), REFUSED, "READ_ONLY: the purpose token");
    }

    @Test
    void sendRawTransaction_toNonSystemAddress_refusedNamingTheLedger() throws Exception {
        assertRefused(signedTx(aliceNonce(), BOB.getAddress(), BigInteger.ZERO, payData(1)), REFUSED,
                "is not a system contract of this ledger");
    }

    @Test
    void sendRawTransaction_withValue_refusedAsNativeValue() throws Exception {
        assertRefused(signedTx(aliceNonce(), LEDGER, BigInteger.ONE, payData(1)), REFUSED, "NATIVE_VALUE: ",
                "value must be 0");
    }

    @Test
    void sendRawTransaction_contractCreation_refused() throws Exception {
        assertRefused(signedTx(aliceNonce(), null, BigInteger.ZERO, "0x6080604052"), REFUSED,
                "CONTRACT_CREATION: ", "contract creation is not supported");
    }

    // ---------------------------------------------------------------- 6. HTTP and JSON-RPC envelope

    /**
     * 413 with a JSON-RPC limit error, over HTTP/1.1 (then the connection is closed) and over HTTP/2, which
     * Java's client negotiates by h2c upgrade: there the reply carries no Connection header (HTTP/2 forbids
     * it) and the shared connection stays open for the client's other requests.
     */
    @Test
    void post_bodyOverTheLimit_answers413WithLimitError() throws Exception {
        String prefix = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_sendRawTransaction\",\"params\":[\"0x";
        String suffix = "\"]}";
        int filler = 5 * 1024 * 1024 + 1 - prefix.length() - suffix.length(); // one byte over the limit
        String body = prefix + "0".repeat(filler) + suffix;
        Fingerprint before = fingerprint();

        String small = "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"eth_chainId\"}";
        for (HttpClient.Version version : List.of(HttpClient.Version.HTTP_1_1, HttpClient.Version.HTTP_2)) {
            assertThat(post(version, small).version()).isEqualTo(version);

            HttpResponse<String> response = post(version, body);

            assertThat(response.statusCode()).as("%s", version).isEqualTo(413);
            assertThat(response.version()).isEqualTo(version);
            assertError(new JsonObject(response.body()).getJsonObject("error"), LIMIT_EXCEEDED,
                    "request body exceeds the limit of 5242880 bytes");
            assertThat(post(version, small).body()).contains("0x7a69");
        }
        assertThat(fingerprint()).isEqualTo(before);
    }

    @Test
    void post_batchOverTheLimit_refusedWholeWithLimitError() throws Exception {
        JsonObject request = new JsonObject().put("jsonrpc", "2.0").put("method", "eth_sendRawTransaction")
                .put("params", new JsonArray().add(goodPayment(aliceNonce())));
        JsonArray batch = new JsonArray();
        for (int i = 0; i < 1_025; i++) {
            batch.add(request.copy().put("id", i));
        }
        JsonObject reply = postObject(batch.encode());
        assertError(reply.getJsonObject("error"), LIMIT_EXCEEDED, "batch of 1025 requests exceeds the limit of 1024");
        assertThat(reply.getValue("id")).isNull();
    }

    @Test
    void post_emptyBatch_invalidRequest() throws Exception {
        assertError(postObject("[]").getJsonObject("error"), INVALID_REQUEST, "empty batch");
    }

    @Test
    void post_invalidJson_parseError() throws Exception {
        JsonObject reply = postObject("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":");
        assertError(reply.getJsonObject("error"), PARSE_ERROR, "Parse error");
        assertThat(reply.getValue("id")).isNull();
        assertError(postObject("").getJsonObject("error"), PARSE_ERROR, "Parse error");
    }

    @Test
    void post_jsonNeitherObjectNorArray_invalidRequest() throws Exception {
        for (String body : List.of("42", "\"eth_blockNumber\"", "true", "null")) {
            assertError(postObject(body).getJsonObject("error"), INVALID_REQUEST, "a request must be a JSON object");
        }
        JsonArray answers = new JsonArray(node.post("[1,\"two\"]").body());
        assertThat(answers).hasSize(2);
        assertError(answers.getJsonObject(1).getJsonObject("error"), INVALID_REQUEST,
                "a request must be a JSON object");
    }

    @Test
    void post_missingMethod_invalidRequest() throws Exception {
        JsonObject reply = postObject("{\"jsonrpc\":\"2.0\",\"id\":4,\"params\":[]}");
        assertError(reply.getJsonObject("error"), INVALID_REQUEST, "method must be a non-empty string");
        assertThat(reply.getInteger("id")).isEqualTo(4);
        assertError(postObject("{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":7}").getJsonObject("error"),
                INVALID_REQUEST, "method must be a non-empty string");
        assertError(postObject("{\"id\":4,\"method\":\"eth_blockNumber\"}").getJsonObject("error"),
                INVALID_REQUEST, "jsonrpc must be \"2.0\"");
        assertError(postObject("{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"eth_blockNumber\",\"params\":{}}")
                .getJsonObject("error"), INVALID_REQUEST, "params must be an array");
        assertError(postObject("{\"jsonrpc\":\"2.0\",\"id\":{},\"method\":\"eth_blockNumber\"}")
                .getJsonObject("error"), INVALID_REQUEST, "id must be a string, a number or null");
    }

    @Test
    void post_unknownMethod_methodNotFound() throws Exception {
        assertError(call("eth_mining"), METHOD_NOT_FOUND, "the method eth_mining does not exist");
        assertError(call("debug_traceTransaction", "0x" + "00".repeat(32)), METHOD_NOT_FOUND,
                "debug_traceTransaction");
    }

    @Test
    void getBlockByNumber_wrongParamTypes_invalidParams() throws Exception {
        assertError(call("eth_getBlockByNumber", 1, false), INVALID_PARAMS,
                "eth_getBlockByNumber: parameter 0 must be a block number or tag");
        assertError(call("eth_getBlockByNumber", "0xzz", false), INVALID_PARAMS, "expected a hex quantity");
        assertError(call("eth_getBlockByNumber", "latest", "yes"), INVALID_PARAMS, "parameter 1 must be true or false");
        assertError(call("eth_getBlockByNumber"), INVALID_PARAMS, "parameter 0 must be a block number or tag");
    }

    @Test
    void getTransactionReceipt_shortHash_invalidParams() throws Exception {
        assertError(call("eth_getTransactionReceipt", "0x1234"), INVALID_PARAMS,
                "eth_getTransactionReceipt: parameter 0", "expected a 32-byte hash, got 2 bytes");
        assertError(call("eth_getTransactionByHash", 12), INVALID_PARAMS, "parameter 0 must be a 32-byte hash");
        assertError(call("eth_getTransactionCount", "0x1234", "latest"), INVALID_PARAMS,
                "eth_getTransactionCount: parameter 0");
    }

    /** The limit applies to the range asked, even beyond the head (the scan stops at the head). */
    @Test
    void getLogs_rangeOverTheLimit_limitError() throws Exception {
        assertError(call("eth_getLogs", new JsonObject().put("fromBlock", "0x0").put("toBlock", "0x2710")),
                LIMIT_EXCEEDED, "a range of 10001 blocks exceeds the limit of 10000");
        assertError(call("eth_getLogs", new JsonObject().put("fromBlock", "earliest")
                .put("toBlock", "0x7fffffffffffffff")), LIMIT_EXCEEDED, "exceeds the limit of 10000");
        JsonObject atTheLimit = node.call("eth_getLogs", new JsonObject().put("fromBlock", "0x0").put("toBlock", "0x270f"));
        assertThat(atTheLimit.getJsonArray("result")).isNotEmpty();
    }

    @Test
    void getLogs_wrongParamTypes_invalidParams() throws Exception {
        assertError(call("eth_getLogs", "latest"), INVALID_PARAMS, "eth_getLogs: parameter 0 must be a filter object");
        assertError(call("eth_getLogs", new JsonObject().put("fromBlock", 0)), INVALID_PARAMS,
                "eth_getLogs: fromBlock: expected a hex quantity like 0x1a, got '0'");
        assertError(call("eth_getLogs", new JsonObject().put("toBlock", "soon")), INVALID_PARAMS,
                "eth_getLogs: toBlock: expected a hex quantity", "or a tag");
        assertError(call("eth_getLogs", new JsonObject().put("blockHash", "0x12")), INVALID_PARAMS,
                "eth_getLogs: blockHash: expected a 32-byte hash, got 1 bytes");
        assertError(call("eth_getLogs", new JsonObject().put("blockHash", "0x" + "00".repeat(32))),
                -32001, "not found");
        assertError(call("eth_getLogs", new JsonObject().put("address", "0x12")), INVALID_PARAMS, "address");
    }

    @Test
    void ethCall_malformedData_invalidParams() throws Exception {
        assertError(call("eth_call", callObject("0xzz"), "latest"), INVALID_PARAMS, "call.data", "not hex data");
        assertError(call("eth_call", callObject("0x123"), "latest"), INVALID_PARAMS, "call.data");
        assertError(call("eth_call", new JsonObject().put("data", "0x"), "latest"), INVALID_PARAMS,
                "call.to is required");
        assertError(call("eth_call", new JsonObject().put("to", "0x1234"), "latest"), INVALID_PARAMS, "call.to");
        assertError(call("eth_call", new JsonObject().put("to", 4096), "latest"), INVALID_PARAMS, "call.to");
        assertError(call("eth_call", callObject(4), "latest"), INVALID_PARAMS, "call.data");
        assertError(call("eth_call", "0x1234", "latest"), INVALID_PARAMS, "eth_call: parameter 0 must be a call object");
    }

    @Test
    void ethCall_undecodableCallData_serverErrorNamingTheProblem() throws Exception {
        assertError(call("eth_call", callObject("0xdeadbeef"), "latest"), REFUSED,
                "unknown function selector 0xdeadbeef");
        String truncated = FunctionEncoder.encode(new Function("balanceOf", List.of(addr(ALICE), new Uint32(FOOD)),
                List.of())).substring(0, 2 + 8 + 64);
        assertError(call("eth_call", callObject(truncated), "latest"), REFUSED, "balanceOf: argument 1 is truncated");
        assertError(call("eth_call", callObject(payData(1).substring(0, 10)), "latest"), REFUSED,
                "pay: argument 0 is truncated");
    }

    // ---------------------------------------------------------------- 7. still healthy

    @Test
    @Order(Integer.MAX_VALUE)
    void afterAllBadInput_goodPaymentGoesThroughAndHealthIsUp() throws Exception {
        Fingerprint before = fingerprint();

        JsonObject receipt = node.send(goodPayment(aliceNonce()));

        assertThat(receipt.getString("status")).isEqualTo("0x1");
        Fingerprint after = fingerprint();
        assertThat(after.alice()).isEqualTo(before.alice() - 1);
        assertThat(after.shop()).isEqualTo(before.shop() + 1);
        assertThat(node.call("ledger_invariants").getJsonObject("result").getBoolean("holds")).isTrue();
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(node.url + "/health"))
                .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(new JsonObject(health.body()).getString("status")).isEqualTo("UP");
    }

    // ---------------------------------------------------------------- helpers

    /** What a bad input must not change. */
    record Fingerprint(long blockNumber, String stateRoot, long alice, long shop, long aliceNonce,
                       long alicePendingNonce) {}

    private Fingerprint fingerprint() throws Exception {
        JsonObject head = node.call("eth_getBlockByNumber", "latest", false).getJsonObject("result");
        return new Fingerprint(Long.decode(node.call("eth_blockNumber").getString("result")),
                head.getString("stateRoot"), balance(ALICE), balance(SHOP), nonceOf(ALICE.getAddress(), "latest"),
                nonceOf(ALICE.getAddress(), "pending"));
    }

    private long balance(Credentials who) throws Exception {
        String data = FunctionEncoder.encode(new Function("balanceOf", List.of(addr(who), new Uint32(FOOD)),
                List.of()));
        String out = node.call("eth_call", callObject(data), "latest").getString("result");
        return Numeric.toBigInt(out).longValueExact();
    }

    private long nonceOf(String address, String tag) throws Exception {
        return Long.decode(node.call("eth_getTransactionCount", address, tag).getString("result"));
    }

    private long aliceNonce() throws Exception {
        return node.nonce(ALICE);
    }

    /** Sends {@code raw}, expects an error naming the problem, and checks that nothing changed. */
    private JsonObject assertRefused(String raw, int code, String... fragments) throws Exception {
        JsonObject error = errorOf(unchanged(() -> node.call("eth_sendRawTransaction", raw)));
        assertError(error, code, fragments);
        return error;
    }

    /**
     * A well-formed transaction the rules refuse: included with status 0 and its revert code. Balances do
     * not move; only ALICE's nonce and the block number advance (and so the state root, which covers nonces).
     */
    private void assertMinedButReverted(String raw, String code) throws Exception {
        Fingerprint before = fingerprint();

        JsonObject receipt = node.send(raw);

        assertThat(receipt.getString("status")).isEqualTo("0x0");
        assertThat(NodeJsonRpcTest.decodeRevert(receipt.getString("revertReason"))).startsWith(code + ": ");
        Fingerprint after = fingerprint();
        assertThat(after.alice()).isEqualTo(before.alice());
        assertThat(after.shop()).isEqualTo(before.shop());
        assertThat(after.aliceNonce()).isEqualTo(before.aliceNonce() + 1);
        assertThat(after.alicePendingNonce()).isEqualTo(before.alicePendingNonce() + 1);
        assertThat(after.blockNumber()).isEqualTo(before.blockNumber() + 1);
    }

    @FunctionalInterface
    interface Request {
        JsonObject send() throws Exception;
    }

    /** Runs {@code request} between two fingerprints and checks they are equal. */
    private JsonObject unchanged(Request request) throws Exception {
        Fingerprint before = fingerprint();
        JsonObject answer = request.send();
        assertThat(fingerprint()).as("state after %s", answer.encode()).isEqualTo(before);
        return answer;
    }

    private JsonObject call(String method, Object... params) throws Exception {
        return errorOf(unchanged(() -> node.call(method, params)));
    }

    private HttpResponse<String> post(HttpClient.Version version, String body) throws Exception {
        HttpClient client = version == HttpClient.Version.HTTP_2 ? http
                : HttpClient.newBuilder().version(version).connectTimeout(Duration.ofSeconds(5)).build();
        return client.send(HttpRequest.newBuilder(URI.create(node.url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private JsonObject postObject(String body) throws Exception {
        return unchanged(() -> {
            HttpResponse<String> response = node.post(body);
            assertThat(response.statusCode()).isEqualTo(200);
            return new JsonObject(response.body());
        });
    }

    private static JsonObject errorOf(JsonObject answer) {
        assertThat(answer.containsKey("result")).as("an error, not a result: %s", answer.encode()).isFalse();
        assertThat(answer.getJsonObject("error")).as(answer.encode()).isNotNull();
        return answer.getJsonObject("error");
    }

    private static void assertError(JsonObject error, int code, String... fragments) {
        assertThat(error.getInteger("code")).as(error.encode()).isEqualTo(code);
        for (String fragment : fragments) {
            assertThat(error.getString("message")).contains(fragment);
        }
    }

    private static JsonObject callObject(Object data) {
        return new JsonObject().put("from", ALICE.getAddress()).put("to", LEDGER).put("data", data);
    }

    static Address addr(Credentials c) {
        return new Address(c.getAddress());
    }

    private static Bytes32 ref() {
        return new Bytes32(new byte[32]);
    }

    private static String payData(long amount) {
        return FunctionEncoder.encode(new Function("pay", List.<Type>of(addr(SHOP), new Uint32(FOOD),
                new Uint256(amount), ref()), List.of()));
    }

    private static RawTransaction payTx(long nonce, long amount) {
        return RawTransaction.createTransaction(BigInteger.valueOf(nonce), BigInteger.ZERO,
                BigInteger.valueOf(1_000_000), LEDGER, BigInteger.ZERO, payData(amount));
    }

    /** ALICE pays SHOP one cent: valid in every way, signed for this chain. */
    private static String goodPayment(long nonce) {
        return hex(TransactionEncoder.signMessage(payTx(nonce, 1), CHAIN_ID, ALICE));
    }

    private static String signedTx(long nonce, String to, BigInteger value, String data) {
        RawTransaction tx = RawTransaction.createTransaction(BigInteger.valueOf(nonce), BigInteger.ZERO,
                BigInteger.valueOf(1_000_000), to, value, data);
        return hex(TransactionEncoder.signMessage(tx, CHAIN_ID, ALICE));
    }

    /** The nine fields of a signed legacy transaction: nonce, gasPrice, gas, to, value, data, v, r, s. */
    private static List<RlpType> fields(String raw) {
        RlpList outer = RlpDecoder.decode(Numeric.hexStringToByteArray(raw));
        return new ArrayList<>(((RlpList) outer.getValues().get(0)).getValues());
    }

    private static String encode(List<RlpType> fields) {
        return hex(RlpEncoder.encode(new RlpList(fields)));
    }

    private static BigInteger bigOf(RlpType item) {
        return ((RlpString) item).asPositiveBigInteger();
    }

    /** The smallest x with no point on secp256k1 (x^3 + 7 is not a square mod p): no key recovers from r = x. */
    private static BigInteger xOffTheCurve() {
        BigInteger half = CURVE_P.subtract(BigInteger.ONE).shiftRight(1);
        for (BigInteger x = BigInteger.ONE; ; x = x.add(BigInteger.ONE)) {
            BigInteger rhs = x.pow(3).add(BigInteger.valueOf(7)).mod(CURVE_P);
            if (!rhs.modPow(half, CURVE_P).equals(BigInteger.ONE)) {
                return x;
            }
        }
    }

    private static String hex(byte[] bytes) {
        return Numeric.toHexString(bytes);
    }
}
