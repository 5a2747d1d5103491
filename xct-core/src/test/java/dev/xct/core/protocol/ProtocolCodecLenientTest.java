package dev.xct.core.protocol;

import static dev.xct.core.protocol.ProtocolTable.q;
import static org.assertj.core.api.Assertions.assertThat;

import dev.xct.core.protocol.ProtocolTable.Case;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The opt-in leniency: one markdown code fence is stripped, nothing else is forgiven. */
class ProtocolCodecLenientTest {
  private static final ProtocolCodec LENIENT = ProtocolCodec.builder().stripCodeFence(true).build();
  private static final String DONE = q("{'done':true,'message':'ok'}");
  private static final Decision OK = Decision.done("ok");

  static Stream<Case> fences() {
    return Stream.of(
        ok("a json fence", "```json\n" + DONE + "\n```"),
        ok("a JSON fence", "```JSON\n" + DONE + "\n```"),
        ok("a bare fence", "```\n" + DONE + "\n```"),
        ok("a fence with CRLF line ends", "```json\r\n" + DONE + "\r\n```"),
        ok("a fence without a new line before the closing marker", "```json\n" + DONE + "```"),
        ok("a fence with spaces after the language", "```json  \n" + DONE + "\n```"),
        ok("a fence surrounded by white space", "\n\n  ```json\n" + DONE + "\n```  \n"),
        ok(
            "a fence around a pretty-printed reply",
            "```json\n{\n  \"done\": true,\n  \"message\": \"ok\"\n}\n```"),
        ok("an unfenced reply", DONE),
        ok("a byte order mark before the fence", "\uFEFF```json\n" + DONE + "\n```"),
        bad("an empty fence", "```json\n\n```", ErrorCodes.EMPTY_REPLY),
        bad("a fence holding only white space", "```\n   \n```", ErrorCodes.EMPTY_REPLY),
        bad(
            "prose before the fence",
            "Here you go:\n```json\n" + DONE + "\n```",
            ErrorCodes.INVALID_JSON),
        bad(
            "prose after the fence",
            "```json\n" + DONE + "\n```\nHope that helps",
            ErrorCodes.INVALID_JSON),
        bad(
            "two fenced replies",
            "```json\n" + DONE + "\n```\n```json\n" + DONE + "\n```",
            ErrorCodes.INVALID_JSON),
        bad(
            "a fence inside a fence",
            "```json\n```json\n" + DONE + "\n```\n```",
            ErrorCodes.INVALID_JSON),
        bad("an unclosed fence", "```json\n" + DONE, ErrorCodes.INVALID_JSON),
        bad("a one-line fence", "```" + DONE + "```", ErrorCodes.INVALID_JSON),
        bad(
            "a fence with another language",
            "```python\n" + DONE + "\n```",
            ErrorCodes.INVALID_JSON),
        bad(
            "a fence around two objects",
            "```json\n" + DONE + DONE + "\n```",
            ErrorCodes.INVALID_JSON),
        bad(
            "a fence around a duplicate key",
            "```json\n" + q("{'done':true,'done':true}") + "\n```",
            ErrorCodes.DUPLICATE_KEY),
        bad(
            "a fence around a wrong shape",
            "```json\n" + q("{'done':false}") + "\n```",
            ErrorCodes.INVALID_REPLY),
        bad(
            "a fence around comments",
            "```json\n// done\n" + DONE + "\n```",
            ErrorCodes.INVALID_JSON),
        bad(
            "a fence over the size limit",
            "```json\n" + " ".repeat(ProtocolCodec.DEFAULT_MAX_CHARS) + DONE + "\n```",
            ErrorCodes.REPLY_TOO_LARGE));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fences")
  void lenientCodecStripsOneFenceAndNothingElse(Case c) {
    DecodeResult result = LENIENT.decode(c.reply());

    if (c.accepted()) {
      assertThat(result).isEqualTo(new DecodeResult.Valid(c.decision()));
    } else {
      assertThat(ProtocolCodecTest.code(result)).isEqualTo(c.code());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fences")
  void strictCodecRejectsEveryFenceAndTellsTheModelToDropIt(Case c) {
    DecodeResult result = ProtocolCodec.strict().decode(c.reply());

    if (c.reply().strip().replace("\uFEFF", "").startsWith("```")) {
      Result.Failure failure = ProtocolCodecTest.failure(result);
      assertThat(failure.code()).isIn(ErrorCodes.INVALID_JSON, ErrorCodes.REPLY_TOO_LARGE);
      if (failure.code().equals(ErrorCodes.INVALID_JSON)) {
        assertThat(failure.message()).contains("code fence").contains("without ```");
      }
    } else if (c.reply().equals(DONE)) {
      assertThat(result).isEqualTo(new DecodeResult.Valid(OK));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tableCasesWithoutFences")
  void lenientCodecDecodesEveryUnfencedTableCaseLikeTheStrictOne(Case c) {
    assertThat(LENIENT.decode(c.reply())).isEqualTo(ProtocolCodec.strict().decode(c.reply()));
  }

  static Stream<Case> tableCasesWithoutFences() {
    return ProtocolTable.cases().stream().filter(c -> !c.reply().contains("```"));
  }

  private static Case ok(String name, String reply) {
    return new Case(name, reply, OK, null, false);
  }

  private static Case bad(String name, String reply, String code) {
    return new Case(name, reply, null, code, !ErrorCodes.INVALID_REPLY.equals(code));
  }
}
