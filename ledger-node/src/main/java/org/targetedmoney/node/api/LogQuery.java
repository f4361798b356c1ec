package org.targetedmoney.node.api;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.targetedmoney.policy.abi.Log;
import org.targetedmoney.policy.model.Address;

/**
 * An eth_getLogs filter: addresses (any of), and topics by position where each position is a wildcard
 * (null), one topic, or any of several.
 */
record LogQuery(List<Address> addresses, List<List<byte[]>> topics) {
    static final int MAX_ADDRESSES = 100;
    static final int MAX_TOPIC_POSITIONS = 4;
    static final int MAX_TOPIC_ALTERNATIVES = 100;

    static LogQuery parse(JsonObject filter) {
        List<Address> addresses = new ArrayList<>();
        Object a = filter.getValue("address");
        if (a instanceof String s) {
            addresses.add(address(s));
        } else if (a instanceof JsonArray arr) {
            if (arr.size() > MAX_ADDRESSES) {
                throw RpcError.invalidParams("filter.address: at most " + MAX_ADDRESSES + " addresses");
            }
            for (Object o : arr) {
                addresses.add(address(String.valueOf(o)));
            }
        } else if (a != null) {
            throw RpcError.invalidParams("filter.address must be an address or an array of addresses");
        }
        return new LogQuery(addresses, topics(filter.getValue("topics")));
    }

    private static List<List<byte[]>> topics(Object t) {
        List<List<byte[]>> out = new ArrayList<>();
        if (t == null) {
            return out;
        }
        if (!(t instanceof JsonArray arr) || arr.size() > MAX_TOPIC_POSITIONS) {
            throw RpcError.invalidParams("filter.topics must be an array of at most 4 positions");
        }
        for (Object position : arr) {
            if (position == null) {
                out.add(null);
            } else if (position instanceof String s) {
                out.add(List.of(topic(s)));
            } else if (position instanceof JsonArray alts && alts.size() <= MAX_TOPIC_ALTERNATIVES) {
                List<byte[]> any = new ArrayList<>();
                for (Object o : alts) {
                    any.add(topic(String.valueOf(o)));
                }
                out.add(any);
            } else {
                throw RpcError.invalidParams("filter.topics: each position is null, a topic, or an array of topics");
            }
        }
        return out;
    }

    private static Address address(String s) {
        try {
            return Address.fromHex(s);
        } catch (IllegalArgumentException e) {
            throw RpcError.invalidParams("filter.address: " + e.getMessage());
        }
    }

    private static byte[] topic(String s) {
        try {
            return Hex.parseHash(s);
        } catch (IllegalArgumentException e) {
            throw RpcError.invalidParams("filter.topics: " + e.getMessage());
        }
    }

    boolean matches(Log log) {
        if (!addresses.isEmpty() && !addresses.contains(log.address())) {
            return false;
        }
        for (int i = 0; i < topics.size(); i++) {
            List<byte[]> any = topics.get(i);
            if (any == null) {
                continue;
            }
            if (i >= log.topics().size()) {
                return false;
            }
            byte[] actual = log.topics().get(i);
            if (any.stream().noneMatch(t -> Arrays.equals(t, actual))) {
                return false;
            }
        }
        return true;
    }
}
