package dev.xct.cli.internal.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConsoleTest {
  @ParameterizedTest
  @CsvSource(
      nullValues = "-",
      value = {
        "true, -, xterm, true",
        "true, '', xterm, true",
        "true, 1, xterm, false",
        "true, -, dumb, false",
        "false, -, xterm, false",
      })
  void coloursOnlyAtATerminalWithoutNoColour(
      boolean terminal, String noColour, String term, boolean expected) {
    Map<String, String> environment = new HashMap<>();
    if (noColour != null) {
      environment.put("NO_COLOR", noColour);
    }
    environment.put("TERM", term);

    assertThat(Console.wantsColour(terminal, environment)).isEqualTo(expected);
  }
}
