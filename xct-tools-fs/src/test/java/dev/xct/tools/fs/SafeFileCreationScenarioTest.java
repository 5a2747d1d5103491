package dev.xct.tools.fs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xct.core.JsonValue;
import dev.xct.core.RunResult;
import dev.xct.core.Step;
import dev.xct.core.VerdictRecord;
import dev.xct.core.loop.ExecutionLoop;
import dev.xct.core.protocol.Result;
import dev.xct.core.tool.ToolRegistry;
import dev.xct.core.validate.ApprovalDecision;
import dev.xct.core.validate.ApprovalRequest;
import dev.xct.core.validate.Policy;
import dev.xct.core.validate.Validators;
import dev.xct.core.validate.Verdict;
import dev.xct.test.ScriptedModelClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seed's "safe file creation" example, end to end through the real loop: the model proposes a
 * path outside the workspace, the system refuses it before anything runs, the model adjusts, the
 * file is created, the result flows back, and the model says done.
 */
class SafeFileCreationScenarioTest {
  private static final String CONFIG = "{\"port\": 8080}\n";

  @TempDir Path temp;
  private Path workspace;
  private Path outside;
  private FsTools fs;

  @BeforeEach
  void setUp() throws IOException {
    workspace = Files.createDirectory(temp.resolve("workspace"));
    outside = Files.createDirectory(temp.resolve("etc"));
    fs = FsTools.forRoot(workspace);
  }

  private String write(String path) {
    return "{\"next_step\":{\"tool\":\"fs.write\",\"arguments\":{\"path\":"
        + FsHarness.quote(path)
        + ",\"content\":"
        + FsHarness.quote(CONFIG)
        + "},\"goal\":\"create config.json\"}}";
  }

  @Test
  void modelProposesAPathOutsideIsToldWhyAdjustsAndTheFileIsCreated() throws IOException {
    ScriptedModelClient model =
        ScriptedModelClient.of(
            write(outside.resolve("config.json").toString()),
            write("./config.json"),
            "{\"done\":true,\"message\":\"config.json created\"}");
    ExecutionLoop loop =
        ExecutionLoop.builder(model, ToolRegistry.empty()).toolkit(fs.toolkit()).build();

    RunResult run = loop.run("Create config.json");

    assertThat(run.isDone()).isTrue();
    assertThat(run.message()).isEqualTo("config.json created");
    List<Step> steps = run.steps();
    assertThat(steps).hasSize(3);

    Step refused = steps.get(0);
    assertThat(refused.executed()).isFalse();
    assertThat(refused.result().map(r -> ((Result.Failure) r).code()))
        .contains(FsErrorCodes.PATH_OUTSIDE_ROOT);
    VerdictRecord last = refused.verdicts().get(refused.verdicts().size() - 1);
    assertThat(last.validator()).isEqualTo("fs-confinement");
    assertThat(last.verdict()).isInstanceOf(Verdict.Deny.class);
    assertThat(outside.resolve("config.json")).doesNotExist();

    Step created = steps.get(1);
    assertThat(created.executed()).isTrue();
    JsonValue result = ((Result.Success) created.result().orElseThrow()).result();
    assertThat(result.get("outcome").flatMap(JsonValue::asString)).contains("created");
    assertThat(result.get("path").flatMap(JsonValue::asString)).contains("config.json");
    assertThat(workspace.resolve("config.json")).hasContent(CONFIG);

    // The refusal and the success both flowed back to the model as data.
    assertThat(model.requests().get(1).transcript().get(0).result()).isPresent();
    assertThat(model.requests().get(2).messages().toString())
        .contains(FsErrorCodes.PATH_OUTSIDE_ROOT)
        .contains("created");
    try (var listing = Files.list(outside)) {
      assertThat(listing).isEmpty();
    }
  }

  @Test
  void approverSeesTheResolvedPathAndTheDiffBeforeTheWriteRuns() throws IOException {
    List<ApprovalRequest> asked = new CopyOnWriteArrayList<>();
    ScriptedModelClient model =
        ScriptedModelClient.of(write("config.json"), "{\"done\":true,\"message\":\"ok\"}");
    ExecutionLoop loop =
        ExecutionLoop.builder(model, ToolRegistry.empty())
            .toolkit(fs.toolkit())
            .validator(
                Validators.policy(
                    Policy.builder().allow("fs.*").build(),
                    request -> {
                      asked.add(request);
                      assertThat(workspace.resolve("config.json")).doesNotExist();
                      return ApprovalDecision.approve(request, "alice");
                    }))
            .build();

    RunResult run = loop.run("Create config.json");

    assertThat(run.isDone()).isTrue();
    assertThat(asked).hasSize(1);
    JsonValue preview = asked.get(0).preview();
    assertThat(preview.get("resolved").flatMap(JsonValue::asString))
        .contains(workspace.toRealPath().resolve("config.json").toString());
    assertThat(preview.get("action").flatMap(JsonValue::asString)).contains("create");
    assertThat(preview.get("diff").flatMap(JsonValue::asString).orElseThrow())
        .contains("+{\"port\": 8080}");
    assertThat(workspace.resolve("config.json")).hasContent(CONFIG);
  }
}
