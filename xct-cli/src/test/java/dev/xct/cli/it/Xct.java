package dev.xct.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real {@code target/xct.jar} as a process, as a user would, and captures what it says.
 */
final class Xct {
  private static final Path JAR = Path.of(System.getProperty("xct.jar", "target/xct.jar"));

  /** What one run of the jar printed and how it ended. */
  record Outcome(int exitCode, String out, String err) {
    /** Returns stdout and stderr together, for messages. */
    String all() {
      return "exit " + exitCode + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
    }
  }

  private Xct() {}

  /** Runs {@code xct args} in {@code directory} with the environment changed by {@code env}. */
  static Outcome run(Path directory, Map<String, String> env, String... args) {
    assertThat(JAR).as("the jar is built by 'package' before the process tests").isRegularFile();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-jar");
    command.add(JAR.toAbsolutePath().toString());
    command.addAll(List.of(args));
    try {
      Path out = Files.createTempFile("xct-out", ".txt");
      Path err = Files.createTempFile("xct-err", ".txt");
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .directory(directory.toFile())
              .redirectInput(ProcessBuilder.Redirect.from(devNull()))
              .redirectOutput(out.toFile())
              .redirectError(err.toFile());
      builder.environment().remove("NO_COLOR");
      builder.environment().remove("XCT_LOG");
      builder.environment().putAll(env);
      Process process = builder.start();
      if (!process.waitFor(120, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("xct " + String.join(" ", args) + " did not finish in 120 s");
      }
      Outcome outcome =
          new Outcome(
              process.exitValue(),
              Files.readString(out, StandardCharsets.UTF_8),
              Files.readString(err, StandardCharsets.UTF_8));
      Files.delete(out);
      Files.delete(err);
      return outcome;
    } catch (IOException e) {
      throw new AssertionError("cannot run the jar", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  /** Runs {@code xct args} in {@code directory}. */
  static Outcome run(Path directory, String... args) {
    return run(directory, Map.of(), args);
  }

  /**
   * Runs {@code xct replay} in {@code directory} with {@code policy.yaml}, the workspace {@code
   * workspace} and the replies in {@code replies}, then {@code extra}.
   */
  static Outcome replay(Path directory, String replies, String... extra) {
    java.util.List<String> args =
        new java.util.ArrayList<>(
            java.util.List.of(
                "replay",
                "--policy",
                "policy.yaml",
                "--workspace",
                "workspace",
                "--replies",
                replies));
    args.addAll(java.util.List.of(extra));
    return run(directory, args.toArray(String[]::new));
  }

  private static java.io.File devNull() {
    return new java.io.File(
        System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
  }
}
