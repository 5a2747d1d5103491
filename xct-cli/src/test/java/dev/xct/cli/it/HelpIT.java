package dev.xct.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HelpIT {
  @TempDir Path dir;

  @ParameterizedTest(name = "xct {0} --help")
  @ValueSource(
      strings = {
        "",
        "demo",
        "run",
        "replay",
        "policy",
        "policy check",
        "policy schema",
        "approvals",
        "approvals list",
        "approve",
        "deny",
        "mcp",
        "mcp serve"
      })
  void everyCommandHasHelp(String command) {
    String[] words = command.isEmpty() ? new String[0] : command.split(" ");
    String[] args = java.util.Arrays.copyOf(words, words.length + 1);
    args[words.length] = "--help";

    Xct.Outcome help = Xct.run(dir, args);

    assertThat(help.exitCode()).as(help.all()).isZero();
    assertThat(help.out()).startsWith("Usage: xct" + (command.isEmpty() ? "" : " " + command));
  }
}
