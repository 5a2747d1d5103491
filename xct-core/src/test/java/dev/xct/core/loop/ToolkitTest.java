package dev.xct.core.loop;

import static dev.xct.core.loop.Fixtures.done;
import static dev.xct.core.loop.Fixtures.propose;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xct.core.RunResult;
import dev.xct.core.Toolkit;
import dev.xct.core.XctException;
import dev.xct.core.protocol.Result;
import dev.xct.core.tool.ToolRegistry;
import dev.xct.core.tool.Tools;
import dev.xct.core.validate.Budgets;
import dev.xct.core.validate.Validator;
import dev.xct.core.validate.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

public class ToolkitTest {
  @TempDir Path workspace;

  public record Ping() {}

  private static final Validator NO_SECRETS =
      Validator.named(
          "no-secrets",
          (proposal, context) ->
              proposal.arguments().toJson().contains("secret")
                  ? Verdict.deny("SECRET", "no secrets")
                  : Verdict.allow());

  private static Toolkit ping(String name) {
    return Toolkit.of(
        Tools.typed(name, "Answers pong", Ping.class, (args, context) -> Result.success("pong")));
  }

  @Test
  void oneCallRegistersTheToolsAndPutsTheirValidatorsBetweenTheBuiltInsAndTheOthers() {
    Fixtures.WriteFile write = new Fixtures.WriteFile(workspace);
    ExecutionLoop loop =
        ExecutionLoop.builder(
                new Fixtures.Script(done("ok")), ToolRegistry.of(ping("t.ping").tools().get(0)))
            .validator("late", (proposal, context) -> Verdict.allow())
            .toolkit(Toolkit.of(List.of(write), List.of(NO_SECRETS)))
            .budgets(Budgets.builder().toolQuota("t.ping", 3).build())
            .build();

    assertThat(loop.tools().specs())
        .extracting(spec -> spec.name())
        .containsExactly("t.ping", "files.write");
    assertThat(loop.validatorNames())
        .containsExactly("known-tool", "argument-schema", "tool-quotas", "no-secrets", "late");
  }

  @Test
  void aToolkitsValidatorVetoesItsToolBeforeItRuns() throws Exception {
    Fixtures.WriteFile write = new Fixtures.WriteFile(workspace);
    ExecutionLoop loop =
        ExecutionLoop.builder(
                new Fixtures.Script(
                    propose("files.write", "{\"name\":\"a.txt\",\"content\":\"secret\"}"),
                    propose("files.write", "{\"name\":\"a.txt\",\"content\":\"public\"}"),
                    done("ok")),
                ToolRegistry.empty())
            .toolkit(Toolkit.of(List.of(write), List.of(NO_SECRETS)))
            .build();

    RunResult run = loop.run("write a file");

    assertThat(run.steps().get(0).executed()).isFalse();
    assertThat(run.steps().get(0).verdicts())
        .last()
        .extracting(v -> v.validator())
        .isEqualTo("no-secrets");
    assertThat(run.steps().get(1).executed()).isTrue();
    assertThat(write.executions).hasValue(1);
    assertThat(Files.readString(workspace.resolve("a.txt"))).isEqualTo("public");
  }

  @Test
  void toolkitsCombineInOrder() {
    Toolkit both =
        ping("a.ping").and(Toolkit.of(List.of(ping("b.ping").tools().get(0)), List.of(NO_SECRETS)));

    assertThat(both.tools())
        .extracting(tool -> tool.spec().name())
        .containsExactly("a.ping", "b.ping");
    assertThat(both.validators()).containsExactly(NO_SECRETS);
    assertThat(both).hasToString("Toolkit[[a.ping, b.ping], validators=[no-secrets]]");
  }

  @Test
  void aToolNameTwiceFailsNamingTheTool() {
    assertThatThrownBy(() -> ping("t.ping").and(ping("t.ping")))
        .isInstanceOf(XctException.class)
        .hasMessageContaining("'t.ping'");
    assertThatThrownBy(
            () ->
                ExecutionLoop.builder(
                        new Fixtures.Script(), ToolRegistry.of(ping("t.ping").tools().get(0)))
                    .toolkit(ping("t.ping"))
                    .build())
        .isInstanceOf(XctException.class)
        .hasMessageContaining("'t.ping'");
  }
}
