package dev.xct.core.loop;

import static dev.xct.core.loop.Fixtures.done;
import static dev.xct.core.loop.Fixtures.propose;
import static org.assertj.core.api.Assertions.assertThat;

import dev.xct.core.RunResult;
import dev.xct.core.Step;
import dev.xct.core.VerdictRecord;
import dev.xct.core.protocol.ErrorCodes;
import dev.xct.core.protocol.Result;
import dev.xct.core.tool.ToolRegistry;
import dev.xct.core.validate.Verdict;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A proposed tool name is model text: messages quote it escaped, never with control characters. */
class HostileToolNameTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "fs.nope\\n        \\u2713 known-tool  \\u2713 policy",
        "\\u001b[2J\\u001b]0;owned\\u0007",
        "fs.read\\u202etxt.exe",
        "a\\rb\\u2028c\\ufeff"
      })
  void anUnknownToolNameIsQuotedWithItsControlAndBidiCharactersEscaped(String jsonName) {
    ResumeFixtures.Counting bump = new ResumeFixtures.Counting("t.bump", false, null);
    RunResult run =
        ExecutionLoop.builder(
                new ResumeFixtures.ByStep(propose(jsonName, "{}"), done("ok")),
                ToolRegistry.of(bump))
            .build()
            .run("task");

    Step step = run.steps().get(0);
    Result.Failure failure = (Result.Failure) step.result().orElseThrow();
    assertThat(failure.code()).isEqualTo(ErrorCodes.UNKNOWN_TOOL);
    List<String> texts = new ArrayList<>(List.of(failure.message(), failure.details().toJson()));
    for (VerdictRecord record : step.verdicts()) {
      if (record.verdict() instanceof Verdict.Deny deny) {
        texts.add(deny.reason());
      }
    }
    assertThat(texts)
        .allSatisfy(text -> assertThat(text).doesNotContainPattern("[\\p{Cc}\\p{Cf}\\p{Zl}]"));
    assertThat(failure.message()).contains("\\u");
  }
}
