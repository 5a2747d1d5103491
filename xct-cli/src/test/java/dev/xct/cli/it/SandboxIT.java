package dev.xct.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * {@code xct run} and {@code xct replay} run shell commands inside bubblewrap unless the policy
 * says {@code sandbox: unconfined}. The model asks {@code tac}, whose operands the policy declares
 * not to be paths (so the checks let it through), to print a file outside the workspace: inside the
 * sandbox that file does not exist.
 */
class SandboxIT {
  private static final String POLICY =
      """
      version: 1
      roots: [{path: ., access: read-write}]
      tools: ["shell.exec"]
      rules:
        - allow: shell.exec
      shell:
        %s
        programs:
          - {name: tac, no_options: true, operands_are_paths: false, read_only: true}
      """;
  private static final String DONE = "{\"done\":true,\"message\":\"finished\"}";

  @TempDir Path dir;
  Path secret;

  @BeforeEach
  void layOut() throws IOException {
    Files.createDirectory(dir.resolve("workspace"));
    secret = Files.writeString(dir.resolve("secret.txt"), "outside the workspace\n");
    Files.writeString(dir.resolve("sandboxed.yaml"), POLICY.formatted("timeout: 10s"));
    Files.writeString(dir.resolve("unconfined.yaml"), POLICY.formatted("sandbox: unconfined"));
  }

  private String readSecret() {
    return "{\"next_step\":{\"tool\":\"shell.exec\",\"arguments\":{\"argv\":[\"tac\",\""
        + secret
        + "\"]},\"goal\":\"read it\"}}";
  }

  private Xct.Outcome replay(String policy) throws IOException {
    ReplayIT.writeReplies(dir.resolve("replies.jsonl"), List.of(readSecret(), DONE));
    return Xct.run(
        dir,
        "replay",
        "--policy",
        policy,
        "--workspace",
        "workspace",
        "--replies",
        "replies.jsonl",
        "--journal",
        "journal.jsonl");
  }

  @Test
  void replayRunsCommandsInsideBubblewrapByDefault() throws IOException {
    Xct.Outcome replay = replay("sandboxed.yaml");

    assertThat(replay.exitCode()).as(replay.all()).isZero();
    JsonNode step = ReplayIT.steps(dir.resolve("journal.jsonl")).get(0);
    assertThat(step.get("executed").asBoolean()).isTrue();
    assertThat(step.get("code").asString()).isEqualTo("COMMAND_FAILED");
    assertThat(Files.readString(dir.resolve("journal.jsonl")))
        .contains("No such file")
        .doesNotContain("outside the workspace");
  }

  @Test
  void runRunsCommandsInsideBubblewrapByDefault() throws IOException {
    try (LoopbackModel model = LoopbackModel.replying(List.of(readSecret(), DONE))) {
      Xct.Outcome run =
          Xct.run(
              dir,
              model.environment(),
              "run",
              "--policy",
              "sandboxed.yaml",
              "--workspace",
              "workspace",
              "--journal",
              "journal.jsonl",
              "read the secret");

      assertThat(run.exitCode()).as(run.all()).isZero();
    }
    assertThat(ReplayIT.steps(dir.resolve("journal.jsonl")).get(0).get("code").asString())
        .isEqualTo("COMMAND_FAILED");
    assertThat(Files.readString(dir.resolve("journal.jsonl")))
        .doesNotContain("outside the workspace");
  }

  @Test
  void anUnconfinedPolicyRunsCommandsOnTheHost() throws IOException {
    Xct.Outcome replay = replay("unconfined.yaml");

    assertThat(replay.exitCode()).as(replay.all()).isZero();
    assertThat(ReplayIT.steps(dir.resolve("journal.jsonl")).get(0).get("status").asString())
        .isEqualTo("success");
    assertThat(Files.readString(dir.resolve("journal.jsonl"))).contains("outside the workspace");
  }
}
