package dev.xct.core.tool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xct.core.CancellationToken;
import dev.xct.core.JsonValue;
import dev.xct.core.XctException;
import dev.xct.core.protocol.ErrorCodes;
import dev.xct.core.protocol.Result;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

public class TypedToolTest {
  private static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");
  private static final ToolContext CONTEXT =
      new ToolContext(
          "run-1",
          1,
          NOW.plusSeconds(5),
          CancellationToken.create(),
          Clock.fixed(NOW, ZoneOffset.UTC));

  public enum Reason {
    DAMAGED,
    LATE
  }

  public record RefundArgs(
      String orderId, long amountCents, Reason reason, Optional<String> note, List<String> tags) {
    public RefundArgs {
      if (amountCents <= 0) {
        throw new IllegalArgumentException("amountCents must be positive");
      }
      if (orderId.equals("npe")) {
        throw new NullPointerException("internal detail java.lang.String");
      }
    }
  }

  /** The example from TypedTool's Javadoc, with a counter to see whether it ran. */
  static final class RefundTool extends TypedTool<RefundArgs> {
    final AtomicInteger runs = new AtomicInteger();

    RefundTool() {
      super("orders.refund", "Refunds part of an order", ToolHints.none(), RefundArgs.class);
    }

    RefundTool(ToolSpec.Builder spec) {
      super(spec, RefundArgs.class);
    }

    @Override
    public Result execute(RefundArgs args, ToolContext context) {
      runs.incrementAndGet();
      return Result.success(
          Map.of(
              "order", args.orderId(),
              "refunded", args.amountCents(),
              "reason", args.reason(),
              "note", args.note().orElse("-"),
              "tags", args.tags()));
    }

    @Override
    public Optional<JsonValue> preview(RefundArgs args, ToolContext context) {
      return Optional.of(JsonValue.from(Map.of("wouldRefund", args.amountCents())));
    }

    @Override
    public Optional<JsonValue> checkOutcome(RefundArgs args, ToolContext context) {
      return Optional.of(JsonValue.from(Map.of("refundsOf", args.orderId(), "found", 0)));
    }
  }

  private static ToolCall call(String tool, String arguments) {
    return new ToolCall(tool, JsonValue.parse(arguments), "test");
  }

  @Test
  void executesThroughTheToolInterfaceWithJsonArguments() {
    RefundTool tool = new RefundTool();

    Result result =
        tool.execute(
            call(
                "orders.refund",
                "{\"orderId\":\"A1\",\"amountCents\":250,\"reason\":\"LATE\",\"tags\":[\"vip\"]}"),
            CONTEXT);

    assertThat(result)
        .isEqualTo(
            Result.success(
                JsonValue.parse(
                    "{\"order\":\"A1\",\"refunded\":250,\"reason\":\"LATE\",\"note\":\"-\","
                        + "\"tags\":[\"vip\"]}")));
  }

  @Test
  void describesItselfWithTheGeneratedSchema() {
    RefundTool tool = new RefundTool();

    assertThat(tool.spec().name()).isEqualTo("orders.refund");
    assertThat(tool.spec().description()).isEqualTo("Refunds part of an order");
    assertThat(tool.spec().inputSchema()).isEqualTo(JsonSchemas.forRecord(RefundArgs.class));
    assertThat(tool.argumentsType()).isEqualTo(RefundArgs.class);
  }

  @Test
  void keepsAHandWrittenSchemaAndTheOtherBuilderSettings() {
    ToolSpec.Builder builder =
        ToolSpec.builder("orders.refund")
            .inputSchema("{\"type\":\"object\"}")
            .destructive()
            .timeout(Duration.ofSeconds(2));

    RefundTool tool = new RefundTool(builder);

    assertThat(tool.spec().inputSchema()).isEqualTo(JsonValue.parse("{\"type\":\"object\"}"));
    assertThat(tool.spec().hints().destructive()).isTrue();
    assertThat(tool.spec().timeout()).contains(Duration.ofSeconds(2));
  }

