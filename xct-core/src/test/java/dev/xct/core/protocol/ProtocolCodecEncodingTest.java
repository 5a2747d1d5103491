package dev.xct.core.protocol;

import static dev.xct.core.protocol.ProtocolTable.q;
import static org.assertj.core.api.Assertions.assertThat;

import dev.xct.core.JsonValue;
import dev.xct.core.protocol.ProtocolTable.Case;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The wire encoder: exact result shapes, the canonical decision, and round trips. */
class ProtocolCodecEncodingTest {
  private static final ProtocolCodec CODEC = ProtocolCodec.strict();

  @Test
  void successEncodesAsStatusThenResult() {
    assertThat(CODEC.encode(Result.success(Map.of("lines", 3))))
        .isEqualTo(q("{'status':'success','result':{'lines':3}}"));
    assertThat(CODEC.encode(Result.success(null)))
        .isEqualTo(q("{'status':'success','result':null}"));
    assertThat(CODEC.encode(Result.success(List.of())))
        .isEqualTo(q("{'status':'success','result':[]}"));
  }

  @Test
  void failureEncodesAsStatusCodeMessageDetails() {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("tool", "fs.rm");
    details.put("known", List.of("fs.read"));

    assertThat(CODEC.encode(Result.failure("UNKNOWN_TOOL", "no such tool", details)))
        .isEqualTo(
            q(
                "{'status':'error','code':'UNKNOWN_TOOL','message':'no such tool',"
                    + "'details':{'known':['fs.read'],'tool':'fs.rm'}}"));
  }

  @Test
  void failureOmitsEmptyDetails() {
    assertThat(CODEC.encode(Result.failure("TOOL_TIMEOUT", "too slow")))
        .isEqualTo(q("{'status':'error','code':'TOOL_TIMEOUT','message':'too slow'}"));
    assertThat(CODEC.encode(Result.failure("TOOL_TIMEOUT", "too slow", Map.of())))
        .isEqualTo(q("{'status':'error','code':'TOOL_TIMEOUT','message':'too slow'}"));
  }

  @Test
  void toWireEqualsTheParsedEncoding() {
    Result result = Result.failure("X_Y", "m\n\"quoted\"", Map.of("n", 1));

    assertThat(CODEC.toWire(result)).isEqualTo(JsonValue.parse(CODEC.encode(result)));
  }

  @Test
  void proposalEncodesInProtocolOrderWithArgumentMembersSorted() {
    Decision decision =
        Decision.propose(
            "fs.write",
            JsonValue.parse(q("{'path':'a','content':'x','opts':{'z':1,'a':[{'y':0,'b':1}]}}")),
            "save");

    assertThat(CODEC.encode(decision))
        .isEqualTo(
            q(
                "{'next_step':{'tool':'fs.write','arguments':"
                    + "{'content':'x','opts':{'a':[{'b':1,'y':0}],'z':1},'path':'a'},'goal':'save'}}"));
  }

  @Test
  void anEmptyGoalOrMessageIsWrittenNotDropped() {
    assertThat(CODEC.encode(Decision.propose("t", JsonValue.emptyObject(), "")))
        .isEqualTo(q("{'next_step':{'tool':'t','arguments':{},'goal':''}}"));
    assertThat(CODEC.encode(Decision.done(""))).isEqualTo(q("{'done':true,'message':''}"));
    assertThat(CODEC.encode(Decision.done("bye"))).isEqualTo(q("{'done':true,'message':'bye'}"));
  }

  @Test
  void equalDecisionsEncodeToEqualText() {
    Decision one = Decision.propose("t", JsonValue.parse(q("{'a':1,'b':{'c':2,'d':3}}")), "g");
    Decision two = Decision.propose("t", JsonValue.parse(q("{'b':{'d':3,'c':2},'a':1}")), "g");

    assertThat(one).isEqualTo(two);
    assertThat(CODEC.encode(one)).isEqualTo(CODEC.encode(two));
  }

  @Test
  void encodingDoesNotReorderTheDecisionsOwnArguments() {
    JsonValue arguments = JsonValue.parse(q("{'b':1,'a':2}"));
    Decision decision = Decision.propose("t", arguments, "");

    CODEC.encode(decision);

    assertThat(((Decision.Proposal) decision).arguments().toJson()).isEqualTo(q("{'b':1,'a':2}"));
  }

  static Stream<Case> acceptedCases() {
    return ProtocolTable.cases().stream().filter(Case::accepted);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("acceptedCases")
  void encodedDecisionDecodesBackToAnEqualDecisionAndMatchesTheSchema(Case c) {
    String canonical = CODEC.encode(c.decision());

    assertThat(CODEC.decode(canonical)).isEqualTo(new DecodeResult.Valid(c.decision()));
    assertThat(CODEC.encode(((DecodeResult.Valid) CODEC.decode(canonical)).decision()))
        .isEqualTo(canonical);
    assertThat(SchemaCheck.violations(SchemaCheck.REPLY, SchemaCheck.parsePlain(canonical)))
        .isEmpty();
  }
}
