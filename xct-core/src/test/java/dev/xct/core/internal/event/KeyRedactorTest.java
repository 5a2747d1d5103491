package dev.xct.core.internal.event;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xct.core.event.Redactor;
import dev.xct.core.protocol.DecodeResult;
import dev.xct.core.protocol.ProtocolCodec;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class KeyRedactorTest {
  private static final ProtocolCodec FENCED = ProtocolCodec.builder().stripCodeFence(true).build();

  static Stream<Arguments> decodedReplies() {
    List<String> replies =
        List.of(
            "{\"next_step\":{\"tool\":\"t.a\",\"arguments\":{\"key\":\"k\",\"value\":\"v\"}}}",
            "{\"next_step\":{\"tool\":\"t.a\",\"arguments\":{\"api_key\":\"sk-1\"},\"goal\":\"g\"}}",
            "{\"next_step\":{\"tool\":\"t.a\",\"arguments\":{\"a\":{\"b\":[{\"Token\":7}]}}}}",
            "{\"next_step\":{\"tool\":\"t.a\",\"arguments\":{\"password\":\"[REDACTED]\"}}}",
            "{\"next_step\":{\"tool\":\"t.a\",\"arguments\":{\"x\":\"\\\"token\\\":\\\"s\\\"\"}}}",
            "{\"next_step\":{\"tool\":\"t.a\",\"arguments\":{\"\\token\":\"s\"}}}",
            "{\"next_step\":{\"tool\":\"t.a\",\"arguments\":{\"pass\\u0077ord\":\"s\"}}}",
            "{\"next_step\":{\"tool\":\"t.a\",\"arguments\":{\"SESSION-ID\":\"s\",\"n\":[1,2]}}}",
            "{\"next_step\":{\"tool\":\"t.a\",\"arguments\":{\"pässwörd\":\"s\",\"secretß\":1}}}",
            "{\"next_step\":{\"tool\":\"t.a\",\"arguments\":{\"note\":\"my password: hunter2\"}}}",
            " {\"done\" : true, \"message\" : \"token\"} ",
            "{\"done\":true}",
            "\uFEFF{\"next_step\":{\"tool\":\"t.a\",\"arguments\":{\"cookie\":\"c\"}}}",
            "```json\n{\"next_step\":{\"tool\":\"t.a\",\"arguments\":{\"secret\":\"s\"}}}\n```",
            "```\n{\"next_step\":{\"tool\":\"t.a\",\"arguments\":{\"plain\":\"s\"}}}\n```");
    List<Redactor> redactors =
        List.of(
            Redactor.defaults(),
            Redactor.keys("goal"),
            Redactor.keys("message"),
            Redactor.keys("value"),
            Redactor.keys("step"));
    return replies.stream().flatMap(r -> redactors.stream().map(k -> Arguments.of(r, k)));
  }

  @ParameterizedTest
  @MethodSource("decodedReplies")
  void aDecodedReplyIsRedactedExactlyAsItsTextWouldBe(String reply, Redactor redactor) {
    DecodeResult decoded = FENCED.decode(reply);
    assertThat(decoded).as("the case must decode").isInstanceOf(DecodeResult.Valid.class);
    KeyRedactor keys = (KeyRedactor) redactor;

    assertThat(keys.redactDecodedText(reply, ((DecodeResult.Valid) decoded).decision()))
        .isEqualTo(keys.redactText(reply));
  }
}
