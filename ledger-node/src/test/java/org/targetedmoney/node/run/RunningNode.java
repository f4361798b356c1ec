package org.targetedmoney.node.run;

import java.nio.file.Path;
import java.time.Clock;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;

/** A node started in this JVM for a test, with raw JSON-RPC helpers and web3j. */
final class RunningNode extends RpcClient implements AutoCloseable {
    final LedgerNode node;
    final Web3j web3j;

    RunningNode(Path dir, Clock clock) throws Exception {
        this(LedgerNode.start(TestNetwork.config(dir, clock)));
    }

    private RunningNode(LedgerNode node) {
        super("http://127.0.0.1:" + node.rpcPort());
        this.node = node;
        this.web3j = Web3j.build(new HttpService(url));
    }

    @Override
    public void close() {
        web3j.shutdown();
        node.close();
    }
}
