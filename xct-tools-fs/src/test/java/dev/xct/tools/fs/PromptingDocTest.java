package dev.xct.tools.fs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xct.core.JsonValue;
import dev.xct.core.RunResult;
import dev.xct.core.Step;
import dev.xct.core.TokenUsage;
import dev.xct.core.Toolkit;
import dev.xct.core.context.ChatMessage;
import dev.xct.core.context.DefaultContextRenderer;
import dev.xct.core.loop.ExecutionLoop;
import dev.xct.core.protocol.Decision;
import dev.xct.core.protocol.Result;
import dev.xct.core.tool.Tool;
import dev.xct.core.tool.ToolRegistry;
import dev.xct.core.tool.ToolSpec;
import dev.xct.test.ScriptedModelClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keeps the examples in {@code docs/prompting.md} identical to what the default renderer sends, so
 * the documented prompt never drifts from the real one: the full example, with XCT's own {@code
 * fs.write}, {@code fs.read} and {@code fs.delete} offered and {@code fs-confinement} refusing the
 * first path, and the masking example. On a mismatch the expected section is written to {@code
 * target/<section>.md}.
 */
class PromptingDocTest {
  private static final Path DOC = Path.of("..", "docs", "prompting.md");
  private static final String TASK = "Find out what the service listens on.";
  private static final List<ToolSpec> READ_ONLY =
      List.of(ToolSpec.builder("fs.read").description("Read a file.").readOnly().build());

  @TempDir Path workspace;

  @Test
  void documentedExampleIsExactlyWhatTheDefaultRendererSends() throws IOException {
    ScriptedModelClient model =
        ScriptedModelClient.of(
            "{\"next_step\":{\"tool\":\"fs.write\",\"arguments\":{\"path\":\"/etc/app/config.json\","
                + "\"content\":\"{\\\"port\\\":8080}\"},\"goal\":\"create the config file\"}}",
            "{\"next_step\":{\"tool\":\"fs.write\",\"arguments\":{\"path\":\"config.json\","
                + "\"content\":\"{\\\"port\\\":8080}\"},\"goal\":\"create config.json inside the"
                + " workspace\"}}",
            "{\"done\":true,\"message\":\"Created config.json in the workspace.\"}");
    Toolkit fs = FsTools.forRoot(workspace).toolkit();
    Set<String> offered = Set.of("fs.write", "fs.read", "fs.delete");
    List<Tool> tools = fs.tools().stream().filter(t -> offered.contains(t.spec().name())).toList();
    RunResult run =
        ExecutionLoop.builder(model, ToolRegistry.empty())
            .toolkit(Toolkit.of(tools, fs.validators()))
            .build()
            .run("Create config.json with the port set to 8080.");
    assertThat(run.isDone()).isTrue();

    assertSection("rendered-example", section(model.requests().get(2).messages()));
  }

  /**
   * The masking example: what the default renderer sends with {@code recentSteps(2)} just before
   * and just after a batch is masked.
   */
  @Test
  void documentedMaskingExampleIsExactlyWhatTheDefaultRendererSends() throws IOException {
    DefaultContextRenderer renderer = DefaultContextRenderer.builder().recentSteps(2).build();
    List<Step> steps =
        List.of(
            read(1, "README.md", Result.success(Map.of("text", "# Echo\nSettings: conf/\n"))),
            read(2, "app.yaml", Result.failure("NOT_FOUND", "no such file: app.yaml")),
            read(3, "conf/app.yaml", Result.success(Map.of("text", "port: 8080\n"))),
            read(4, "Main.java", Result.success(Map.of("text", "class Main {}\n"))));

    assertSection(
        "masking-example",
        "\nRequest for step 4, three steps done:\n\n"
            + block(renderer.render(TASK, READ_ONLY, steps.subList(0, 3)))
            + "\nRequest for step 5, four steps done: the batch of steps 1-2 has left the window of"
            + " two,\nso step 1's result is masked; step 2's error stays.\n\n"
            + block(renderer.render(TASK, READ_ONLY, steps)));
  }

  /**
   * Asserts that the doc's section between {@code <!-- name:start -->} and {@code <!-- name:end
   * -->} is {@code expected}; on a mismatch writes the expected text to {@code target/name.md}.
   */
  private static void assertSection(String name, String expected) throws IOException {
    String start = "<!-- " + name + ":start -->";
    String doc = Files.readString(DOC, StandardCharsets.UTF_8);
    String actual =
        doc.substring(
            doc.indexOf(start) + start.length(), doc.indexOf("<!-- " + name + ":end -->"));
    if (!actual.equals(expected)) {
      Files.writeString(Path.of("target", name + ".md"), expected, StandardCharsets.UTF_8);
    }
    assertThat(actual).isEqualTo(expected);
  }

  private static String section(List<ChatMessage> messages) {
    StringBuilder out = new StringBuilder("\n");
    int number = 1;
    for (ChatMessage message : messages) {
      out.append("**")
          .append(number++)
          .append(". ")
          .append(message.role().name().toLowerCase(Locale.ROOT))
          .append("**\n\n````text\n")
          .append(message.content().stripTrailing())
          .append("\n````\n\n");
    }
    return out.toString();
  }

  private static Step read(int number, String path, Result result) {
    String raw = "{\"next_step\":{\"tool\":\"fs.read\",\"arguments\":{\"path\":\"" + path + "\"}}}";
    Step.Header header =
        new Step.Header(number, Instant.EPOCH, raw, Duration.ZERO, TokenUsage.unknown());
    Decision.Proposal proposal =
        Decision.propose("fs.read", JsonValue.from(Map.of("path", path)), "");
    return new Step.Executed(header, proposal, List.of(), result, Duration.ZERO);
  }

  private static String block(List<ChatMessage> messages) {
    List<String> lines = new ArrayList<>();
    int number = 1;
    for (ChatMessage message : messages) {
      String content =
          message.role() == ChatMessage.Role.SYSTEM
              ? "(the protocol and the tool catalog)"
              : message.content();
      lines.add(
          String.format(
              Locale.ROOT,
              "%2d. %-9s %s",
              number++,
              message.role().name().toLowerCase(Locale.ROOT),
              content));
    }
    return "```text\n" + String.join("\n", lines) + "\n```\n";
  }
}
