package org.targetedmoney.node.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.targetedmoney.node.rpc.LogFilter;
import org.targetedmoney.node.rpc.RpcException;

class FilterRegistryTest {
    private static final String LEDGER = "0x" + "aa".repeat(20);
    private static final String TOKEN = "0x" + "bb".repeat(20);
    private static final String PAYMENT = "0x" + "11".repeat(32);
    private static final String REDEEMED = "0x" + "22".repeat(32);
    private static final String ALICE = "0x" + "33".repeat(32);
    private static final String BOB = "0x" + "44".repeat(32);
    private static final long ONE_SECOND = 1_000_000_000L;

    private final FakeChain chain = new FakeChain();
    private final AtomicLong nanos = new AtomicLong(42 * ONE_SECOND);
    private final FilterRegistry registry = new FilterRegistry(chain, nanos::get);

    /** Blocks held in memory: block n has hash 0x..n and the given logs (with blockNumber set). */
    private static final class FakeChain implements FilterRegistry.Chain {
        final List<List<JsonObject>> blocks = new ArrayList<>(List.of(List.of()));

        void add(JsonObject... logs) {
            long n = blocks.size();
            List<JsonObject> withNumber = new ArrayList<>();
            for (JsonObject log : logs) {
                withNumber.add(log.copy().put("blockNumber", Hex.quantity(n)));
            }
            blocks.add(withNumber);
        }

        static String hash(long n) {
            return String.format("0x%064x", n);
        }

        @Override
        public long head() {
            return blocks.size() - 1;
        }

        @Override
        public List<String> blockHashes(long from, long to) {
            List<String> out = new ArrayList<>();
            for (long n = from; n <= Math.min(to, head()); n++) {
                out.add(hash(n));
            }
            return out;
        }

        @Override
        public FilterRegistry.LogPage logPage(long from, long to, LogFilter query, int maxLogs) {
            List<JsonObject> out = new ArrayList<>();
            long n = from;
            for (; n <= to && out.size() < maxLogs; n++) {
                blocks.get((int) n).stream().filter(query::matches).forEach(out::add);
            }
            return new FilterRegistry.LogPage(out, n - 1);
        }

        @Override
        public JsonArray logs(String method, LogFilter query, String fromTag, String toTag) {
            long from = ChainReads.resolve(fromTag, head(), "fromBlock");
            long to = Math.min(ChainReads.resolve(toTag, head(), "toBlock"), head());
            return new JsonArray(new ArrayList<Object>(logPage(from, to, query, Integer.MAX_VALUE).logs()));
        }
    }

    private static JsonObject log(String address, String... topics) {
        return new JsonObject().put("address", address).put("topics", new JsonArray(List.of((Object[]) topics)))
                .put("data", "0x");
    }

    private static JsonObject filter(String json) {
        return new JsonObject(json);
    }

    private void advance(long nanosToAdd) {
        nanos.addAndGet(nanosToAdd);
    }

