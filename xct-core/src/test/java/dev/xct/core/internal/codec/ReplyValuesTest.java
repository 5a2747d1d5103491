package dev.xct.core.internal.codec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xct.core.internal.json.Json;
import dev.xct.core.protocol.DecodeResult;
import dev.xct.core.protocol.ErrorCodes;
import dev.xct.core.protocol.ProtocolCodec;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

class ReplyValuesTest {
  static Stream<String> unfaithful() {
    String big = "9".repeat(400);
    return Stream.of(
        "{\"next_step\":{\"tool\":\"a.b\",\"arguments\":{\"n\":1e400}}}",
        "{\"next_step\":{\"tool\":\"a.b\",\"arguments\":{\"n\":-1E+999}}}",
        "{\"next_step\":{\"tool\":\"a.b\",\"arguments\":{\"n\":" + big + "}}}",
        "{\"next_step\":{\"tool\":\"a.b\",\"arguments\":{\"n\":[0.5," + big + ".5]}}}",
        "{\"next_step\":{\"tool\":\"a.b\",\"arguments\":{\"s\":\"\\ud800\"}}}",
        "{\"next_step\":{\"tool\":\"a.b\",\"arguments\":{\"s\":\"x\\uDFFFy\"}}}",
        "{\"next_step\":{\"tool\":\"a.b\",\"arguments\":{\"s\":[\"\\udbff\"]}}}",
        "{\"next_step\":{\"tool\":\"a.b\",\"arguments\":{\"s\":\"\udc00\"}}}");
  }

  @ParameterizedTest
  @MethodSource("unfaithful")
  void everyUnfaithfulReplyIsCaughtByThePrescanAndRejected(String reply) {
    JsonNode root = Json.MAPPER.readTree(reply);

    assertThat(ReplyValues.check(root)).isNotNull();
    assertThat(ReplyValues.mayBeUnfaithful(reply)).isTrue();
    assertThat(ProtocolCodec.strict().decode(reply))
        .isInstanceOfSatisfying(
            DecodeResult.Invalid.class,
            invalid -> assertThat(invalid.failure().code()).isEqualTo(ErrorCodes.INVALID_JSON));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"next_step\":{\"tool\":\"note.add\",\"arguments\":{\"key\":\"k\",\"n\":12.5}}}",
        "{\"done\":true,\"message\":\"wrote 3 files, see \\\"a.txt\\\" \\u00e9\"}",
        "{\"next_step\":{\"tool\":\"a.b\",\"arguments\":{\"s\":\"\\ud83d\\ude00 ok\"}}}",
        "{\"next_step\":{\"tool\":\"a.b\",\"arguments\":{\"s\":\"\ud83d\ude00\"}}}"
      })
  void faithfulRepliesWithEscapesOrExponentLikeTextAreStillAccepted(String reply) {
    assertThat(ReplyValues.check(Json.MAPPER.readTree(reply))).isNull();
    assertThat(ProtocolCodec.strict().decode(reply)).isInstanceOf(DecodeResult.Valid.class);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"next_step\":{\"tool\":\"note.add\",\"arguments\":{\"key\":\"greeting\"}}}",
        "{\"done\":true,\"message\":\"all 12 files were written\"}"
      })
  void plainRepliesSkipTheWalk(String reply) {
    assertThat(ReplyValues.mayBeUnfaithful(reply)).isFalse();
  }

  @Test
  void thePrescanAnswersAsTheCharacterByCharacterTestsDid() {
    String alphabet = "0123456789eE.\\udD8fa \"{}:,-+x\u00e9\ud800\udc00\uffff";
    Random random = new Random(20261206);
    for (int n = 0; n < 20_000; n++) {
      StringBuilder text = new StringBuilder();
      int length = random.nextInt(12);
      for (int i = 0; i < length; i++) {
        text.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      if (random.nextInt(50) == 0) {
        text.append("1".repeat(290 + random.nextInt(20)));
      }
      String candidate = text.toString();

      assertThat(ReplyValues.mayBeUnfaithful(candidate))
          .as("%s", candidate)
          .isEqualTo(asTested(candidate));
    }
  }

  /** The prescan as it was written before it looked characters up in a table. */
  private static boolean asTested(String text) {
    int digits = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        if (++digits > 300) {
          return true;
        }
        continue;
      }
      if ((c == 'e' || c == 'E') && i > 0 && (digits > 0 || text.charAt(i - 1) == '.')) {
        return true;
      }
      digits = 0;
      if (Character.isSurrogate(c) || (c == '\\' && escapesSurrogate(text, i))) {
        return true;
      }
    }
    return false;
  }

  private static boolean escapesSurrogate(String text, int backslash) {
    if (backslash + 3 >= text.length() || text.charAt(backslash + 1) != 'u') {
      return false;
    }
    char first = text.charAt(backslash + 2);
    char second = Character.toLowerCase(text.charAt(backslash + 3));
    return (first == 'd' || first == 'D')
        && (second == '8' || second == '9' || (second >= 'a' && second <= 'f'));
  }
}
