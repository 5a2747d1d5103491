package dev.xct.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xct.core.CancellationToken;
import dev.xct.core.JsonValue;
import dev.xct.core.protocol.Result;
import dev.xct.core.tool.Tool;
import dev.xct.core.tool.ToolCall;
import dev.xct.core.tool.ToolContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shell tool built from a policy, as {@code xct run} and {@code xct replay} build it, runs its
 * commands where the policy says. {@code tac} reads any file it is given (its operands are declared
 * not to be paths), so what it prints shows what the command could see.
 */
class PolicyToolsShellTest {
  @TempDir Path dir;
  Path workspace;
  Path secret;

  @BeforeEach
  void layOut() throws IOException {
    workspace = Files.createDirectory(dir.resolve("workspace"));
    secret = Files.writeString(dir.resolve("secret.txt"), "outside the roots\n");
  }

  private Tool shell(String settings) {
    PolicyFile policy =
        PolicyFile.parse(
            """
            version: 1
            roots: [{path: ., access: read-write}]
            tools: ["shell.exec"]
            rules: []
            shell:
              %s
              programs:
                - {name: tac, no_options: true, operands_are_paths: false, read_only: true}
            """
                .formatted(settings),
            "p.yaml",
            false);
    List<Tool> tools = PolicyTools.of(policy, workspace).toolkit().tools();
    return tools.stream().filter(t -> t.spec().name().equals("shell.exec")).findFirst().get();
  }

  private static Result tac(Tool shell, String file) {
    ToolContext context =
        new ToolContext(
            "run",
            1,
            Instant.now().plus(Duration.ofSeconds(60)),
            CancellationToken.create(),
            Clock.systemUTC());
    JsonValue arguments = JsonValue.from(Map.of("argv", List.of("tac", file)));
    return shell.execute(new ToolCall("shell.exec", arguments, "test"), context);
  }

  @Test
  void theSandboxIsOnUnlessThePolicySaysUnconfined() {
    Result sandboxed = tac(shell("sandbox: bubblewrap"), secret.toString());
    Result byDefault = tac(shell("timeout: 10s"), secret.toString());
    Result unconfined = tac(shell("sandbox: unconfined"), secret.toString());

    assertThat(sandboxed)
        .isInstanceOfSatisfying(
            Result.Failure.class, f -> assertThat(f.code()).isEqualTo("COMMAND_FAILED"));
    assertThat(output(sandboxed, "stderr")).contains("No such file");
    assertThat(output(byDefault, "stderr")).contains("No such file");
    assertThat(unconfined).isInstanceOf(Result.Success.class);
    assertThat(output(unconfined, "stdout")).isEqualTo("outside the roots\n");
  }

  @Test
  void theSandboxHasNoNetworkUnlessThePolicyGivesItTheHosts() throws IOException {
    List<String> host = interfaces(Files.readString(Path.of("/proc/net/dev")));

    Result isolated = tac(shell("sandbox: bubblewrap"), "/proc/net/dev");
    Result shared = tac(shell("network: true"), "/proc/net/dev");

    assertThat(interfaces(output(isolated, "stdout"))).containsExactly("lo");
    assertThat(interfaces(output(shared, "stdout"))).containsExactlyInAnyOrderElementsOf(host);
  }

  /** Returns what the command printed on {@code stream}, whether it succeeded or failed. */
  private static String output(Result result, String stream) {
    JsonValue data =
        result instanceof Result.Failure failure
            ? failure.details()
            : ((Result.Success) result).result();
    return data.get(stream).flatMap(JsonValue::asString).orElseThrow();
  }

  /** Returns the interface names in /proc/net/dev's text. */
  private static List<String> interfaces(String text) {
    return text.lines()
        .filter(line -> line.contains(":"))
        .map(line -> line.substring(0, line.indexOf(':')).strip())
        .filter(name -> !name.contains("|"))
        .toList();
  }
}
