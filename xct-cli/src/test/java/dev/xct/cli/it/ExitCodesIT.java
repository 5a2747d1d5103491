package dev.xct.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Produces every documented exit code with the real jar, and checks none comes with a trace. */
class ExitCodesIT {
  private static final String LIST =
      "\"{\\\"next_step\\\":{\\\"tool\\\":\\\"fs.list\\\",\\\"arguments\\\":{}}}\"";
  private static final String ASK =
      "\"{\\\"next_step\\\":{\\\"tool\\\":\\\"fs.write\\\",\\\"arguments\\\":{\\\"path\\\":\\\"a.txt\\\",\\\"content\\\":\\\"\\\"}}}\"";
  private static final String DONE = "\"{\\\"done\\\":true,\\\"message\\\":\\\"ok\\\"}\"";

  @TempDir Path dir;

  @BeforeEach
  void layOut() throws IOException {
    Files.createDirectory(dir.resolve("ws"));
    Files.writeString(
        dir.resolve("policy.yaml"),
        """
        version: 1
        roots: [{path: ., access: read-write}]
        tools: ["fs.*"]
        rules:
          - allow: fs.list
          - ask: fs.write
        budgets: {max_steps: 3}
        """);
  }

  Xct.Outcome replay(String... replyLines) throws IOException {
    Files.writeString(dir.resolve("r.jsonl"), String.join("\n", replyLines) + "\n");
    return Xct.run(
        dir,
        "replay",
        "--policy",
        "policy.yaml",
        "--workspace",
        "ws",
        "--replies",
        "r.jsonl",
        "--json");
  }

  @Test
  void doneIsZero() throws IOException {
    Xct.Outcome outcome = replay(LIST, DONE);

    assertThat(outcome.exitCode()).as(outcome.all()).isEqualTo(0);
    assertThat(summary(outcome).get("status").asString()).isEqualTo("DONE");
  }

  @Test
  void budgetReachedIsTwo() throws IOException {
    Xct.Outcome outcome = replay(Collections.nCopies(5, LIST).toArray(String[]::new));

    assertThat(outcome.exitCode()).as(outcome.all()).isEqualTo(2);
    assertThat(summary(outcome).get("code").asString()).isEqualTo("MAX_STEPS_EXCEEDED");
  }

  @Test
  void stoppedIsThree() throws IOException {
    Files.writeString(dir.resolve("r.jsonl"), ASK + "\n" + DONE + "\n");
    Xct.Outcome outcome =
        Xct.run(
            dir,
            "replay",
            "--policy",
            "policy.yaml",
            "--workspace",
            "ws",
            "--replies",
            "r.jsonl",
            "--approve=stop",
            "--json");

    assertThat(outcome.exitCode()).as(outcome.all()).isEqualTo(3);
    assertThat(summary(outcome).get("code").asString()).isEqualTo("APPROVAL_STOPPED");
    assertThat(dir.resolve("ws/a.txt")).doesNotExist();
  }

  @Test
  void repliesRunningOutIsFour() throws IOException {
    Xct.Outcome outcome = replay(LIST);

    assertThat(outcome.exitCode()).as(outcome.all()).isEqualTo(4);
    assertThat(summary(outcome).get("message").asString())
        .contains("r.jsonl ran out after 1 replies");
    JsonNode failure = summary(outcome).get("failure");
    assertThat(failure.get("type").asString()).isEqualTo("dev.xct.core.XctException");
    assertThat(failure.get("message").asString()).contains("r.jsonl ran out after 1 replies");
    assertThat(failure.has("status")).isFalse();
    assertThat(outcome.err()).isEmpty();
  }

  @Test
  void usageErrorsAreSixtyFour() {
    assertThat(Xct.run(dir).exitCode()).isEqualTo(64);
    assertThat(Xct.run(dir, "frobnicate").exitCode()).isEqualTo(64);
    Xct.Outcome missing = Xct.run(dir, "replay", "--policy", "policy.yaml");
    assertThat(missing.exitCode()).isEqualTo(64);
    assertThat(missing.err()).contains("Missing required options").contains("xct replay --help");
  }

  @Test
  void badPolicyAndBadRepliesAreSixtyFive() throws IOException {
    Files.writeString(
        dir.resolve("bad.yaml"), "version: 1\ntools: []\nrules:\n  - permit: fs.list\n");
    Xct.Outcome policy = Xct.run(dir, "policy", "check", "bad.yaml");
    assertThat(policy.exitCode()).as(policy.all()).isEqualTo(65);

    Files.writeString(dir.resolve("r.jsonl"), "{\"next_step\":{}}\n");
    Xct.Outcome replies =
        Xct.run(
            dir, "replay", "--policy", "policy.yaml", "--workspace", "ws", "--replies", "r.jsonl");
    assertThat(replies.exitCode()).as(replies.all()).isEqualTo(65);
    assertThat(replies.err()).contains("r.jsonl:1: expected a JSON string");

    Xct.Outcome replayBadPolicy =
        Xct.run(dir, "replay", "--policy", "bad.yaml", "--workspace", "ws", "--replies", "r.jsonl");
    assertThat(replayBadPolicy.exitCode()).isEqualTo(65);
    assertThat(replayBadPolicy.err()).startsWith("bad.yaml:4:5: rules[0].permit: unknown field");
  }

  @Test
  void missingInputsAreSixtySix() throws IOException {
    Files.writeString(dir.resolve("r.jsonl"), DONE + "\n");
    assertThat(Xct.run(dir, "policy", "check", "nope.yaml").exitCode()).isEqualTo(66);
    Xct.Outcome noWorkspace =
        Xct.run(
            dir,
            "replay",
            "--policy",
            "policy.yaml",
            "--workspace",
            "nope",
            "--replies",
            "r.jsonl");
    assertThat(noWorkspace.exitCode()).isEqualTo(66);
    assertThat(noWorkspace.err())
        .isEqualTo("xct: workspace nope does not exist or is not a directory\n");
  }

  @Test
  void noFailureEndsInAStackTrace() throws IOException {
    Files.writeString(dir.resolve("bad.yaml"), "version: [\n");
    for (Xct.Outcome outcome :
        new Xct.Outcome[] {
          Xct.run(dir, "policy", "check", "bad.yaml"),
          Xct.run(dir, "replay", "--policy", "bad.yaml", "--workspace", "ws", "--replies", "x"),
          Xct.run(dir, "run", "--policy", "bad.yaml", "--workspace", "ws", "task"),
          replay(LIST)
        }) {
      assertThat(outcome.out() + outcome.err())
          .doesNotContain("\tat ")
          .doesNotContain("Exception in thread");
    }
  }

  private static JsonNode summary(Xct.Outcome outcome) {
    return JsonMapper.builder().build().readTree(outcome.out());
  }
}
