package dev.xct.core.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xct.core.protocol.ProtocolTable.Case;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ProtocolCodecTableTest {
  private static final ProtocolCodec CODEC = ProtocolCodec.strict();
  private static final Pattern FIX =
      Pattern.compile("; (send|reply|write|name|use|say|summarise|remove|to keep working)\\b");

  static Stream<Case> cases() {
    return ProtocolTable.cases().stream();
  }

  static Stream<Case> rejected() {
    return cases().filter(c -> !c.accepted());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void strictCodecDecodesEachReplyToItsExpectedOutcome(Case c) {
    DecodeResult result = CODEC.decode(c.reply());

    if (c.accepted()) {
      assertThat(result).isEqualTo(new DecodeResult.Valid(c.decision()));
    } else {
      assertThat(result).isInstanceOf(DecodeResult.Invalid.class);
      assertThat(((DecodeResult.Invalid) result).failure().code()).isEqualTo(c.code());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rejected")
  void everyRejectionTellsTheModelHowToFixItsReplyInBoundedText(Case c) {
    Result.Failure failure = ((DecodeResult.Invalid) CODEC.decode(c.reply())).failure();

    assertThat(failure.message()).containsPattern(FIX);
    assertThat(failure.message().length()).isLessThanOrEqualTo(400);
    assertThat(failure.details().toJson().length()).isLessThanOrEqualTo(200);
    assertThat(failure.message())
        .doesNotContain("Jackson", "jackson", "Feature", "JsonToken", "StreamReadConstraints")
        .doesNotContain("k".repeat(41), "t".repeat(41), "v".repeat(41), "9".repeat(41));
  }

  @Test
  void tableHoldsAtLeastSixtyMalformedOrEdgeCaseReplies() {
    List<Case> all = ProtocolTable.cases();

    assertThat(all).hasSizeGreaterThanOrEqualTo(60);
    assertThat(all.stream().filter(c -> !c.accepted())).hasSizeGreaterThanOrEqualTo(60);
    assertThat(all.stream().map(Case::name).distinct()).hasSameSizeAs(all);
  }

  @Test
  void parseLevelMarksExactlyTheCasesWithParseLevelCodes() {
    for (Case c : ProtocolTable.cases()) {
      boolean parseCode = c.code() != null && ProtocolTable.PARSE_LEVEL_CODES.contains(c.code());
      assertThat(c.parseLevel()).as(c.name()).isEqualTo(parseCode);
    }
    assertThat(ProtocolTable.cases().stream().map(Case::code).distinct())
        .containsAll(ProtocolTable.PROTOCOL_CODES);
  }
}
