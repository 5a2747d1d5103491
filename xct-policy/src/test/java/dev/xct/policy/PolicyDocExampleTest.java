package dev.xct.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xct.core.ModelClient;
import dev.xct.core.ModelReply;
import dev.xct.core.RunResult;
import dev.xct.core.RunStatus;
import dev.xct.core.loop.ExecutionLoop;
import dev.xct.core.protocol.ProtocolCodec;
import dev.xct.core.tool.ToolRegistry;
import dev.xct.core.validate.ApprovalDecision;
import dev.xct.core.validate.Approver;
import dev.xct.core.validate.Validators;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The code of {@code docs/policy.md}, kept here so that it compiles and does what the page says;
 * {@link #loop} is the page's example, verbatim.
 */
class PolicyDocExampleTest {
  @TempDir Path dir;

  /** The example in docs/policy.md: a policy file wired into an ExecutionLoop. */
  static ExecutionLoop loop(Path file, Path workspace, ModelClient model, Approver approver) {
    PolicyFile policy = PolicyFile.load(file); // every problem, located, in one exception
    PolicyTools tools = PolicyTools.of(policy, workspace); // fs.* and shell.exec, as the file says

    ExecutionLoop.Builder loop =
        ExecutionLoop.builder(model, ToolRegistry.empty())
            .toolkit(tools.toolkit()) // the tools, with fs-confinement and shell-allowlist
            .budgets(policy.budgets());
    policy.toolTimeout().ifPresent(loop::toolTimeout);
    policy
        .maxReplyChars()
        .ifPresent(chars -> loop.codec(ProtocolCodec.builder().maxChars(chars).build()));
    loop.validator(Validators.policy(policy.policy(), approver, policy.approval())); // the rules
    return loop.build();
  }

  private static ModelClient scripted(String... replies) {
    Iterator<String> next = List.of(replies).iterator();
    return request -> ModelReply.of(next.next());
  }

  @Test
  void theExampleRunsAnAgentUnderThePolicyFile() throws IOException {
    Path workspace = Files.createDirectory(dir.resolve("workspace"));
    Path file =
        Files.writeString(
            dir.resolve("agent-policy.yaml"),
            """
            version: 1
            roots: [{path: ., access: read-write}]
            tools: ["fs.*"]
            rules:
              - deny: fs.delete
                reason: nothing is deleted
              - allow: fs.*
            budgets: {max_steps: 5}
            """);
    ModelClient model =
        scripted(
            """
            {"next_step":{"tool":"fs.delete","arguments":{"path":"notes.txt"}}}""",
            """
            {"next_step":{"tool":"fs.write","arguments":{"path":"notes.txt","content":"hi"}}}""",
            """
            {"done":true,"message":"written"}""");
    List<String> asked = new ArrayList<>();
    Approver operator =
        request -> {
          asked.add(request.proposal().tool());
          return ApprovalDecision.approve(request, "operator");
        };

    RunResult run = loop(file, workspace, model, operator).run("Write hi to notes.txt");

    assertThat(run.status()).as("%s", run).isEqualTo(RunStatus.DONE);
    assertThat(asked)
        .as("the deny rule decides before anyone is asked")
        .containsExactly("fs.write");
    assertThat(workspace.resolve("notes.txt")).hasContent("hi");
    assertThat(run.steps()).hasSize(3);
  }

  @Test
  void aBadFileFailsBeforeAnythingRunsWithEveryProblemLocated() throws IOException {
    Path file =
        Files.writeString(
            dir.resolve("agent-policy.yaml"),
            "version: 1\ntools: [\"fs.*\"]\nrules:\n  - alow: fs.read\nbudgets: {max_stepz: 3}\n");

    assertThatThrownBy(() -> loop(file, dir, scripted(), request -> null))
        .isInstanceOfSatisfying(
            PolicyFileException.class,
            e ->
                assertThat(e.getMessage())
                    .isEqualTo(
                        file
                            + ":4:5: rules[0].alow: unknown field 'alow'; expected one of: id,"
                            + " allow, deny, ask, when, reason\n"
                            + file
                            + ":5:11: budgets.max_stepz: unknown field 'max_stepz'; expected one"
                            + " of: max_steps, max_consecutive_errors, max_duration, tool_quotas"));
  }

  @Test
  void theSmallerSnippetsDoWhatThePageSays() throws IOException {
    Path file =
        Files.writeString(
            dir.resolve("agent-policy.yaml"),
            "version: 1\nroots: [{path: .}]\ntools: []\nrules: []\n"
                + "shell: {sandbox: unconfined, programs: [{preset: ls}]}\n");
    Logger log = LoggerFactory.getLogger(PolicyDocExampleTest.class);

    CheckedPolicy checked = CheckedPolicy.load(file);
    checked.warnings().forEach(warning -> log.warn(warning.format(file.toString())));
    PolicyFile policy = checked.policy();
    PolicyFile moved =
        policy.toBuilder().roots(List.of(new Root("/srv/data", Root.Access.READ_ONLY))).build();

    assertThat(checked.warnings())
        .extracting(PolicyProblem::field)
        .containsExactly("shell.sandbox");
    assertThat(moved.roots()).containsExactly(new Root("/srv/data", Root.Access.READ_ONLY));
    assertThat(moved.shell()).isEqualTo(policy.shell());
    assertThat(PolicyFile.jsonSchema())
        .isEqualTo(Files.readString(Path.of("..", "docs", "schema", "policy.schema.json")));
  }
}
