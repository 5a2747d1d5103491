package dev.xct.cli.internal.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class TerminalTextTest {
  static Stream<Arguments> steering() {
    return Stream.of(
        Arguments.of("escape sequence that clears the screen", "\u001b[2J", "\\u001B[2J"),
        Arguments.of("window title ended by BEL", "\u001b]0;pwned\u0007", "\\u001B]0;pwned\\u0007"),
        Arguments.of("carriage return that overwrites a line", "rm -rf /\rls", "rm -rf /\\rls"),
        Arguments.of("backspace", "a\bb", "a\\u0008b"),
        Arguments.of("DEL", "a\u007fb", "a\\u007Fb"),
        Arguments.of("C1 control sequence introducer", "\u009b2J", "\\u009B2J"),
        Arguments.of("C1 next line", "a\u0085b", "a\\u0085b"),
        Arguments.of("right-to-left override", "evil\u202etxt.exe", "evil\\u202Etxt.exe"),
        Arguments.of(
            "left-to-right and right-to-left embeddings",
            "\u202a\u202b\u202c\u202d",
            "\\u202A\\u202B\\u202C\\u202D"),
        Arguments.of(
            "bidirectional isolates", "\u2066\u2067\u2068\u2069", "\\u2066\\u2067\\u2068\\u2069"),
        Arguments.of("directional marks", "\u200e\u200f\u061c", "\\u200E\\u200F\\u061C"),
        Arguments.of(
            "zero-width space and joiners", "a\u200b\u200c\u200db", "a\\u200B\\u200C\\u200Db"),
        Arguments.of("byte order mark and word joiner", "\ufeff\u2060", "\\uFEFF\\u2060"),
        Arguments.of("soft hyphen", "rm\u00ad", "rm\\u00AD"),
        Arguments.of("line and paragraph separators", "a\u2028b\u2029c", "a\\u2028b\\u2029c"),
        Arguments.of("lone surrogates", "\ud800 \udc00", "\\uD800 \\uDC00"),
        Arguments.of("tag characters", "a\udb40\udc41", "a\\uDB40\\uDC41"),
        Arguments.of("Hangul filler", "a\u3164b", "a\\u3164b"),
        Arguments.of("combining grapheme joiner", "a\u034fb", "a\\u034Fb"),
        Arguments.of("unassigned default-ignorable", "a\u2065b", "a\\u2065b"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("steering")
  void showsWhatCouldSteerTheTerminalAsAVisibleEscape(String what, String text, String shown) {
    assertThat(TerminalText.neutralise(text)).isEqualTo(shown);
    assertThat(TerminalText.oneLine(text)).isEqualTo(shown);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "plain ASCII, with punctuation: {\"a\": [1, 2]}",
        "é ü ß ✓ ▶ ━ …",
        "日本語のテキスト",
        "שלום and مرحبا",
        "emoji 😀 and a flag 🇫🇷",
        "e\u0301 combining accents stay",
        "a literal backslash-u: \\u001b stays as typed",
      })
  void leavesPrintableTextAlone(String text) {
    assertThat(TerminalText.neutralise(text)).isSameAs(text);
    assertThat(TerminalText.oneLine(text)).isSameAs(text);
  }

  @Test
  void keepsNewlinesTabsAndLineEndsInMultiLineText() {
    assertThat(TerminalText.neutralise("a\n\tb\r\nc\rd\n")).isEqualTo("a\n\tb\r\nc\\rd\n");
  }

  @Test
  void putsMultiLineTextOnOneLine() {
    assertThat(TerminalText.oneLine("goal\n        ✓ policy\r\n\tx"))
        .isEqualTo("goal\\n        ✓ policy\\r\\n\\tx");
  }

  @Test
  void everyControlCharacterIsShown() {
    IntStream.concat(IntStream.rangeClosed(0, 0x1f), IntStream.rangeClosed(0x7f, 0x9f))
        .filter(c -> c != '\n' && c != '\t')
        .forEach(
            c ->
                assertThat(TerminalText.neutralise(Character.toString(c)))
                    .as("U+%04X", c)
                    .startsWith("\\"));
  }
}
