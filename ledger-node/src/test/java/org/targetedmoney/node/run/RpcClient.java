package org.targetedmoney.node.run;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.targetedmoney.policy.abi.SystemContracts;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.utils.Numeric;

/** Raw JSON-RPC over HTTP to a node, wherever it runs, with web3j signing of ledger calls. */
class RpcClient {
    final String url;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    RpcClient(String url) {
        this.url = url;
    }

    /** Posts a raw body; returns the HTTP status and body. */
    HttpResponse<String> post(String body) throws IOException, InterruptedException {
        HttpRequest req = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return http.send(req, HttpResponse.BodyHandlers.ofString());
    }

    JsonObject call(String method, Object... params) throws IOException, InterruptedException {
        JsonObject req = new JsonObject().put("jsonrpc", "2.0").put("id", 1).put("method", method)
                .put("params", new JsonArray(List.of(params)));
        return new JsonObject(post(req.encode()).body());
    }

    /** The result of a call that must succeed. */
    Object result(String method, Object... params) throws IOException, InterruptedException {
        JsonObject answer = call(method, params);
        if (answer.containsKey("error")) {
            throw new AssertionError(method + " failed: " + answer.encode());
        }
        return answer.getValue("result");
    }

    /** Signs a legacy EIP-155 call to the ledger contract with an explicit nonce. */
    static String signed(Credentials who, long nonce, String function, Type<?>... args) {
        String data = FunctionEncoder.encode(new Function(function, List.of(args), List.of()));
        RawTransaction tx = RawTransaction.createTransaction(BigInteger.valueOf(nonce), BigInteger.ZERO,
                BigInteger.valueOf(1_000_000), SystemContracts.LEDGER.toHex(), BigInteger.ZERO, data);
        return Numeric.toHexString(TransactionEncoder.signMessage(tx, TestNetwork.CHAIN_ID, who));
    }

    /** Sends a signed transaction and returns its receipt (the node answers once the block is stored). */
    JsonObject send(String signedTx) throws IOException, InterruptedException {
        JsonObject answer = call("eth_sendRawTransaction", signedTx);
        if (answer.containsKey("error")) {
            throw new AssertionError("refused at the door: " + answer.encode());
        }
        return call("eth_getTransactionReceipt", answer.getString("result")).getJsonObject("result");
    }

    long nonce(Credentials who) throws IOException, InterruptedException {
        return Long.decode(call("eth_getTransactionCount", who.getAddress(), "pending").getString("result"));
    }

    JsonObject sendAs(Credentials who, String function, Type<?>... args) throws IOException, InterruptedException {
        return send(signed(who, nonce(who), function, args));
    }
}
