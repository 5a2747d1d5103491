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
import java.util.Optional;
import org.junit.jupiter.api.Test;

public class ToolsTest {
  private static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");
  private static final ToolContext CONTEXT =
      new ToolContext(
          "run-1",
          3,
          NOW.plusSeconds(1),
          CancellationToken.create(),
          Clock.fixed(NOW, ZoneOffset.UTC));

  public record Greeting(@Description("Who to greet") String name, Optional<String> title) {}

  private static Result greet(Greeting args, ToolContext context) {
    return Result.success(
        "Hello, "
            + args.title().map(t -> t + " ").orElse("")
            + args.name()
            + " (step "
            + context.step()
            + ")");
  }

  @Test
  void makesAToolFromALambdaInOneStatement() {
    Tool tool = Tools.typed("greet", "Greets someone by name", Greeting.class, ToolsTest::greet);

    Result result =
        tool.execute(new ToolCall("greet", JsonValue.parse("{\"name\":\"Ada\"}"), ""), CONTEXT);

    assertThat(result).isEqualTo(Result.success("Hello, Ada (step 3)"));
    assertThat(tool.spec().hints()).isEqualTo(ToolHints.none());
    assertThat(tool.spec().inputSchema().at("/properties/name/description"))
        .contains(JsonValue.from("Who to greet"));
    assertThat(tool.spec().inputSchema().at("/required")).contains(JsonValue.parse("[\"name\"]"));
  }

  @Test
  void takesHints() {
    Tool tool =
        Tools.typed("greet", "Greets", ToolHints.readOnlyTool(), Greeting.class, ToolsTest::greet);

    assertThat(tool.spec().hints()).isEqualTo(ToolHints.readOnlyTool());
  }

  @Test
  void takesASpecBuilderForTimeoutsAndOwnSchemas() {
    TypedTool<Greeting> tool =
        Tools.typed(
            ToolSpec.builder("greet").timeout(Duration.ofMillis(50)),
            Greeting.class,
            ToolsTest::greet);

    assertThat(tool.spec().timeout()).contains(Duration.ofMillis(50));
    assertThat(tool.spec().inputSchema()).isEqualTo(JsonSchemas.forRecord(Greeting.class));
    assertThat(tool.argumentsType()).isEqualTo(Greeting.class);
  }

  @Test
  void reportsArgumentsThatDoNotBindWithoutCallingTheHandler() {
    Tool tool =
        Tools.typed(
            ToolSpec.builder("greet").inputSchema("{}"),
            Greeting.class,
            (args, context) -> {
              throw new AssertionError("the handler must not run");
            });

    Result result =
        tool.execute(new ToolCall("greet", JsonValue.parse("{\"name\":[]}"), ""), CONTEXT);

    assertThat(result).isInstanceOf(Result.Failure.class);
    assertThat(((Result.Failure) result).code()).isEqualTo(ErrorCodes.INVALID_ARGUMENTS);
  }

  @Test
  void refusesAnInvalidNameOrAMissingHandler() {
    assertThatThrownBy(() -> Tools.typed("Greet", "", Greeting.class, ToolsTest::greet))
        .isInstanceOf(XctException.class)
        .hasMessageContaining("'Greet'");
    assertThatThrownBy(() -> Tools.typed("greet", "", Greeting.class, null))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void registersLikeAnyOtherTool() {
    ToolRegistry registry =
        ToolRegistry.of(
            Tools.typed("greet", "", Greeting.class, ToolsTest::greet),
            Tools.typed("greet.formal", "", Greeting.class, ToolsTest::greet));

    assertThat(registry.validate("greet", JsonValue.parse("{\"name\":\"Ada\",\"title\":\"Dr\"}")))
        .isEmpty();
    assertThat(registry.validate("greet.formal", JsonValue.parse("{\"title\":\"Dr\"}")))
        .extracting(SchemaViolation::pointer)
        .containsExactly("/name");
  }
}
