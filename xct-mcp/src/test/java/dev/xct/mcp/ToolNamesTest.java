package dev.xct.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xct.core.XctException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ToolNamesTest {

  @ParameterizedTest
  @CsvSource({
    "echo, srv.echo",
    "get-sum, srv.get_sum",
    "read_text_file, srv.read_text_file",
    "getTinyImage, srv.get_tiny_image",
    "printEnv2, srv.print_env2",
    "HTTPGet, srv.httpget",
    "admin.users.list, srv.admin.users.list"
  })
  void mcpNamesMapIntoTheToolNamePattern(String mcpName, String xctName) {
    assertThat(ToolNames.map("srv", List.of(mcpName), Map.of())).containsEntry(mcpName, xctName);
  }

  @ParameterizedTest
  @ValueSource(strings = {"2fa", "_hidden", "a..b", "trailing.", "émoji", "a b", "x/y"})
  void namesThatCannotMapFailTheBuildQuotingTheName(String mcpName) {
    assertThatThrownBy(() -> ToolNames.map("srv", List.of(mcpName), Map.of()))
        .isInstanceOf(XctException.class)
        .hasMessageContaining("'" + mcpName + "'")
        .hasMessageContaining("not a valid XCT tool name");
  }

  @Test
  void aNameTooLongFailsTheBuild() {
    String mcpName = "a".repeat(61);
    assertThatThrownBy(() -> ToolNames.map("srv", List.of(mcpName), Map.of()))
        .isInstanceOf(XctException.class)
        .hasMessageContaining("at most 64");
  }

  @Test
  void twoNamesMappingToOneFailTheBuildQuotingBoth() {
    assertThatThrownBy(() -> ToolNames.map("srv", List.of("get-sum", "get_sum"), Map.of()))
        .isInstanceOf(XctException.class)
        .hasMessageContaining("'get-sum'")
        .hasMessageContaining("'get_sum'")
        .hasMessageContaining("srv.get_sum");
  }

  @Test
  void aRenameResolvesACollisionOrAnInvalidName() {
    assertThat(
            ToolNames.map(
                "srv",
                List.of("get-sum", "get_sum", "2fa"),
                Map.of("get_sum", "srv.sum", "2fa", "srv.two_factor")))
        .containsEntry("get-sum", "srv.get_sum")
        .containsEntry("get_sum", "srv.sum")
        .containsEntry("2fa", "srv.two_factor");
  }
}
