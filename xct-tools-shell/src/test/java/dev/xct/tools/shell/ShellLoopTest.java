package dev.xct.tools.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xct.core.RunResult;
import dev.xct.core.Step;
import dev.xct.core.VerdictRecord;
import dev.xct.core.loop.ExecutionLoop;
import dev.xct.core.protocol.Result;
import dev.xct.core.tool.ToolRegistry;
import dev.xct.test.ScriptedModelClient;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shell tools inside a real loop, driven by a scripted model. */
class ShellLoopTest {
  @TempDir Path temp;

  @Test
  void aRefusedCommandNeverRunsAndTheModelReadsWhyThenAnAllowedOneRuns() {
    Workspace workspace = new Workspace(temp);
    workspace.file("a.txt", "alpha\n");
    ShellTools shell = workspace.builder().allow(Presets.all()).build();
    ScriptedModelClient model =
        ScriptedModelClient.of(
            "{\"next_step\":{\"tool\":\"shell.exec\",\"arguments\":{\"argv\":[\"find\",\".\","
                + "\"-delete\"]},\"goal\":\"clean up\"}}",
            "{\"next_step\":{\"tool\":\"shell.exec\",\"arguments\":{\"argv\":[\"cat\","
                + "\"a.txt\"]},\"goal\":\"read\"}}",
            "{\"done\":true,\"message\":\"read it\"}");
    ExecutionLoop loop =
        ExecutionLoop.builder(model, ToolRegistry.empty()).toolkit(shell.toolkit()).build();

    RunResult run = loop.run("read a.txt");

    assertThat(run.isDone()).isTrue();
    List<Step> steps = run.steps();
    Step refused = steps.get(0);
    assertThat(refused.executed()).isFalse();
    assertThat(refused.verdicts()).extracting(VerdictRecord::validator).contains("shell-allowlist");
    assertThat(((Result.Failure) refused.result().orElseThrow()).code())
        .isEqualTo(ShellErrorCodes.ARGUMENT_NOT_ALLOWED);
    assertThat(workspace.root.resolve("a.txt")).exists();
    Step ran = steps.get(1);
    assertThat(ran.executed()).isTrue();
    assertThat(Shell.field(ran.result().orElseThrow(), "stdout")).isEqualTo("alpha\n");
    assertThat(model.requests().get(1).toString()).contains("ARGUMENT_NOT_ALLOWED");
  }

  @Test
  void theSchemaRejectsUnknownArgumentsBeforeTheShellValidatorIsAsked() {
    Workspace workspace = new Workspace(temp);
    ShellTools shell = workspace.builder().allow(Presets.ls()).build();
    ScriptedModelClient model =
        ScriptedModelClient.of(
            "{\"next_step\":{\"tool\":\"shell.exec\",\"arguments\":{\"argv\":[\"ls\"],"
                + "\"env\":{\"LD_PRELOAD\":\"/tmp/x.so\"}},\"goal\":\"\"}}",
            "{\"done\":true,\"message\":\"\"}");
    RunResult run =
        ExecutionLoop.builder(model, ToolRegistry.empty())
            .toolkit(shell.toolkit())
            .build()
            .run("list");
    Step step = run.steps().get(0);
    assertThat(step.executed()).isFalse();
    assertThat(((Result.Failure) step.result().orElseThrow()).code())
        .isEqualTo("INVALID_ARGUMENTS");
  }
}
