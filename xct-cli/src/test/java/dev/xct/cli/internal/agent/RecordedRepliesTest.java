package dev.xct.cli.internal.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RecordedRepliesTest {
  @Test
  void eachLineIsOneReplyExactlyAsRecorded() {
    String text = "\"{\\\"done\\\":true}\"\n\n\"Sure!\\nHere it is\"\n\"\"\n";

    assertThat(RecordedReplies.parse(text, "r.jsonl"))
        .containsExactly("{\"done\":true}", "Sure!\nHere it is", "");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"done\":true}| r.jsonl:1: expected a JSON string holding the model's exact reply, found object (wrap",
        "42| r.jsonl:1: expected a JSON string holding the model's exact reply, found number",
        "\"unterminated| r.jsonl:1: not a JSON string:",
        "\"a\" \"b\"| r.jsonl:1: not a JSON string:",
      })
  void malformedLinesAreNamedByNumber(String line, String message) {
    assertThatThrownBy(() -> RecordedReplies.parse(line + "\n", "r.jsonl"))
        .isInstanceOf(RecordedReplies.FormatException.class)
        .hasMessageStartingWith(message.strip());
  }

  @Test
  void aFileWithoutRepliesIsAnError() {
    assertThatThrownBy(() -> RecordedReplies.parse("\n\n", "r.jsonl"))
        .hasMessage("r.jsonl: holds no replies");
  }
}