  @Test
  void fillsInTheGeneratedSchemaWhenTheBuilderHasNoneWithoutChangingTheBuilder() {
    ToolSpec.Builder builder = ToolSpec.builder("orders.refund").timeout(Duration.ofSeconds(2));

    RefundTool tool = new RefundTool(builder);

    assertThat(tool.spec().inputSchema()).isEqualTo(JsonSchemas.forRecord(RefundArgs.class));
    assertThat(tool.spec().timeout()).contains(Duration.ofSeconds(2));
    assertThat(builder.build().inputSchema()).isEqualTo(JsonValue.parse("{\"type\":\"object\"}"));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"orderId\":\"A1\",\"amountCents\":\"250\",\"reason\":\"LATE\",\"tags\":[]}"
            + "|/amountCents|expected an integer",
        "{\"orderId\":\"A1\",\"amountCents\":1e40,\"reason\":\"LATE\",\"tags\":[]}"
            + "|/amountCents|out of range",
        "{\"orderId\":\"A1\",\"amountCents\":2.5,\"reason\":\"LATE\",\"tags\":[]}"
            + "|/amountCents|expected an integer",
        "{\"orderId\":\"A1\",\"amountCents\":250,\"reason\":\"LOST\",\"tags\":[]}"
            + "|/reason|expected one of [DAMAGED, LATE]",
        "{\"orderId\":\"A1\",\"amountCents\":250,\"reason\":\"LATE\",\"tags\":[], \"x\":1}"
            + "|/x|not allowed",
        "{\"orderId\":\"A1\",\"amountCents\":250,\"reason\":\"LATE\"}|/tags|missing",
        "{\"orderId\":null,\"amountCents\":250,\"reason\":\"LATE\",\"tags\":[]}|/orderId|null",
        "{\"orderId\":\"A1\",\"amountCents\":250,\"reason\":\"LATE\",\"tags\":[null]}|/tags/0|null",
        "{\"orderId\":\"A1\",\"amountCents\":250,\"reason\":\"LATE\",\"tags\":{}}"
            + "|/tags|expected an array",
        "{\"orderId\":\"A1\",\"amountCents\":-5,\"reason\":\"LATE\",\"tags\":[]}"
            + "|''|rejected: amountCents must be positive",
        "{\"orderId\":\"npe\",\"amountCents\":5,\"reason\":\"LATE\",\"tags\":[]}"
            + "|''|the value was rejected"
      })
  void aBindingFailureBecomesAnInvalidArgumentsFailureWithoutJavaDetails(
      String arguments, String pointer, String reason) {
    // A hand-written schema that lets everything through, so binding is the only check.
    RefundTool tool = new RefundTool(ToolSpec.builder("orders.refund").inputSchema("{}"));

    Result result = tool.execute(call("orders.refund", arguments), CONTEXT);

    assertThat(result).isInstanceOf(Result.Failure.class);
    Result.Failure failure = (Result.Failure) result;
    assertThat(failure.code()).isEqualTo(ErrorCodes.INVALID_ARGUMENTS);
    assertThat(failure.message()).contains("'orders.refund'", "'" + pointer + "'", reason);
    assertThat(failure.message() + failure.details())
        .doesNotContain("java.", "tools.jackson", "RefundArgs", "Exception", "$", "\tat ");
    assertThat(failure.details().at("/violations/0/pointer")).contains(JsonValue.from(pointer));
    assertThat(tool.runs).hasValue(0);
  }

  @Test
  void wholeNumbersWrittenWithAFractionBindToIntegers() {
    RefundTool tool = new RefundTool();

    Result result =
        tool.execute(
            call(
                "orders.refund",
                "{\"orderId\":\"A1\",\"amountCents\":2.50e2,\"reason\":\"LATE\",\"tags\":[]}"),
            CONTEXT);

    assertThat(result.isSuccess()).isTrue();
    assertThat(((Result.Success) result).result().at("/refunded")).contains(JsonValue.from(250));
  }

  @Test
  void previewsWithBoundArgumentsAndStaysEmptyWhenTheyDoNotFit() {
    RefundTool tool = new RefundTool();

    assertThat(
            tool.preview(
                call(
                    "orders.refund",
                    "{\"orderId\":\"A1\",\"amountCents\":9,\"reason\":\"LATE\",\"tags\":[]}"),
                CONTEXT))
        .contains(JsonValue.parse("{\"wouldRefund\":9}"));
    assertThat(tool.preview(call("orders.refund", "{}"), CONTEXT)).isEmpty();
  }

  @Test
  void checksAnOutcomeWithBoundArgumentsAndStaysEmptyWhenTheyDoNotFit() {
    RefundTool tool = new RefundTool();

    assertThat(
            tool.checkOutcome(
                call(
                    "orders.refund",
                    "{\"orderId\":\"A1\",\"amountCents\":9,\"reason\":\"LATE\",\"tags\":[]}"),
                CONTEXT))
        .contains(JsonValue.parse("{\"refundsOf\":\"A1\",\"found\":0}"));
    assertThat(tool.checkOutcome(call("orders.refund", "{}"), CONTEXT)).isEmpty();
  }

  @Test
  void validatesThenExecutesEndToEndThroughARegistry() {
    RefundTool tool = new RefundTool();
    ToolRegistry registry = ToolRegistry.of(tool);
    JsonValue good =
        JsonValue.parse(
            "{\"orderId\":\"A1\",\"amountCents\":1,\"reason\":\"DAMAGED\",\"tags\":[]}");
    JsonValue bad = JsonValue.parse("{\"orderId\":\"A1\",\"amountCents\":1,\"tags\":[1]}");

    assertThat(registry.validate("orders.refund", good)).isEmpty();
    assertThat(registry.validate("orders.refund", bad))
        .extracting(SchemaViolation::pointer)
        .containsExactlyInAnyOrder("/reason", "/tags/0");
    assertThat(
            registry
                .find("orders.refund")
                .orElseThrow()
                .execute(new ToolCall("orders.refund", good, ""), CONTEXT)
                .isSuccess())
        .isTrue();
  }

  record Unsupported(Object v) {}

  @Test
  void refusesAnArgumentRecordWithoutAGeneratedSchemaAtConstructionNamingToolAndComponent() {
    assertThatThrownBy(
            () ->
                Tools.typed(
                    "orders.tag", "", Unsupported.class, (a, c) -> Result.success("unused")))
        .isInstanceOf(XctException.class)
        .hasMessageStartingWith("input schema of tool 'orders.tag' cannot be generated")
        .hasMessageContaining("'v'");
  }

  @Test
  @SuppressWarnings({"unchecked", "rawtypes"})
  void refusesAClassThatIsNotARecord() {
    Class fake = String.class;

    assertThatThrownBy(() -> Tools.typed("x", "", fake, (a, c) -> Result.success("unused")))
        .isInstanceOf(XctException.class)
        .hasMessageContaining("record");
  }
}
