package dev.xct.core.tool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xct.core.JsonValue;
import dev.xct.core.XctException;
import org.junit.jupiter.api.Test;

public class ToolCallTest {

  public record Move(String from, String to) {}

  @Test
  void bindsItsArgumentsStrictly() {
    ToolCall call =
        new ToolCall("fs.move", JsonValue.parse("{\"from\":\"a\",\"to\":\"b\"}"), "tidy");

    assertThat(call.bind(Move.class)).isEqualTo(new Move("a", "b"));
    assertThatThrownBy(
            () ->
                new ToolCall(
                        "fs.move", JsonValue.parse("{\"from\":\"a\",\"to\":\"b\",\"x\":1}"), "")
                    .bind(Move.class))
        .isInstanceOf(XctException.class)
        .hasMessageContaining("at '/x'");
  }

  @Test
  void refusesArgumentsThatAreNotAnObject() {
    assertThatThrownBy(() -> new ToolCall("fs.move", JsonValue.parse("[]"), ""))
        .isInstanceOf(XctException.class);
    assertThatThrownBy(() -> new ToolCall("fs.move", JsonValue.nullValue(), ""))
        .isInstanceOf(XctException.class);
  }
}
