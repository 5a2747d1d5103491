package dev.xct.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xct.core.XctException;
import io.modelcontextprotocol.client.McpSyncClient;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What building {@link McpTools} refuses, against the real server-everything. */
class McpToolsBuildTest {
  private static McpSyncClient client;

  @BeforeAll
  static void startServer() {
    client = ReferenceServers.everything(Duration.ofSeconds(30));
  }

  @AfterAll
  static void stopServer() {
    if (client != null) {
      client.closeGracefully();
    }
  }

  @Test
  void aRenameOntoAnotherToolsNameFailsTheBuild() {
    assertThatThrownBy(
            () ->
                McpTools.builder(client, "everything").rename("echo", "everything.get_sum").build())
        .isInstanceOf(XctException.class)
        .hasMessageContaining("'echo'")
        .hasMessageContaining("'get-sum'");
  }

  @Test
  void aRenameToAnInvalidNameFailsTheBuild() {
    assertThatThrownBy(() -> McpTools.builder(client, "everything").rename("echo", "Echo!").build())
        .isInstanceOf(XctException.class)
        .hasMessageContaining("'Echo!'");
  }

  @Test
  void namingAToolTheServerDoesNotListFailsTheBuild() {
    assertThatThrownBy(() -> McpTools.builder(client, "everything").only("no-such-tool").build())
        .isInstanceOf(XctException.class)
        .hasMessageContaining("'no-such-tool'");
    assertThatThrownBy(
            () ->
                McpTools.builder(client, "everything")
                    .hints("nope", dev.xct.core.tool.ToolHints.none())
                    .build())
        .isInstanceOf(XctException.class)
        .hasMessageContaining("'nope'");
  }

  @Test
  void anInvalidPrefixFailsAtOnce() {
    assertThatThrownBy(() -> McpTools.builder(client, "Everything"))
        .isInstanceOf(XctException.class)
        .hasMessageContaining("'Everything'");
  }

  @Test
  void theToolkitHoldsTheToolsAndNoValidators() {
    McpTools tools = McpTools.builder(client, "everything").only("echo", "get-sum").build();

    assertThat(tools.toolkit().tools())
        .extracting(t -> t.spec().name())
        .containsExactly("everything.echo", "everything.get_sum");
    assertThat(tools.toolkit().validators()).isEmpty();
  }
}
