package org.targetedmoney.node.api;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;
import org.targetedmoney.node.rpc.LogFilter;
import org.targetedmoney.node.rpc.RpcException;

/**
 * The filters of {@code eth_newFilter}, {@code eth_newBlockFilter} and {@code eth_newPendingTransactionFilter},
 * polled with {@code eth_getFilterChanges}, as in geth and Besu (web3j's {@code ethLogFlowable} and
 * {@code blockFlowable} poll so).
 *
 * <p>A filter keeps no queue, only a cursor: the last block it has reported. Each poll reads the blocks after it
 * from storage. So a filter costs a few bytes whatever the block rate and however slowly its client polls, the
 * applying thread never does work for filters, and nothing is lost if a notification would have been missed.
 * Blocks are final once stored (no reorganisations), so a block once reported never changes.
 *
 * <p>Thread-safe: the methods run on the read pool. Time comes from an injected monotonic nanosecond source,
 * so that expiry can be tested without waiting.
 */
final class FilterRegistry {
    /** At most this many installed filters over all clients; beyond, installing fails until some expire. */
    static final int MAX_FILTERS = 10_000;
    /** A filter not polled for this long is removed (Besu's default); clients that stop polling leave no trace. */
    static final Duration EXPIRY = Duration.ofMinutes(5);
    /** A poll reads at most this many blocks (the eth_getLogs range); a client behind catches up over several polls. */
    static final long MAX_BLOCKS_PER_POLL = ChainReads.MAX_LOG_BLOCK_RANGE;
    /** A poll stops after the block that brings its logs to this many (the eth_getLogs limit). */
    static final int MAX_LOGS_PER_POLL = ChainReads.MAX_LOGS;
    /**
     * Addresses plus topic alternatives of one installed filter. An installed filter stays in memory for minutes,
     * so unlike an eth_getLogs query it is bounded: {@link #MAX_FILTERS} full filters hold under 100 MB.
     */
    static final int MAX_FILTER_CRITERIA = 64;
    /** The message geth and Besu answer, with code -32000, for an unknown or expired id. */
    static final String NOT_FOUND = "filter not found";
    /** Filter ids are random 128-bit quantities, as geth's; unguessable, so one client cannot poll another's. */
    private static final int ID_BITS = 128;
    private static final Pattern ID = Pattern.compile("0x[0-9a-fA-F]{1,64}");

    /** What the registry reads from the stored chain. */
    interface Chain {
        long head();

        /** The hashes of blocks {@code from..to} (hex), stopping at the head. */
        List<String> blockHashes(long from, long to);

        /** Matching logs of blocks {@code from..to}, stopping after the block that brings them to {@code maxLogs}. */
        LogPage logPage(long from, long to, LogFilter query, int maxLogs);

        /** eth_getLogs over the block tags {@code fromTag..toTag}, resolved now. */
        JsonArray logs(String method, LogFilter query, String fromTag, String toTag);
    }

    /** Logs of blocks up to and including {@code lastBlock}, which is the last block read in full. */
    record LogPage(List<JsonObject> logs, long lastBlock) {}

    enum Kind { LOG, BLOCK, PENDING_TRANSACTION }

    /**
     * The log part of a filter. {@code lowest}..{@code highest} bound eth_getFilterChanges: a block number bounds
     * it, a tag does not ("latest" means each new head, as in geth). The tags are kept for eth_getFilterLogs,
     * which resolves them at each call, as eth_getLogs does.
     */
    record LogSpec(LogFilter query, long lowest, long highest, String fromTag, String toTag) {}

    /** One installed filter; {@code lastBlock} is guarded by the instance, {@code lastUsedNanos} is volatile. */
    private static final class Installed {
        final Kind kind;
        final LogSpec spec;
        long lastBlock;
        volatile long lastUsedNanos;

