package dev.xct.cli.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.xct.policy.PolicyFile;
import dev.xct.policy.Root;
import dev.xct.tools.shell.Program;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every policy in {@code policies/} loads, unchanged, for {@code xct replay} and for {@code xct
 * run}: the file is read, its tools are built (the sandbox probed) and the run ends as the model
 * says. Where this machine lacks an absolute root or a program the file names, the case is skipped
 * with the reason; {@code ShippedPoliciesTest} builds those files with stand-ins on every machine.
 */
class ShippedPoliciesIT {
  private static final String DONE = "{\"done\":true,\"message\":\"loaded\"}";

  @TempDir Path dir;

  static Stream<Path> shippedPolicies() throws IOException {
    Path examples = Path.of(System.getProperty("xct.examples", "../policies"));
    try (Stream<Path> files = Files.list(examples)) {
      return files
          .filter(f -> f.toString().matches(".*\\.(ya?ml|json)"))
          .map(Path::toAbsolutePath)
          .sorted()
          .toList()
          .stream();
    }
  }

  /** Skips the case when this machine lacks what the file names outside the workspace. */
  private static void assumeMachineHasWhatTheFileNames(Path file) {
    String missing = missingHere(file);
    assumeTrue(missing.isEmpty(), missing);
  }

  /** Returns what the file names outside the workspace that this machine lacks, or empty. */
  static String missingHere(Path file) {
    PolicyFile policy = PolicyFile.load(file);
    for (Root root : policy.roots()) {
      Path path = Path.of(root.path());
      if (path.isAbsolute() && !Files.isDirectory(path)) {
        return "no root " + path + " here";
      }
    }
    for (Program program : policy.shell().map(s -> s.programs()).orElse(List.of())) {
      if (!Files.isExecutable(Path.of("/usr/bin", program.name()))
          && !Files.isExecutable(Path.of("/bin", program.name()))) {
        return program.name() + " is not installed here";
      }
    }
    return "";
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("shippedPolicies")
  void everyShippedPolicyLoadsForReplay(Path file) throws IOException {
    assumeMachineHasWhatTheFileNames(file);
    Files.createDirectory(dir.resolve("workspace"));
    ReplayIT.writeReplies(dir.resolve("replies.jsonl"), List.of(DONE));

    Xct.Outcome replay =
        Xct.run(
            dir,
            "replay",
            "--policy",
            file.toString(),
            "--workspace",
            "workspace",
            "--replies",
            "replies.jsonl");

    assertThat(replay.exitCode()).as(replay.all()).isZero();
    assertThat(replay.out()).contains("DONE after 1 step");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("shippedPolicies")
  void everyShippedPolicyLoadsForRun(Path file) throws IOException {
    assumeMachineHasWhatTheFileNames(file);
    Files.createDirectory(dir.resolve("workspace"));

    try (LoopbackModel model = LoopbackModel.replying(List.of(DONE))) {
      Xct.Outcome run =
          Xct.run(
              dir,
              model.environment(),
              "run",
              "--policy",
              file.toString(),
              "--workspace",
              "workspace",
              "anything");

      assertThat(run.exitCode()).as(run.all()).isZero();
      assertThat(run.out()).contains("DONE after 1 step");
    }
  }
}
