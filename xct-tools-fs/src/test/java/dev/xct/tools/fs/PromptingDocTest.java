package dev.xct.tools.fs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xct.core.RunResult;
import dev.xct.core.Toolkit;
import dev.xct.core.context.ChatMessage;
import dev.xct.core.loop.ExecutionLoop;
import dev.xct.core.tool.Tool;
import dev.xct.core.tool.ToolRegistry;
import dev.xct.test.ScriptedModelClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keeps the full example in {@code docs/prompting.md} identical to what the default renderer sends
 * when XCT's own {@code fs.write}, {@code fs.read} and {@code fs.delete} are offered and {@code
 * fs-confinement} refuses the first path, so the documented prompt never drifts from the real one.
 * On a mismatch the expected section is written to {@code target/prompting-example.md}.
 */
class PromptingDocTest {
  private static final Path DOC = Path.of("..", "docs", "prompting.md");
  private static final String START = "<!-- rendered-example:start -->";
  private static final String END = "<!-- rendered-example:end -->";

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

    String expected = section(model.requests().get(2).messages());
    String doc = Files.readString(DOC, StandardCharsets.UTF_8);
    String actual = doc.substring(doc.indexOf(START) + START.length(), doc.indexOf(END));
    if (!actual.equals(expected)) {
      Files.writeString(
          Path.of("target", "prompting-example.md"), expected, StandardCharsets.UTF_8);
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
}
