package org.targetedmoney.node.run;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Uint32;
import org.web3j.abi.datatypes.generated.Uint8;
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

    /** The usual start of a story: ALICE (Sète, 2 people) enrolled, SHOP conventioned for FOOD, the month opened. */
    void enrolAliceConventionShopOpenEpoch() throws java.io.IOException, InterruptedException {
        sendAs(TestNetwork.REGISTRAR, "enrolMember", new Address(TestNetwork.ALICE.getAddress()),
                new Utf8String("FR-OCC-34-172"), new Uint8(2));
        sendAs(TestNetwork.COMMITTEE, "conventionProvider", new Address(TestNetwork.SHOP.getAddress()),
                new DynamicArray<>(Uint32.class, List.of(new Uint32(TestNetwork.FOOD))), new Utf8String("FR-OCC-34"),
                new Uint32(TestNetwork.EPOCH), new Uint32(TestNetwork.EPOCH + 24));
        sendAs(TestNetwork.AUTHORITY, "openEpoch", new Uint32(TestNetwork.EPOCH));
    }

    @Override
    public void close() {
        web3j.shutdown();
        node.close();
    }
}