    private static void assertFilterNotFound(Runnable call) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(RpcException.class, e -> {
            assertThat(e.code()).isEqualTo(-32000);
            assertThat(e.getMessage()).isEqualTo("filter not found");
        });
    }

    @Test
    void newBlockFilter_thenTwoBlocks_changesAreTheirHashesThenEmpty() {
        chain.add();
        String id = registry.newBlockFilter();
        chain.add();
        chain.add(log(LEDGER, PAYMENT));

        assertThat(registry.changes(id)).containsExactly(FakeChain.hash(2), FakeChain.hash(3));
        assertThat(registry.changes(id)).isEmpty();
        chain.add();
        assertThat(registry.changes(id)).containsExactly(FakeChain.hash(4));
    }

    @Test
    void newFilter_id_isHexQuantityOfUpTo128Bits_andUnique() {
        String a = registry.newBlockFilter();
        String b = registry.newBlockFilter();

        assertThat(a).matches("0x[1-9a-f][0-9a-f]{0,31}|0x0");
        assertThat(a).isNotEqualTo(b);
    }

    @Test
    void newLogFilter_addressAndTopic_changesHoldOnlyNewMatchingLogs() {
        chain.add(log(LEDGER, PAYMENT, ALICE));
        String id = registry.newLogFilter(filter("{\"address\":\"" + LEDGER + "\",\"topics\":[\"" + PAYMENT + "\"]}"));
        JsonObject payment = log(LEDGER, PAYMENT, BOB);
        chain.add(payment, log(TOKEN, PAYMENT), log(LEDGER, REDEEMED));

        JsonArray changes = registry.changes(id);

        assertThat(changes).hasSize(1);
        assertThat(changes.getJsonObject(0).getJsonArray("topics")).containsExactly(PAYMENT, BOB);
        assertThat(changes.getJsonObject(0).getString("blockNumber")).isEqualTo("0x2");
        assertThat(registry.changes(id)).isEmpty();
    }

    @Test
    void newLogFilter_addressArrayNullWildcardAndOrTopics_matchLikeGetLogs() {
        String id = registry.newLogFilter(filter("{\"address\":[\"" + LEDGER + "\",\"" + TOKEN + "\"],"
                + "\"topics\":[[\"" + PAYMENT + "\",\"" + REDEEMED + "\"],null,\"" + ALICE + "\"]}"));
        chain.add(log(LEDGER, PAYMENT, BOB, ALICE), log(TOKEN, REDEEMED, PAYMENT, ALICE),
                log(LEDGER, PAYMENT, ALICE, BOB), log(LEDGER, PAYMENT, ALICE), log("0x" + "cc".repeat(20),
                        PAYMENT, BOB, ALICE));

        JsonArray changes = registry.changes(id);

        assertThat(changes).extracting(o -> ((JsonObject) o).getJsonArray("topics").getString(0))
                .containsExactly(PAYMENT, REDEEMED);
    }

    @Test
    void newLogFilter_numericBlockRange_boundsTheChanges() {
        String id = registry.newLogFilter(filter("{\"fromBlock\":\"0x2\",\"toBlock\":\"0x3\"}"));
        for (int i = 0; i < 4; i++) {
            chain.add(log(LEDGER, PAYMENT));
        }

        assertThat(registry.changes(id)).extracting(o -> ((JsonObject) o).getString("blockNumber"))
                .containsExactly("0x2", "0x3");
        chain.add(log(LEDGER, PAYMENT));
        assertThat(registry.changes(id)).isEmpty();
    }

    @Test
    void getFilterLogs_returnsAllMatchingLogsInItsRange_withoutConsumingChanges() {
        chain.add(log(LEDGER, PAYMENT));
        String id = registry.newLogFilter(filter("{\"fromBlock\":\"earliest\",\"topics\":[\"" + PAYMENT + "\"]}"));
        chain.add(log(LEDGER, PAYMENT), log(LEDGER, REDEEMED));

        assertThat(registry.logs(id)).hasSize(2);
        assertThat(registry.changes(id)).hasSize(1);
        assertThat(registry.logs(id)).hasSize(2);
    }

    @Test
    void getFilterLogs_ofBlockFilter_isFilterNotFound() {
        String id = registry.newBlockFilter();

        assertFilterNotFound(() -> registry.logs(id));
    }

    @Test
    void newPendingTransactionFilter_changes_areAlwaysEmpty() {
        String id = registry.newPendingTransactionFilter();
        chain.add(log(LEDGER, PAYMENT));

        assertThat(registry.changes(id)).isEmpty();
    }

    @Test
    void changes_afterFiveMinutesWithoutPoll_isFilterNotFound() {
        String id = registry.newBlockFilter();

        advance(FilterRegistry.EXPIRY.toNanos());

        assertFilterNotFound(() -> registry.changes(id));
        assertThat(registry.size()).isZero();
    }

    @Test
    void changes_pollsJustBeforeExpiry_keepTheFilterAlive() {
        String id = registry.newBlockFilter();
        for (int i = 0; i < 3; i++) {
            advance(FilterRegistry.EXPIRY.toNanos() - ONE_SECOND);
            assertThat(registry.changes(id)).isEmpty();
        }

        advance(FilterRegistry.EXPIRY.toNanos() - ONE_SECOND);
        assertThat(registry.uninstall(id)).isTrue();
    }

    @Test
    void uninstall_installedFilter_trueThenFalse_andPollingItFails() {
        String id = registry.newLogFilter(filter("{}"));

        assertThat(registry.uninstall(id)).isTrue();
        assertThat(registry.uninstall(id)).isFalse();
        assertFilterNotFound(() -> registry.changes(id));
    }

    @Test
    void uninstall_expiredFilter_isFalse() {
        String id = registry.newBlockFilter();
        advance(FilterRegistry.EXPIRY.toNanos() + ONE_SECOND);

        assertThat(registry.uninstall(id)).isFalse();
    }

    @Test
    void changes_unknownId_isFilterNotFound_andMalformedIdIsInvalidParams() {
        assertFilterNotFound(() -> registry.changes("0x1234"));
        assertThatThrownBy(() -> registry.changes("filter-1")).isInstanceOfSatisfying(RpcException.class,
                e -> assertThat(e.code()).isEqualTo(RpcException.INVALID_PARAMS));
    }

    @Test
    void changes_idInUpperCaseWithLeadingZeros_findsTheFilter() {
        String id = registry.newBlockFilter();
        chain.add();

        assertThat(registry.changes("0x000" + id.substring(2).toUpperCase())).hasSize(1);
    }

    @Test
    void install_beyondMaxFilters_isLimitExceeded_untilSomeExpire() {
        for (int i = 0; i < FilterRegistry.MAX_FILTERS; i++) {
            registry.newPendingTransactionFilter();
        }

        assertThatThrownBy(registry::newBlockFilter).isInstanceOfSatisfying(RpcException.class, e -> {
            assertThat(e.code()).isEqualTo(RpcException.LIMIT_EXCEEDED);
            assertThat(e.getMessage()).contains("too many installed filters", "10000");
        });
        advance(FilterRegistry.EXPIRY.toNanos());
        String id = registry.newBlockFilter();
        assertThat(registry.size()).isEqualTo(1);
        assertThat(registry.changes(id)).isEmpty();
    }

    @Test
    void blockChanges_farBehind_catchUpOverSeveralBoundedPolls() {
        String id = registry.newBlockFilter();
        for (int i = 0; i < FilterRegistry.MAX_BLOCKS_PER_POLL + 5; i++) {
            chain.add();
        }

        JsonArray first = registry.changes(id);
        JsonArray second = registry.changes(id);

        assertThat(first).hasSize((int) FilterRegistry.MAX_BLOCKS_PER_POLL);
        assertThat(second).hasSize(5);
        assertThat(second.getString(4)).isEqualTo(FakeChain.hash(chain.head()));
    }

    @Test
    void logChanges_moreThanMaxLogs_areSplitAtBlockBoundaries() {
        String id = registry.newLogFilter(filter("{}"));
        int perBlock = FilterRegistry.MAX_LOGS_PER_POLL / 2 + 1;
        for (int b = 0; b < 3; b++) {
            JsonObject[] logs = new JsonObject[perBlock];
            java.util.Arrays.fill(logs, log(LEDGER, PAYMENT));
            chain.add(logs);
        }

        assertThat(registry.changes(id)).hasSize(2 * perBlock);
        assertThat(registry.changes(id)).hasSize(perBlock);
        assertThat(registry.changes(id)).isEmpty();
    }

    @Test
    void newLogFilter_badFilters_areInvalidParams() {
        for (String bad : List.of("{\"blockHash\":\"0x" + "00".repeat(32) + "\"}",
                "{\"fromBlock\":\"0x5\",\"toBlock\":\"0x2\"}", "{\"fromBlock\":\"yesterday\"}",
                "{\"toBlock\":7}", "{\"address\":\"0x12\"}",
                "{\"address\":" + manyAddresses(FilterRegistry.MAX_FILTER_CRITERIA + 1) + "}")) {
            assertThatThrownBy(() -> registry.newLogFilter(filter(bad))).as(bad)
                    .isInstanceOfSatisfying(RpcException.class,
                            e -> assertThat(e.code()).isEqualTo(RpcException.INVALID_PARAMS));
        }
        assertThat(registry.size()).isZero();
    }

    private static String manyAddresses(int n) {
        JsonArray a = new JsonArray();
        for (int i = 0; i < n; i++) {
            a.add(String.format("0x%040x", i));
        }
        return a.encode();
    }
}
