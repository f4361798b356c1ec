package org.targetedmoney.node.rpc;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The address and topic part of an Ethereum log filter, with eth_getLogs semantics (as geth): the
 * log's address must be one of {@code addresses} (any, when empty); topic position {@code i} must
 * be one of {@code topics.get(i)} (any, when that set is empty: JSON {@code null}, {@code []}, or
 * a list holding {@code null}). A log with fewer topics than the filter has positions does not
 * match, even when the extra positions are wildcards — geth behaves so and clients rely on it.
 *
 * <p>Hex strings are compared in lower case. Block ranges are not part of this class: eth_getLogs
 * parses {@code fromBlock}/{@code toBlock}/{@code blockHash} itself.
 */
public final class LogFilter {
  /** The EVM allows at most four topics per log (LOG0..LOG4). */
  public static final int MAX_TOPIC_POSITIONS = 4;

  /** How much of a bad value an error message repeats back. */
  private static final int MAX_ECHOED_CHARS = 80;

  private static final Pattern ADDRESS = Pattern.compile("0x[0-9a-fA-F]{40}");
  private static final Pattern TOPIC = Pattern.compile("0x[0-9a-fA-F]{64}");
  private static final LogFilter ANY = new LogFilter(Set.of(), List.of());

  private final Set<String> addresses;
  private final List<Set<String>> topics;

  private LogFilter(Set<String> addresses, List<Set<String>> topics) {
    this.addresses = addresses;
    this.topics = topics;
  }

  /** The filter that matches every log. */
  public static LogFilter any() {
    return ANY;
  }

  /**
   * Reads {@code {"address": ..., "topics": [...]}}; other members are ignored.
   *
   * @param json the filter object, or null for "match all"
   * @param parameter how the client names this parameter, e.g. {@code "params[1]"}, for errors
   * @throws RpcException -32602 naming the member that is wrong
   */
  public static LogFilter parse(JsonObject json, String parameter) {
    if (json == null) {
      return ANY;
    }
    Set<String> addresses = parseAddresses(json.getValue("address"), parameter + ".address");
    List<Set<String>> topics = parseTopics(json.getValue("topics"), parameter + ".topics");
    return new LogFilter(addresses, topics);
  }

  /** True when the log (with hex {@code "address"} and {@code "topics"}) passes this filter. */
  public boolean matches(JsonObject log) {
    if (!addresses.isEmpty()) {
      String address = log.getString("address");
      if (address == null || !addresses.contains(address.toLowerCase(Locale.ROOT))) {
        return false;
      }
    }
    if (topics.isEmpty()) {
      return true;
    }
    JsonArray logTopics = log.getJsonArray("topics");
    if (logTopics == null || logTopics.size() < topics.size()) {
      return false;
    }
    for (int i = 0; i < topics.size(); i++) {
      Set<String> wanted = topics.get(i);
      if (!wanted.isEmpty() && !wanted.contains(lower(logTopics.getValue(i)))) {
        return false;
      }
    }
    return true;
  }

  /** Lower-case addresses; empty means any address. */
  public Set<String> addresses() {
    return addresses;
  }

  /** Per position, the lower-case topics allowed; an empty set is a wildcard. */
  public List<Set<String>> topics() {
    return topics;
  }

  private static Set<String> parseAddresses(Object value, String name) {
    if (value == null) {
      return Set.of();
    }
    if (value instanceof String single) {
      return Set.of(hex(single, ADDRESS, name, "a 20-byte hex address"));
    }
    if (!(value instanceof JsonArray list)) {
      throw RpcException.invalidParams(name, "expected an address or an array of addresses");
    }
    Set<String> result = new HashSet<>();
    for (int i = 0; i < list.size(); i++) {
      String element = name + "[" + i + "]";
      if (!(list.getValue(i) instanceof String address)) {
        throw RpcException.invalidParams(element, "expected a 20-byte hex address");
      }
      result.add(hex(address, ADDRESS, element, "a 20-byte hex address"));
    }
    return Collections.unmodifiableSet(result);
  }

  private static List<Set<String>> parseTopics(Object value, String name) {
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof JsonArray positions)) {
      throw RpcException.invalidParams(name, "expected an array");
    }
    if (positions.size() > MAX_TOPIC_POSITIONS) {
      throw RpcException.invalidParams(
          name, "at most " + MAX_TOPIC_POSITIONS + " topic positions, got " + positions.size());
    }
    List<Set<String>> result = new ArrayList<>(positions.size());
    for (int i = 0; i < positions.size(); i++) {
      result.add(parsePosition(positions.getValue(i), name + "[" + i + "]"));
    }
    return Collections.unmodifiableList(result);
  }

  private static Set<String> parsePosition(Object value, String name) {
    if (value == null) {
      return Set.of();
    }
    if (value instanceof String single) {
      return Set.of(hex(single, TOPIC, name, "a 32-byte hex topic"));
    }
    if (!(value instanceof JsonArray alternatives)) {
      throw RpcException.invalidParams(name, "expected a topic, null or an array of topics");
    }
    Set<String> result = new HashSet<>();
    for (int i = 0; i < alternatives.size(); i++) {
      Object alternative = alternatives.getValue(i);
      if (alternative == null) {
        return Set.of(); // geth: a null among the alternatives matches any topic
      }
      String element = name + "[" + i + "]";
      if (!(alternative instanceof String topic)) {
        throw RpcException.invalidParams(element, "expected a 32-byte hex topic");
      }
      result.add(hex(topic, TOPIC, element, "a 32-byte hex topic"));
    }
    return Collections.unmodifiableSet(result);
  }

  private static String hex(String value, Pattern pattern, String name, String expected) {
    if (!pattern.matcher(value).matches()) {
      throw RpcException.invalidParams(name, "expected " + expected + ", got \"" + clip(value) + "\"");
    }
    return value.toLowerCase(Locale.ROOT);
  }

  /** Keeps error messages short when a client sends a huge string. */
  private static String clip(String value) {
    return value.length() <= MAX_ECHOED_CHARS
        ? value
        : value.substring(0, MAX_ECHOED_CHARS) + "...";
  }

  private static String lower(Object topic) {
    return topic instanceof String s ? s.toLowerCase(Locale.ROOT) : null;
  }

  @Override
  public String toString() {
    return "LogFilter[addresses=" + addresses + ", topics=" + topics + "]";
  }
}
