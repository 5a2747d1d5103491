package dev.xct.cli.internal.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.json.JsonMapper;

class TerminalStreamTest {
  private static final String HOSTILE = "a\u001b[2J\u0007\r\u202e\u0085\u200b\u2028b";
  private static final String SHOWN = "a\\u001B[2J\\u0007\\r\\u202E\\u0085\\u200B\\u2028b";
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final TerminalStream terminal = TerminalStream.over(bytes, StandardCharsets.UTF_8);

  private String received() {
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void everythingPrintedIsNeutralisedWhicheverWayItIsWritten() throws IOException {
    terminal.print(HOSTILE);
    terminal.println((Object) HOSTILE);
    terminal.printf("%s%n", HOSTILE);
    terminal.append(HOSTILE).write('\u0007');
    terminal.write(HOSTILE.getBytes(StandardCharsets.UTF_8));
    Writer writer = new OutputStreamWriter(terminal, StandardCharsets.UTF_8);
    writer.write(HOSTILE);
    writer.flush();

    assertThat(received())
        .isEqualTo(
            SHOWN
                + SHOWN
                + System.lineSeparator()
                + SHOWN
                + System.lineSeparator()
                + SHOWN
                + "\\u0007"
                + SHOWN
                + SHOWN);
  }

  @Test
  void aCharacterSplitAcrossWritesIsJudgedWhole() {
    for (byte b : "\u202e✓".getBytes(StandardCharsets.UTF_8)) {
      terminal.write(b);
    }

    assertThat(received()).isEqualTo("\\u202E✓");
  }

  @Test
  void multiLineTextKeepsItsLinesButNotALoneCarriageReturn() {
    terminal.print("one\r\ntwo\n\tthree\rfour");

    assertThat(received()).isEqualTo("one\r\ntwo\n\tthree\\rfour");
  }

  @Test
  void aLineIsOneLineWhateverItsPartsHold() {
    terminal.line("goal: ", "x\n        ✓ policy");

    assertThat(received()).isEqualTo("goal: x\\n        ✓ policy" + System.lineSeparator());
  }

  @ParameterizedTest
  @CsvSource({"true, '\u001b[31mno\u001b[0m'", "false, no"})
  void stylesWriteEscapesOnlyWhenEnabled(boolean enabled, String expected) {
    terminal.prompt(new Style(enabled).red("no"));

    assertThat(received()).isEqualTo(expected);
  }

  @Test
  void xctColoursTheTextAfterNeutralisingIt() {
    terminal.line("  ", new Style(true).cyan(HOSTILE + "\u001b[0m"), " ", HOSTILE);

    assertThat(received())
        .isEqualTo(
            "  \u001b[36m" + SHOWN + "\\u001B[0m\u001b[0m " + SHOWN + System.lineSeparator());
  }

  @Test
  void styledTextGluedToAStringLosesItsColourNotItsSafety() {
    terminal.line("x" + new Style(true).red(HOSTILE));

    assertThat(received()).isEqualTo("x" + SHOWN + System.lineSeparator());
  }

  @Test
  void aStatusLineIsRedrawnAndClearedByXctAlone() {
    terminal.status("⠋ step 1: waiting\r\u001b[2K");
    terminal.clearStatus();

    assertThat(received()).isEqualTo("\r⠋ step 1: waiting\\r\\u001B[2K\r\u001b[2K");
  }

  @Test
  void jsonWrittenThroughItStaysValidJsonWithTheSameMeaning() throws IOException {
    JsonMapper json = JsonMapper.builder().build();
    String every =
        HOSTILE + "\u009b\u2066\u2069\u200e\u061c\ufeff\u00ad\u3164\udb40\udc41 \"\\ ✓ 😀";
    Writer writer = new OutputStreamWriter(terminal, StandardCharsets.UTF_8);
    writer.write(json.writeValueAsString(Map.of("goal", every)));
    writer.flush();

    assertThat(received()).doesNotContain("\u001b", "\u202e", "\u0085", "\u2028", "\u009b");
    assertThat(json.readTree(received()).get("goal").asString()).isEqualTo(every);
  }
}
