package dev.xct.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MainFailureTest {
  @Test
  void anUnexpectedExceptionIsExitSeventyWithAOneLineMessageAndNoStackTrace() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    int code = Main.failure(new IllegalStateException("a bug in xct"), err);

    String printed = bytes.toString(StandardCharsets.UTF_8);
    assertThat(code).isEqualTo(ExitCodes.INTERNAL).isEqualTo(70);
    assertThat(printed)
        .startsWith("xct: internal error: java.lang.IllegalStateException: a bug in xct")
        .contains("XCT_DEBUG=1")
        .doesNotContain("\tat ");
  }
}
