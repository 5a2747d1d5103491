package dev.xct.benchmarks.context;

import dev.xct.core.JsonValue;
import dev.xct.core.Step;
import dev.xct.core.TokenUsage;
import dev.xct.core.protocol.Decision;
import dev.xct.core.protocol.Result;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Generates the histories the cost benchmark replays, deterministically from a seed: the issue's
 * uniform one (every step reads 2 kB), and a realistic mix of a coding agent's steps (source files
 * read, some large; files written, with the content in the model's reply; command output; listings;
 * failed commands with compiler errors and stack traces; missing files; refused paths; unreadable
 * replies). Result shapes follow XCT's own fs and shell tools.
 */
final class Histories {
  private Histories() {}

  /** Returns {@code steps} steps each reading a different 2,000-character source file. */
  static List<Step> uniform(int steps) {
    Text text = new Text(new Random(17));
    List<Step> out = new ArrayList<>();
    for (int n = 1; n <= steps; n++) {
      String path = text.path();
      out.add(executed(n, "fs.read", Map.of("path", path), read(path, text.source(2_000))));
    }
    return out;
  }

  /** Returns {@code steps} steps of the realistic mix. */
  static List<Step> realistic(int steps) {
    Text text = new Text(new Random(42));
    List<Step> out = new ArrayList<>();
    for (int n = 1; n <= steps; n++) {
      out.add(realisticStep(n, text));
    }
    return out;
  }

  private static Step realisticStep(int n, Text text) {
    Random random = text.random;
    double p = random.nextDouble();
    String path = text.path();
    if (p < 0.30) {
      double size = random.nextDouble();
      int chars =
          size < 0.80
              ? 800 + random.nextInt(3_200)
              : size < 0.95 ? 4_000 + random.nextInt(8_000) : 15_000 + random.nextInt(25_000);
      return executed(n, "fs.read", Map.of("path", path), read(path, text.source(chars)));
    }
    if (p < 0.45) {
      String[] argv = text.command();
      return executed(
          n,
          "shell.exec",
          Map.of("argv", List.of(argv)),
          Result.success(shell(0, text.output(argv[0]), "")));
    }
    if (p < 0.55) {
      Map<String, Object> failed = shell(1, text.output("mvn"), text.compileError());
      Result result = Result.failure("COMMAND_FAILED", "mvn exited with code 1", failed);
      return executed(n, "shell.exec", Map.of("argv", List.of("mvn", "-q", "test")), result);
    }
    if (p < 0.65) {
      String content = text.source(500 + random.nextInt(2_500));
      Map<String, Object> written = new LinkedHashMap<>();
      written.put("bytesWritten", content.length());
      written.put("outcome", "created");
      written.put("path", path);
      written.put("sha256", text.hex(64));
      written.put("size", content.length());
      return executed(
          n, "fs.write", args("path", path, "content", content), Result.success(written));
    }
    if (p < 0.72) {
      return executed(
          n, "fs.list", Map.of("path", text.directory()), Result.success(text.listing()));
    }
    if (p < 0.78) {
      Result missing =
          Result.failure(
              "NOT_FOUND", "no such file: " + path, args("path", path, "root", "/workspace"));
      return executed(n, "fs.read", Map.of("path", path), missing);
    }
    if (p < 0.81) {
      String outside = "/etc/" + path;
      Result.Failure refused =
          Result.failure(
              "PATH_OUTSIDE_ROOT",
              "path '" + outside + "' resolves outside the allowed roots",
              Map.of("path", outside));
      Decision.Proposal proposal = proposal("fs.read", Map.of("path", outside));
      return new Step.Refused(header(n, reply(proposal)), proposal, List.of(), refused);
    }
    if (p < 0.84) {
      String prose = "I will now read " + path + " to see how " + text.word() + " is handled.";
      return new Step.Rejected(
          header(n, prose),
          Result.failure("INVALID_JSON", "the reply is not JSON: Unrecognized token 'I'"));
    }
    String[] grep = {"grep", "-rn", text.word(), "src"};
    return executed(
        n, "shell.exec", Map.of("argv", List.of(grep)), Result.success(shell(0, text.grep(), "")));
  }

  private static Result read(String path, String content) {
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("path", path);
    result.put("content", content);
    result.put("lines", content.split("\n", -1).length);
    return Result.success(result);
  }

  private static Map<String, Object> shell(int exit, String stdout, String stderr) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("exit_code", exit);
    details.put("stdout", stdout);
    details.put("stderr", stderr);
    details.put("stdout_bytes", stdout.length());
    details.put("stderr_bytes", stderr.length());
    details.put("duration_ms", 40 + stdout.length() % 900);
    details.put("timeout_ms", 60_000);
    details.put("flags", List.of());
    return details;
  }

  private static Step executed(int n, String tool, Map<String, Object> arguments, Result result) {
    Decision.Proposal proposal = proposal(tool, arguments);
    return new Step.Executed(
        header(n, reply(proposal)), proposal, List.of(), result, Duration.ZERO);
  }

  private static Map<String, Object> args(String k1, Object v1, String k2, Object v2) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put(k1, v1);
    map.put(k2, v2);
    return map;
  }

  private static Decision.Proposal proposal(String tool, Map<String, Object> arguments) {
    return Decision.propose(tool, JsonValue.from(new LinkedHashMap<>(arguments)), "look closer");
  }

  private static String reply(Decision.Proposal proposal) {
    return "{\"next_step\":{\"tool\":\""
        + proposal.tool()
        + "\",\"arguments\":"
        + proposal.arguments().toJson()
        + ",\"goal\":\"look closer\"}}";
  }

  private static Step.Header header(int n, String reply) {
    return new Step.Header(n, Instant.EPOCH, reply, Duration.ZERO, TokenUsage.unknown());
  }
}
