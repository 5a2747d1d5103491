package dev.xct.core.tool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xct.core.XctException;
import org.junit.jupiter.api.Test;

class ToolHintsTest {

  @Test
  void noneAndReadOnlyToolSayWhatTheyPromise() {
    assertThat(ToolHints.none()).isEqualTo(new ToolHints(false, false, false));
    assertThat(ToolHints.readOnlyTool()).isEqualTo(new ToolHints(true, false, true));
  }

  @Test
  void aToolCannotBeReadOnlyAndDestructive() {
    assertThatThrownBy(() -> new ToolHints(true, true, false))
        .isInstanceOf(XctException.class)
        .hasMessageContaining("read-only and destructive");
  }

  @Test
  void markingAReadOnlyToolDestructiveClearsReadOnly() {
    assertThat(ToolHints.readOnlyTool().withDestructive(true))
        .isEqualTo(new ToolHints(false, true, true));
    assertThat(ToolHints.readOnlyTool().withDestructive(false)).isEqualTo(ToolHints.readOnlyTool());
  }

  @Test
  void withIdempotentChangesOnlyThatHint() {
    assertThat(ToolHints.none().withIdempotent(true)).isEqualTo(new ToolHints(false, false, true));
    assertThat(ToolHints.readOnlyTool().withIdempotent(false))
        .isEqualTo(new ToolHints(true, false, false));
  }
}
