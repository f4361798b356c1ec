package org.targetedmoney.node.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.targetedmoney.node.run.TestNetwork.ALICE;
import static org.targetedmoney.node.run.TestNetwork.FOOD;
import static org.targetedmoney.node.run.TestNetwork.PHARMACY;
import static org.targetedmoney.node.run.TestNetwork.SHOP;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BiFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.targetedmoney.node.api.Hex;
import org.targetedmoney.wallet.auditor.AuditCli;
import org.targetedmoney.wallet.auditor.AuditReport;
import org.targetedmoney.wallet.auditor.ChainAudit;
import org.targetedmoney.wallet.auditor.Divergence;
import org.targetedmoney.wallet.auditor.ReplayCheckpoint;
import org.targetedmoney.wallet.auditor.RpcChainSource;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint32;
import org.web3j.protocol.http.HttpService;
import picocli.CommandLine;

/**
 * The auditor of wallet-sdk against a real node: an honest chain passes; a node that lies (through a proxy
 * rewriting its JSON-RPC answers) is caught at the first lie, named by block, transaction and field; an audit
 * resumed from a checkpoint reads only the new blocks and reaches the same verdict as a full one.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChainAuditNodeTest {
    @TempDir
    static Path dir;
    RunningNode node;
    String payHash;
    long payBlock;

    @BeforeAll
    void scenario() throws Exception {
        node = new RunningNode(dir, TestNetwork.midGenesisMonth());
        node.enrolAliceConventionShopOpenEpoch();
        JsonObject paid = node.sendAs(ALICE, "pay", new Address(SHOP.getAddress()), new Uint32(FOOD),
                new Uint256(4_250), new Bytes32(new byte[32]));
        payHash = paid.getString("transactionHash");
        payBlock = Hex.parseQuantity(paid.getString("blockNumber"));
        node.sendAs(ALICE, "pay", new Address(PHARMACY.getAddress()), new Uint32(FOOD), new Uint256(100),
                new Bytes32(new byte[32]));
        node.sendAs(SHOP, "redeem", new Uint32(FOOD), new Uint256(1_000));
    }

    @AfterAll
    void stop() {
        node.close();
    }

    private static AuditReport audit(String url) throws Exception {
        return new ChainAudit(new RpcChainSource(new HttpService(url)), (done, total, txs) -> { })
                .fromGenesis(TestNetwork.genesis());
    }

    private AuditReport auditThrough(BiFunction<JsonObject, JsonObject, JsonObject> lie) throws Exception {
        try (TamperingProxy proxy = TamperingProxy.answers(node.url, lie)) {
            return audit(proxy.url());
        }
    }

    private static boolean is(JsonObject request, String method) {
        return method.equals(request.getString("method"));
    }

    private boolean isPayBlock(JsonObject request) {
        return is(request, "eth_getBlockByNumber")
                && Hex.parseQuantity(request.getJsonArray("params").getString(0)) == payBlock;
    }

    @Test
    void audit_honestNode_passesWithEveryTransactionReplayedAndConservationHolding() throws Exception {
        long head = node.node.headBlock();

        AuditReport report = audit(node.url);

        assertThat(report.divergence()).isEmpty();
        assertThat(report.toBlock()).isEqualTo(head);
        assertThat(report.transactions()).isGreaterThanOrEqualTo(6);
        assertThat(report.rejectedTransactions()).isGreaterThanOrEqualTo(1);
        assertThat(report.purposes()).filteredOn(p -> p.purpose() == FOOD).singleElement()
                .satisfies(p -> assertThat(p.redeemedCents()).isGreaterThanOrEqualTo(1_000));
        assertThat(report.render()).contains("AUDIT PASSED", "FOOD", "seals");
    }

    @Test
    void audit_paymentAmountChangedInItsReceipt_namesTheLogDataOfThatTransaction() throws Exception {
        AuditReport report = auditThrough((req, answer) -> {
            JsonObject r = is(req, "eth_getTransactionReceipt") ? answer.getJsonObject("result") : null;
            if (r != null && payHash.equals(r.getString("transactionHash"))) {
                JsonObject log = r.getJsonArray("logs").getJsonObject(0);
                String data = log.getString("data");
                log.put("data", data.substring(0, data.length() - 1) + (data.endsWith("0") ? "1" : "0"));
            }
            return answer;
        });

        Divergence d = report.divergence().orElseThrow();
        assertThat(d.blockNumber()).isEqualTo(payBlock);
        assertThat(d.txIndex()).isZero();
        assertThat(d.txHash()).isEqualTo(payHash);
        assertThat(d.field()).isEqualTo("receipt.logs[0].data");
    }

    @Test
    void audit_transactionDroppedFromABlock_namesTheTransactionsRoot() throws Exception {
        AuditReport report = auditThrough((req, answer) -> {
            if (isPayBlock(req)) {
                answer.getJsonObject("result").put("transactions", new JsonArray());
            }
            return answer;
        });

        Divergence d = report.divergence().orElseThrow();
        assertThat(d.blockNumber()).isEqualTo(payBlock);
        assertThat(d.field()).isEqualTo("transactionsRoot");
    }

    @Test
    void audit_blocksServedOutOfOrder_namesTheBlockNumber() throws Exception {
        try (TamperingProxy proxy = new TamperingProxy(node.url, req -> {
            if (is(req, "eth_getBlockByNumber")) {
                long n = Hex.parseQuantity(req.getJsonArray("params").getString(0));
                long swapped = n == 2 ? 3 : n == 3 ? 2 : n;
                req.put("params", new JsonArray().add(Hex.quantity(swapped)).add(true));
            }
            return req;
        }, (req, answer) -> answer)) {
            Divergence d = audit(proxy.url()).divergence().orElseThrow();

            assertThat(d.field()).isEqualTo("number");
            assertThat(d.expected()).isEqualTo("2");
            assertThat(d.found()).isEqualTo("3");
        }
    }

    @Test
    void audit_senderReplacedByAnotherAccount_namesTheFromField() throws Exception {
        AuditReport report = auditThrough((req, answer) -> {
            if (isPayBlock(req)) {
                answer.getJsonObject("result").getJsonArray("transactions").getJsonObject(0)
                        .put("from", SHOP.getAddress());
            }
            return answer;
        });

        Divergence d = report.divergence().orElseThrow();
        assertThat(d.blockNumber()).isEqualTo(payBlock);
        assertThat(d.field()).isEqualTo("from");
        assertThat(d.expected()).startsWith(ALICE.getAddress().toLowerCase());
    }

    @Test
    void audit_memberBalancesInflatedInTheNodesConservationView_namesThePurposeFigure() throws Exception {
        AuditReport report = auditThrough((req, answer) -> {
            if (is(req, "ledger_invariants")) {
                JsonObject food = answer.getJsonObject("result").getJsonArray("purposes").getJsonObject(FOOD - 1);
                food.put("memberBalances", Long.toString(Long.parseLong(food.getString("memberBalances")) + 1));
            }
            return answer;
        });

        Divergence d = report.divergence().orElseThrow();
        assertThat(d.field()).isEqualTo("ledger_invariants.purposes[FOOD].memberBalances");
        assertThat(Long.parseLong(d.found())).isEqualTo(Long.parseLong(d.expected()) + 1);
    }

    @Test
    void cli_tamperedNode_exitsNonZeroWithTheDivergenceInTheReport() throws Exception {
        try (TamperingProxy proxy = TamperingProxy.answers(node.url, (req, answer) -> {
            if (isPayBlock(req)) {
                answer.getJsonObject("result").put("transactions", new JsonArray());
            }
            return answer;
        })) {
            Cli run = cli("--rpc", proxy.url(), "--genesis", dir.resolve("genesis.json").toString());

            assertThat(run.exit()).isEqualTo(1);
            assertThat(run.out()).contains("AUDIT FAILED", "DIVERGENCE", "block " + payBlock, "transactionsRoot");
        }
    }

    @Test
    void incrementalAudit_fromACheckpoint_readsOnlyNewBlocksAndGivesTheFullAuditsVerdict() throws Exception {
        Path checkpoint = dir.resolve("audit.checkpoint");
        Cli first = cli("--rpc", node.url, "--genesis", dir.resolve("genesis.json").toString(),
                "--checkpoint-out", checkpoint.toString());
        long anchor = ReplayCheckpoint.read(checkpoint).blockNumber();
        node.sendAs(ALICE, "pay", new Address(SHOP.getAddress()), new Uint32(FOOD), new Uint256(7),
                new Bytes32(new byte[32]));

        Cli resumed;
        try (TamperingProxy recorder = TamperingProxy.answers(node.url, (req, answer) -> answer)) {
            resumed = cli("--rpc", recorder.url(), "--genesis", dir.resolve("genesis.json").toString(),
                    "--from-checkpoint", checkpoint.toString());
            List<Long> blocksRead = recorder.seen.stream().filter(r -> is(r, "eth_getBlockByNumber"))
                    .map(r -> Hex.parseQuantity(r.getJsonArray("params").getString(0))).toList();
            assertThat(blocksRead).isNotEmpty().allSatisfy(n -> assertThat(n).isGreaterThanOrEqualTo(anchor));
        }
        AuditReport full = audit(node.url);

        assertThat(first.exit()).isZero();
        assertThat(resumed.exit()).isZero();
        assertThat(resumed.out()).contains("AUDIT PASSED", "resuming from checkpoint", "anchored at block " + anchor);
        assertThat(full.passed()).isTrue();
        assertThat(resumed.out()).contains(String.format("%14d", full.purposes().get(FOOD - 1).issuedCents()));
        assertThat(full.toBlock()).isGreaterThan(anchor);
    }

    private record Cli(int exit, String out) {}

    private static Cli cli(String... args) {
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new AuditCli());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(out));
        int exit = cli.execute(args);
        return new Cli(exit, out.toString());
    }
}