        Installed(Kind kind, LogSpec spec, long lastBlock, long nowNanos) {
            this.kind = kind;
            this.spec = spec;
            this.lastBlock = lastBlock;
            this.lastUsedNanos = nowNanos;
        }

        boolean expired(long nowNanos) {
            return nowNanos - lastUsedNanos >= EXPIRY.toNanos();
        }
    }

    private final Chain chain;
    private final LongSupplier nanoTime;
    private final Map<String, Installed> filters = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private long lastSweepNanos;

    /** @param nanoTime a monotonic clock in nanoseconds, {@code System::nanoTime} in the node */
    FilterRegistry(Chain chain, LongSupplier nanoTime) {
        this.chain = chain;
        this.nanoTime = nanoTime;
        this.lastSweepNanos = nanoTime.getAsLong();
    }

    /** eth_newFilter: reports logs of blocks stored after this call. */
    String newLogFilter(JsonObject json) {
        return install(Kind.LOG, logSpec(json));
    }

    /** eth_newBlockFilter: reports the hashes of blocks stored after this call. */
    String newBlockFilter() {
        return install(Kind.BLOCK, null);
    }

    /**
     * eth_newPendingTransactionFilter. Its changes are always empty: a transaction becomes visible only once it is
     * in a stored block (eth_sendRawTransaction answers then), so there is never a pending one to report. Clients
     * such as web3j install it without error and simply see nothing.
     */
    String newPendingTransactionFilter() {
        return install(Kind.PENDING_TRANSACTION, null);
    }

    /** eth_getFilterChanges: what happened since the previous poll (or the installation). */
    JsonArray changes(String id) {
        Installed f = find(id);
        // Two concurrent polls of one filter must not both report the same blocks.
        synchronized (f) {
            return switch (f.kind) {
                case BLOCK -> blockChanges(f);
                case LOG -> logChanges(f);
                case PENDING_TRANSACTION -> new JsonArray();
            };
        }
    }

    /** eth_getFilterLogs: every log matching a log filter, as eth_getLogs with its object would answer. */
    JsonArray logs(String id) {
        Installed f = find(id);
        if (f.kind != Kind.LOG) {
            throw notFound(); // geth answers so for block and transaction filters
        }
        return chain.logs("eth_getFilterLogs", f.spec.query(), f.spec.fromTag(), f.spec.toTag());
    }

    /** eth_uninstallFilter: true when the filter existed (and had not expired). */
    boolean uninstall(String id) {
        Installed removed = filters.remove(canonicalId(id));
        return removed != null && !removed.expired(nanoTime.getAsLong());
    }

    /** Installed filters, expired ones included until they are swept. */
    int size() {
        return filters.size();
    }

    private String install(Kind kind, LogSpec spec) {
        long head = chain.head(); // read before locking: installation must not wait on storage
        synchronized (this) {
            long now = nanoTime.getAsLong();
            if (filters.size() >= MAX_FILTERS || now - lastSweepNanos >= EXPIRY.toNanos()) {
                sweep(now);
            }
            if (filters.size() >= MAX_FILTERS) {
                throw RpcException.limitExceeded("too many installed filters (at most " + MAX_FILTERS
                        + "); uninstall unused ones with eth_uninstallFilter or let them expire after "
                        + EXPIRY.toMinutes() + " minutes without a poll");
            }
            Installed f = new Installed(kind, spec, head, now);
            String id;
            do {
                id = "0x" + new BigInteger(ID_BITS, random).toString(16);
            } while (filters.putIfAbsent(id, f) != null);
            return id;
        }
    }

    /** Removes expired filters; amortised, so that a registry nobody installs into still frees its memory. */
    private void sweep(long now) {
        lastSweepNanos = now;
        filters.values().removeIf(f -> f.expired(now));
    }

