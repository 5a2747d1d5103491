package dev.xct.core.internal.codec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xct.core.internal.json.Json;
import dev.xct.core.protocol.DecodeResult;
import dev.xct.core.protocol.ErrorCodes;
import dev.xct.core.protocol.ProtocolCodec;
import java.util.stream.Stream;
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
}
