package dev.xct.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xct.core.protocol.Result;
import dev.xct.core.validate.Verdict;
import java.io.File;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Results, error details, denial details and {@link JsonValue#from} accept JSON-like values only,
 * and refuse anything else at once, naming where it sits and what it is.
 */
class JsonLikeValuesTest {
  enum Priority {
    LOW,
    HIGH {
      @Override
      public String toString() {
        return "High priority!";
      }
    }
  }

  record Owner(String name, Object handle) {}

  record Ticket(
      String id,
      Priority priority,
      Optional<String> note,
      OptionalInt points,
      List<Owner> owners) {}

  record Timed(Instant at, Duration took, LocalDate due) {}

  /** A bean: before, Jackson wrote its every getter. */
  public static final class Bean {
    public String getSecret() {
      return "s3cret";
    }
  }

  record Exploding(String value) {
    @Override
    public String value() {
      throw new IllegalStateException("boom");
    }
  }

  @Test
  void aThreadDeepInsideAResultIsRefusedNamingItsPathAndType() {
    Ticket ticket =
        new Ticket(
            "T-1",
            Priority.LOW,
            Optional.empty(),
            OptionalInt.empty(),
            List.of(
                new Owner("a", "ok"), new Owner("b", 2), new Owner("c", Thread.currentThread())));

    assertThatThrownBy(() -> Result.success(Map.of("items", List.of(ticket))))
        .isInstanceOf(XctException.class)
        .hasMessageStartingWith(
            "result.items[0].owners[2].handle: java.lang.Thread has no JSON form");
  }

  @Test
  void aPlainObjectIsRefusedInsteadOfBecomingAnEmptyObject() {
    assertThatThrownBy(() -> Result.success(new Object()))
        .isInstanceOf(XctException.class)
        .hasMessageStartingWith("result: java.lang.Object has no JSON form");
  }

  static Stream<Arguments> notJsonLike() {
    return Stream.of(
        Arguments.of(new Bean(), "result: " + Bean.class.getName() + " has no JSON form"),
        Arguments.of(Path.of("/tmp"), "has no JSON form"),
        Arguments.of(UUID.randomUUID(), "result: java.util.UUID has no JSON form"),
        Arguments.of('c', "result: java.lang.Character has no JSON form"),
        Arguments.of(new AtomicLong(1), "result: java.util.concurrent.atomic.AtomicLong"),
        Arguments.of(new StringBuilder("x"), "result: java.lang.StringBuilder"),
        Arguments.of(Stream.of(1), "has no JSON form"),
        Arguments.of(new byte[] {1}, "result: byte[] has no single JSON form"),
        Arguments.of(new char[] {'a'}, "result: char[] has no single JSON form"),
        Arguments.of(Map.of(1, "one"), "result: a map key of type java.lang.Integer"),
        Arguments.of(List.of(1, Double.NaN), "result[1]: NaN is not a JSON number"),
        Arguments.of(Optional.of(new File("x")), "result: java.io.File has no JSON form"),
        Arguments.of(
            Map.of("content-type", List.of(new Object())),
            "result[\"content-type\"][0]: java.lang.Object"),
        Arguments.of(
            JsonNodeFactory.instance.pojoNode(new Bean()), "result: a POJO node has no JSON form"));
  }

  @ParameterizedTest
  @MethodSource("notJsonLike")
  void everythingElseIsRefusedNamingWhatAndWhere(Object value, String message) {
    assertThatThrownBy(() -> Result.success(value))
        .isInstanceOf(XctException.class)
        .hasMessageContaining(message);
  }

  @Test
  void failureAndDenialDetailsAreCheckedTheSameWayUnderTheirOwnName() {
    assertThatThrownBy(() -> Result.failure("NOT_FOUND", "m", Map.of("file", new File("x"))))
        .isInstanceOf(XctException.class)
        .hasMessageStartingWith("details.file: java.io.File has no JSON form");
    assertThatThrownBy(() -> Verdict.deny("NO", "r", Map.of("who", Thread.currentThread())))
        .isInstanceOf(XctException.class)
        .hasMessageStartingWith("details.who: java.lang.Thread has no JSON form");
    assertThatThrownBy(() -> JsonValue.from(List.of(new Bean())))
        .isInstanceOf(XctException.class)
        .hasMessageStartingWith("value[0]: " + Bean.class.getName());
  }

  @Test
  void recordsEnumsOptionalsAndTimeBecomeTheJsonTheModelCanReadBack() {
    Ticket ticket =
        new Ticket(
            "T-1",
            Priority.HIGH,
            Optional.of("urgent"),
            OptionalInt.empty(),
            List.of(new Owner("ana", new BigDecimal("1.50"))));

    assertThat(Result.success(ticket))
        .isEqualTo(
            new Result.Success(
                JsonValue.parse(
                    """
                    {"id":"T-1","priority":"HIGH","note":"urgent","points":null,
                     "owners":[{"name":"ana","handle":1.50}]}""")));
    assertThat(
            JsonValue.from(
                    new Timed(
                        Instant.parse("2024-05-01T12:00:00Z"),
                        Duration.ofSeconds(90),
                        LocalDate.of(2024, 5, 2)))
                .toJson())
        .isEqualTo("{\"at\":\"2024-05-01T12:00:00Z\",\"took\":\"PT1M30S\",\"due\":\"2024-05-02\"}");
  }

  @Test
  void mapEntriesAreSortedByKeyWhateverTheMapsOrder() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("zeta", 1);
    map.put("alpha", new int[] {1, 2});
    map.put("mid", Set.of());

    assertThat(JsonValue.from(map).toJson()).isEqualTo("{\"alpha\":[1,2],\"mid\":[],\"zeta\":1}");
  }

  @Test
  void aValueThatContainsItselfIsRefusedButOneSharedTwiceIsNot() {
    Map<String, Object> loop = new HashMap<>();
    loop.put("self", List.of(loop));
    List<Integer> shared = List.of(1);

    assertThatThrownBy(() -> JsonValue.from(loop))
        .isInstanceOf(XctException.class)
        .hasMessage("value.self[0]: the value contains itself");
    assertThat(JsonValue.from(List.of(shared, shared)).toJson()).isEqualTo("[[1],[1]]");
  }

  /** A record holding a list. */
  public record Holder(List<Object> items) {}

  @Test
  void aValueThatContainsItselfThroughARecordIsRefused() {
    List<Object> items = new ArrayList<>();
    Holder holder = new Holder(items);
    items.add(holder);

    assertThatThrownBy(() -> JsonValue.from(holder))
        .isInstanceOf(XctException.class)
        .hasMessage("value.items[0]: the value contains itself");
    assertThat(JsonValue.from(List.of(new Holder(List.of()), new Holder(List.of()))).toJson())
        .isEqualTo("[{\"items\":[]},{\"items\":[]}]");
  }

  @Test
  void aValueThatContainsItselfDeepDownIsRefusedWithThePathToWhereItDoes() {
    List<Object> top = new ArrayList<>();
    List<Object> inner = top;
    for (int i = 0; i < 20; i++) {
      List<Object> next = new ArrayList<>();
      inner.add(next);
      inner = next;
    }
    inner.add(top);

    assertThatThrownBy(() -> JsonValue.from(top))
        .isInstanceOf(XctException.class)
        .hasMessage("value" + "[0]".repeat(21) + ": the value contains itself");
  }

  @Test
  void nestingDeeperThanAJsonWriterAcceptsIsRefusedAsAnXctException() {
    assertThat(JsonValue.from(nested(500)).toJson()).hasSize(500 * 2 + 1);
    assertThatThrownBy(() -> JsonValue.from(nested(501)))
        .isInstanceOf(XctException.class)
        .hasMessageEndingWith(": nested deeper than 500 levels");
    assertThatThrownBy(() -> JsonValue.from(List.of(JsonValue.from(nested(500)))))
        .isInstanceOf(XctException.class)
        .hasMessageEndingWith(": nested deeper than 500 levels");
  }

  @Test
  void anAccessorThatThrowsIsReportedWithItsCause() {
    assertThatThrownBy(() -> Result.success(List.of(new Exploding("x"))))
        .isInstanceOf(XctException.class)
        .hasMessageStartingWith("result[0].value: the accessor of ")
        .hasRootCauseMessage("boom");
  }

  private static Object nested(int levels) {
    Object value = 1;
    for (int i = 0; i < levels; i++) {
      List<Object> list = new ArrayList<>();
      list.add(value);
      value = list;
    }
    return value;
  }
}