    /** The live filter with this id, its expiry postponed; -32000 "filter not found" otherwise. */
    private Installed find(String id) {
        String key = canonicalId(id);
        Installed f = filters.get(key);
        long now = nanoTime.getAsLong();
        if (f == null) {
            throw notFound();
        }
        if (f.expired(now)) {
            filters.remove(key, f);
            throw notFound();
        }
        f.lastUsedNanos = now;
        return f;
    }

    private JsonArray blockChanges(Installed f) {
        long from = f.lastBlock + 1;
        long to = Math.min(chain.head(), f.lastBlock + MAX_BLOCKS_PER_POLL);
        if (from > to) {
            return new JsonArray();
        }
        List<String> hashes = chain.blockHashes(from, to);
        f.lastBlock += hashes.size();
        return new JsonArray(new ArrayList<>(hashes));
    }

    private JsonArray logChanges(Installed f) {
        long end = Math.min(chain.head(), f.lastBlock + MAX_BLOCKS_PER_POLL);
        long from = Math.max(f.lastBlock + 1, f.spec.lowest());
        long to = Math.min(end, f.spec.highest());
        if (from > to) {
            f.lastBlock = Math.max(f.lastBlock, end); // nothing in range: the blocks up to end are done
            return new JsonArray();
        }
        LogPage page = chain.logPage(from, to, f.spec.query(), MAX_LOGS_PER_POLL);
        f.lastBlock = page.lastBlock() >= to ? end : page.lastBlock();
        return new JsonArray(new ArrayList<Object>(page.logs()));
    }

    private static LogSpec logSpec(JsonObject json) {
        if (json.getValue("blockHash") != null) {
            throw RpcException.invalidParams("filter.blockHash",
                    "a filter watches new blocks; use eth_getLogs to read the logs of one block");
        }
        LogFilter query = LogFilter.parse(json, "filter");
        int criteria = query.addresses().size() + query.topics().stream().mapToInt(Set::size).sum();
        if (criteria > MAX_FILTER_CRITERIA) {
            throw RpcException.invalidParams("filter", "at most " + MAX_FILTER_CRITERIA
                    + " addresses and topics in an installed filter, got " + criteria + "; use eth_getLogs");
        }
        String fromTag = tag(json, "fromBlock");
        String toTag = tag(json, "toBlock");
        long lowest = bound(fromTag, "fromBlock", 0);
        long highest = bound(toTag, "toBlock", Long.MAX_VALUE);
        if (lowest > highest) {
            throw RpcException.invalidParams("filter", "fromBlock " + fromTag + " is after toBlock " + toTag);
        }
        return new LogSpec(query, lowest, highest, fromTag, toTag);
    }

    private static String tag(JsonObject json, String member) {
        Object value = json.getValue(member);
        if (value == null) {
            return "latest";
        }
        if (!(value instanceof String s)) {
            throw RpcException.invalidParams("filter." + member, "expected a block number or a tag (latest, earliest)");
        }
        return s;
    }

    /** A block number bounds the changes; "latest" and its synonyms do not; "earliest" is block 0. */
    private static long bound(String tag, String member, long open) {
        return switch (tag) {
            case "latest", "pending", "safe", "finalized" -> open;
            case "earliest" -> 0;
            default -> {
                try {
                    yield Hex.parseQuantity(tag);
                } catch (IllegalArgumentException e) {
                    throw RpcException.invalidParams("filter." + member, e.getMessage() + " or a tag (latest, earliest)");
                }
            }
        };
    }

    /** Ids are compared as quantities: web3j sends back a BigInteger, which may differ in case or leading zeros. */
    private static String canonicalId(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            throw RpcException.invalidParams("filter id", "expected a hex quantity like 0x1f, got \""
                    + Hex.abbreviate(id) + "\"");
        }
        return "0x" + new BigInteger(id.substring(2), 16).toString(16);
    }

    private static RpcException notFound() {
        return RpcException.serverError(NOT_FOUND, null);
    }

    @Override
    public String toString() {
        return "FilterRegistry[" + filters.size() + " filters]";
    }
}
