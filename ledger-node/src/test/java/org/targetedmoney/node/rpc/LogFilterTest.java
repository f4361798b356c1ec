package org.targetedmoney.node.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

class LogFilterTest {
  private static final String A = "0x" + "a".repeat(40);
  private static final String B = "0x" + "b".repeat(40);
  private static final String T1 = "0x" + "1".repeat(64);
  private static final String T2 = "0x" + "2".repeat(64);
  private static final String T3 = "0x" + "3".repeat(64);

  private static JsonObject log(String address, String... topics) {
    return new JsonObject().put("address", address).put("topics", new JsonArray(java.util.List.of((Object[]) topics)));
  }

  private static LogFilter filter(String json) {
    return LogFilter.parse(new JsonObject(json), "params[1]");
  }

  @Test
  void emptyFilter_matchesEveryLog() {
    assertThat(LogFilter.parse(null, "p").matches(log(A))).isTrue();
    assertThat(filter("{}").matches(log(B, T1))).isTrue();
  }

  @Test
  void address_singleOrArray_comparedCaseInsensitively() {
    LogFilter single = filter("{\"address\":\"" + A.toUpperCase().replace("0X", "0x") + "\"}");
    assertThat(single.matches(log(A))).isTrue();
    assertThat(single.matches(log(B))).isFalse();
    LogFilter both = filter("{\"address\":[\"" + A + "\",\"" + B + "\"]}");
    assertThat(both.matches(log(B))).isTrue();
    assertThat(both.matches(log("0x" + "c".repeat(40)))).isFalse();
  }

  @Test
  void topics_arePositional_withNullWildcardAndArraysAsOr() {
    LogFilter f = filter("{\"topics\":[\"" + T1 + "\",null,[\"" + T2 + "\",\"" + T3 + "\"]]}");
    assertThat(f.matches(log(A, T1, T2, T3))).isTrue();
    assertThat(f.matches(log(A, T1, T1, T2))).isTrue();
    assertThat(f.matches(log(A, T2, T2, T3))).isFalse();
    assertThat(f.matches(log(A, T1, T2, T1))).isFalse();
  }

  @Test
  void topics_moreFilterPositionsThanLogTopics_doesNotMatch() {
    LogFilter f = filter("{\"topics\":[\"" + T1 + "\",null]}");
    assertThat(f.matches(log(A, T1))).isFalse();
    assertThat(f.matches(log(A, T1, T3))).isTrue();
  }

  @Test
  void topics_nullInsideAlternatives_isWildcard() {
    LogFilter f = filter("{\"topics\":[[\"" + T1 + "\",null]]}");
    assertThat(f.matches(log(A, T3))).isTrue();
  }

  @Test
  void parse_badAddress_namesTheMemberWithInvalidParams() {
    assertThatThrownBy(() -> filter("{\"address\":[\"" + A + "\",\"0x12\"]}"))
        .isInstanceOfSatisfying(RpcException.class, e -> {
          assertThat(e.code()).isEqualTo(RpcException.INVALID_PARAMS);
          assertThat(e.getMessage()).contains("params[1].address[1]");
        });
  }

  @Test
  void parse_badTopicOrTooManyPositions_isInvalidParams() {
    assertThatThrownBy(() -> filter("{\"topics\":[null,\"0xzz\"]}"))
        .isInstanceOfSatisfying(RpcException.class,
            e -> assertThat(e.getMessage()).contains("params[1].topics[1]"));
    assertThatThrownBy(() -> filter("{\"topics\":[null,null,null,null,null]}"))
        .isInstanceOfSatisfying(RpcException.class,
            e -> assertThat(e.getMessage()).contains("at most 4"));
    assertThatThrownBy(() -> filter("{\"topics\":\"" + T1 + "\"}"))
        .isInstanceOfSatisfying(RpcException.class,
            e -> assertThat(e.code()).isEqualTo(RpcException.INVALID_PARAMS));
  }
}
