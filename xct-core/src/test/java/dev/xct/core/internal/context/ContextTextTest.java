package dev.xct.core.internal.context;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xct.core.JsonValue;
import dev.xct.core.Step;
import dev.xct.core.TokenUsage;
import dev.xct.core.VerdictRecord;
import dev.xct.core.internal.codec.WireEncoder;
import dev.xct.core.internal.json.Json;
import dev.xct.core.internal.json.JsonText;
import dev.xct.core.protocol.Decision;
import dev.xct.core.protocol.Result;
import dev.xct.core.validate.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.node.ObjectNode;

class ContextTextTest {
  private static final List<String> AWKWARD =
      List.of(
          "plain",
          "",
          "quote \" backslash \\ slash / tab \t newline \n cr \r nul \u0000 bell \u0007 del \u007f",
          "unicode é ß 漢字 \u2028 \u2029 emoji \uD83D\uDE00",
          "lone \uD800 surrogate and \uDC00 another",
          "</script><!-- & ' >");

  static Stream<Step> steps() {
    Step.Header header =
        new Step.Header(3, Instant.EPOCH, "{}", Duration.ZERO, TokenUsage.unknown());
    List<Step> steps = new ArrayList<>();
    for (String text : AWKWARD) {
      Decision.Proposal proposal = Decision.propose("t.x", JsonValue.from(Map.of("k", text)), text);
      List<VerdictRecord> verdicts = List.of(new VerdictRecord("v", Verdict.allow()));
      steps.add(
          new Step.Executed(
              header,
              proposal,
              verdicts,
              Result.success(Map.of("text", text, "n", List.of(1, 2.5, "x"))),
              Duration.ZERO));
      steps.add(
          new Step.Executed(
              header,
              proposal,
              verdicts,
              Result.failure("CODE_" + text.length(), text, Map.of("why", text)),
              Duration.ZERO));
      steps.add(new Step.Refused(header, proposal, verdicts, Result.failure("DENIED", text)));
      steps.add(new Step.Rejected(header, Result.failure("INVALID_JSON", text)));
    }
    steps.add(new Step.Done(header, new Decision.Done("bye")));
    steps.add(
        new Step.Executed(
            header,
            Decision.propose("t.x", JsonValue.emptyObject(), ""),
            List.of(),
            Result.success(null),
            Duration.ZERO));
    return steps.stream();
  }

  /** What the response was before it was written directly: the mapper's text of a tree. */
  private static String asTree(Step step) {
    ObjectNode out = Json.MAPPER.createObjectNode();
    out.put("step", step.number());
    step.decision()
        .filter(Decision.Proposal.class::isInstance)
        .ifPresent(d -> out.put("tool", ((Decision.Proposal) d).tool()));
    Result result = step.result().orElse(null);
    if (result != null) {
      out.set("response", Json.node(WireEncoder.toWire(result)));
    }
    return JsonText.escapeLoneSurrogates(Json.MAPPER.writeValueAsString(out));
  }

  @ParameterizedTest
  @MethodSource("steps")
  void theResponseIsTheTextTheMapperWritesForItsTree(Step step) {
    assertThat(ContextText.response(step)).isEqualTo(asTree(step));
  }
}
