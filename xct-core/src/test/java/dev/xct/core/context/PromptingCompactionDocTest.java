package dev.xct.core.context;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xct.core.JsonValue;
import dev.xct.core.Step;
import dev.xct.core.TokenUsage;
import dev.xct.core.protocol.Decision;
import dev.xct.core.protocol.Result;
import dev.xct.core.tool.ToolSpec;
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
import org.junit.jupiter.api.Test;

/**
 * Keeps the masking example in {@code docs/prompting.md} identical to what the default renderer
 * sends (with {@code recentSteps(2)}) just before and just after a batch is masked. On a mismatch
 * the expected section is written to {@code target/prompting-compaction-example.md}.
 */
class PromptingCompactionDocTest {
  private static final Path DOC = Path.of("..", "docs", "prompting.md");
  private static final String START = "<!-- masking-example:start -->";
  private static final String END = "<!-- masking-example:end -->";
  private static final String TASK = "Find out what the service listens on.";
  private static final List<ToolSpec> TOOLS =
      List.of(ToolSpec.builder("fs.read").description("Read a file.").readOnly().build());

  @Test
  void documentedMaskingExampleIsExactlyWhatTheDefaultRendererSends() throws IOException {
    DefaultContextRenderer renderer = DefaultContextRenderer.builder().recentSteps(2).build();
    List<Step> steps =
        List.of(
            read(1, "README.md", Result.success(Map.of("text", "# Echo\nSettings: conf/\n"))),
            read(2, "app.yaml", Result.failure("NOT_FOUND", "no such file: app.yaml")),
            read(3, "conf/app.yaml", Result.success(Map.of("text", "port: 8080\n"))),
            read(4, "Main.java", Result.success(Map.of("text", "class Main {}\n"))));

    String expected =
        "\nRequest for step 4, three steps done:\n\n"
            + block(renderer.render(TASK, TOOLS, steps.subList(0, 3)))
            + "\nRequest for step 5, four steps done: the batch of steps 1-2 has left the window of"
            + " two,\nso step 1's result is masked; step 2's error stays.\n\n"
            + block(renderer.render(TASK, TOOLS, steps));

    String doc = Files.readString(DOC, StandardCharsets.UTF_8);
    String actual = doc.substring(doc.indexOf(START) + START.length(), doc.indexOf(END));
    if (!actual.equals(expected)) {
      Files.writeString(
          Path.of("target", "prompting-compaction-example.md"), expected, StandardCharsets.UTF_8);
    }
    assertThat(actual).isEqualTo(expected);
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
