package dev.xct.core.loop;

import static dev.xct.core.loop.Fixtures.done;
import static dev.xct.core.loop.Fixtures.propose;
import static org.assertj.core.api.Assertions.assertThat;

import dev.xct.core.RunResult;
import dev.xct.core.RunStatus;
import dev.xct.core.Step;
import dev.xct.core.context.ChatMessage;
import dev.xct.core.protocol.ErrorCodes;
import dev.xct.core.protocol.Result;
import dev.xct.core.tool.ToolRegistry;
import dev.xct.core.validate.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExecutionLoopScenarioTest {
  @TempDir Path workspace;

  @Test
  void unknownToolIsFedBackThenCorrectedProposalRunsThenDone() throws Exception {
    Fixtures.WriteFile write = new Fixtures.WriteFile(workspace);
    Fixtures.Script model =
        new Fixtures.Script(
            propose("fs.create", "{\"name\":\"config.json\",\"content\":\"{}\"}"),
            propose("files.write", "{\"name\":\"config.json\",\"content\":\"{}\"}"),
            done("created config.json"));
    ExecutionLoop loop = ExecutionLoop.builder(model, ToolRegistry.of(write)).build();

    RunResult run = loop.run("Create config.json");

    assertThat(run.status()).isEqualTo(RunStatus.DONE);
    assertThat(run.message()).isEqualTo("created config.json");
    assertThat(run.steps()).hasSize(3);
    Step first = run.steps().get(0);
    assertThat(first.executed()).isFalse();
    assertThat(first.result()).get().isInstanceOf(Result.Failure.class);
    assertThat(((Result.Failure) first.result().orElseThrow()).code())
        .isEqualTo(ErrorCodes.UNKNOWN_TOOL);
    assertThat(run.steps().get(1).executed()).isTrue();
    assertThat(run.steps().get(1).result().orElseThrow().isSuccess()).isTrue();
    assertThat(write.executions).hasValue(1);
    assertThat(Files.readString(workspace.resolve("config.json"))).isEqualTo("{}");

    // The error reached the model as data, labelled with step and tool, before its correction.
    String secondRequest = lastMessage(model.requests.get(1).messages());
    assertThat(secondRequest)
        .contains("\"step\":1", "\"tool\":\"fs.create\"", "\"code\":\"UNKNOWN_TOOL\"");
    String thirdRequest = lastMessage(model.requests.get(2).messages());
    assertThat(thirdRequest).contains("\"step\":2", "\"status\":\"success\"");
  }

  @Test
  void everyRequestCarriesTheWholeContextBecauseTheModelIsStateless() {
    Fixtures.Script model =
        new Fixtures.Script(
            propose("files.write", "{\"name\":\"a.txt\",\"content\":\"a\"}"),
            propose("files.write", "{\"name\":\"b.txt\",\"content\":\"b\"}"),
            done("ok"));
    ExecutionLoop loop =
        ExecutionLoop.builder(model, ToolRegistry.of(new Fixtures.WriteFile(workspace))).build();

    loop.run("write two files");

    List<ChatMessage> last = model.requests.get(2).messages();
    assertThat(last.get(0).role()).isEqualTo(ChatMessage.Role.SYSTEM);
    assertThat(last.get(0).content()).contains("files.write", "\"next_step\"", "\"done\":true");
    assertThat(last.get(1).content()).contains("write two files");
    assertThat(last).hasSize(6);
    assertThat(last.get(2).role()).isEqualTo(ChatMessage.Role.ASSISTANT);
    assertThat(last.get(2).content()).contains("a.txt");
    assertThat(last.get(5).content()).contains("\"step\":2", "\"tool\":\"files.write\"");
    assertThat(model.requests.get(2).transcript()).hasSize(2);
    assertThat(model.requests).extracting(r -> r.step()).containsExactly(1, 2, 3);
  }

  @Test
  void deniedStepNeverRunsTheToolAndTheModelIsToldWhy() throws Exception {
    Fixtures.WriteFile write = new Fixtures.WriteFile(workspace);
    Fixtures.Script model =
        new Fixtures.Script(
            propose("files.write", "{\"name\":\"secret.txt\",\"content\":\"x\"}"), done("gave up"));
    ExecutionLoop loop =
        ExecutionLoop.builder(model, ToolRegistry.of(write))
            .validator(
                "no-secrets",
                (proposal, context) ->
                    proposal.arguments().toJson().contains("secret")
                        ? Verdict.deny("NO_SECRETS", "secret files are off limits")
                        : Verdict.allow())
            .build();

    RunResult run = loop.run("write a secret");

    assertThat(write.executions).hasValue(0);
    assertThat(Files.list(workspace)).isEmpty();
    Step denied = run.steps().get(0);
    assertThat(denied.executed()).isFalse();
    assertThat(denied.verdicts())
        .extracting(v -> v.validator())
        .containsExactly("known-tool", "argument-schema", "no-secrets");
    assertThat(lastMessage(model.requests.get(1).messages()))
        .contains("NO_SECRETS", "secret files are off limits");
    assertThat(run.status()).isEqualTo(RunStatus.DONE);
  }

  @Test
  void schemaInvalidArgumentsAreDeniedWithEveryViolationAndNothingRuns() {
    Fixtures.WriteFile write = new Fixtures.WriteFile(workspace);
    Fixtures.Script model =
        new Fixtures.Script(
            propose("files.write", "{\"name\":\"../x\",\"extra\":1}"), done("stopped"));
    RunResult run = ExecutionLoop.builder(model, ToolRegistry.of(write)).build().run("t");

    Result.Failure failure = (Result.Failure) run.steps().get(0).result().orElseThrow();
    assertThat(failure.code()).isEqualTo(ErrorCodes.INVALID_ARGUMENTS);
    assertThat(failure.details().toJson()).contains("/name", "content", "extra");
    assertThat(write.executions).hasValue(0);
  }

  @Test
  void stopVerdictEndsTheRunWithoutRunningTheTool() {
    Fixtures.WriteFile write = new Fixtures.WriteFile(workspace);
    Fixtures.Script model =
        new Fixtures.Script(propose("files.write", "{\"name\":\"a\",\"content\":\"\"}"));
    RunResult run =
        ExecutionLoop.builder(model, ToolRegistry.of(write))
            .validator("kill-switch", (p, c) -> Verdict.stop("KILL_SWITCH", "maintenance window"))
            .build()
            .run("t");

    assertThat(run.status()).isEqualTo(RunStatus.STOPPED);
    assertThat(run.code()).contains("KILL_SWITCH");
    assertThat(run.message()).isEqualTo("maintenance window");
    assertThat(write.executions).hasValue(0);
    assertThat(run.steps()).hasSize(1);
  }

  @Test
  void toolIsCalledExactlyOncePerAllowedProposalEvenWhenItFails() {
    Fixtures.WriteFile write = new Fixtures.WriteFile(workspace);
    String same = propose("files.write", "{\"name\":\"a.txt\",\"content\":\"1\"}");
    Fixtures.Script model = new Fixtures.Script(same, same, same, done("done"));
    RunResult run = ExecutionLoop.builder(model, ToolRegistry.of(write)).build().run("t");

    assertThat(write.executions).hasValue(3);
    assertThat(run.executions()).isEqualTo(3);
    assertThat(run.steps().get(0).result().orElseThrow().isSuccess()).isTrue();
    assertThat(run.steps().subList(1, 3))
        .allSatisfy(
            s ->
                assertThat(((Result.Failure) s.result().orElseThrow()).code())
                    .isEqualTo("ALREADY_EXISTS"));
  }

  @Test
  void malformedReplyIsAnErrorFedBackNotACrash() {
    Fixtures.Script model = new Fixtures.Script("I will now create the file!", done("sorry"));
    RunResult run =
        ExecutionLoop.builder(model, ToolRegistry.of(new Fixtures.WriteFile(workspace)))
            .build()
            .run("t");

    assertThat(run.status()).isEqualTo(RunStatus.DONE);
    Step garbage = run.steps().get(0);
    assertThat(garbage.decision()).isEmpty();
    assertThat(((Result.Failure) garbage.result().orElseThrow()).code())
        .isEqualTo(ErrorCodes.INVALID_JSON);
    assertThat(lastMessage(model.requests.get(1).messages())).contains("INVALID_JSON");
  }

  @Test
  void argumentsTheSchemaLibraryCannotCompareAreDeniedNotCrashed() {
    // Regression: networknt throws when validating 1e300 against an integer maximum.
    RecordingCounter tool = new RecordingCounter();
    Fixtures.Script model = new Fixtures.Script(propose("count.up", "{\"n\":1e300}"), done("ok"));
    RunResult run = ExecutionLoop.builder(model, ToolRegistry.of(tool)).build().run("t");

    assertThat(tool.calls).hasValue(0);
    assertThat(((Result.Failure) run.steps().get(0).result().orElseThrow()).code())
        .isEqualTo(ErrorCodes.INVALID_ARGUMENTS);
    assertThat(run.status()).isEqualTo(RunStatus.DONE);
  }

  private static final class RecordingCounter implements dev.xct.core.tool.Tool {
    final java.util.concurrent.atomic.AtomicInteger calls =
        new java.util.concurrent.atomic.AtomicInteger();

    @Override
    public dev.xct.core.tool.ToolSpec spec() {
      return dev.xct.core.tool.ToolSpec.builder("count.up")
          .inputSchema(
              "{\"type\":\"object\",\"properties\":{\"n\":{\"type\":\"integer\",\"maximum\":10}}}")
          .build();
    }

    @Override
    public Result execute(dev.xct.core.tool.ToolCall call, dev.xct.core.tool.ToolContext context) {
      return Result.success(calls.incrementAndGet());
    }
  }

  private static String lastMessage(List<ChatMessage> messages) {
    return messages.get(messages.size() - 1).content();
  }
}
