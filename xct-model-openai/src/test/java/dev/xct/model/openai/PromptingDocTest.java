package dev.xct.model.openai;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xct.core.ModelReply;
import dev.xct.core.ModelRequest;
import dev.xct.core.RunResult;
import dev.xct.core.RunStatus;
import dev.xct.core.context.ChatMessage;
import dev.xct.core.protocol.Result;
import dev.xct.core.tool.Tool;
import dev.xct.core.tool.ToolCall;
import dev.xct.core.tool.ToolContext;
import dev.xct.core.tool.ToolSpec;
import dev.xct.model.support.testing.SafeFileCreation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keeps the full example in {@code docs/prompting.md} identical to what the default renderer
 * produces for the safe-file-creation scenario, so the documented prompt never drifts from the real
 * one. On a mismatch the expected section is written to {@code target/prompting-example.md}.
 */
class PromptingDocTest {
  private static final Path DOC = Path.of("..", "docs", "prompting.md");
  private static final String START = "<!-- rendered-example:start -->";
  private static final String END = "<!-- rendered-example:end -->";

  @TempDir Path workspace;

  @Test
  void documentedExampleIsExactlyWhatTheDefaultRendererSends() throws IOException {
    List<ModelRequest> requests = new ArrayList<>();
    List<String> replies =
        List.of(
            "{\"next_step\":{\"tool\":\"fs.write\",\"arguments\":{\"path\":\"/etc/app/config.json\","
                + "\"content\":\"{\\\"port\\\":8080}\"},\"goal\":\"create the config file\"}}",
            "{\"next_step\":{\"tool\":\"fs.write\",\"arguments\":{\"path\":\"config.json\","
                + "\"content\":\"{\\\"port\\\":8080}\"},\"goal\":\"create config.json inside the"
                + " workspace\"}}",
            "{\"done\":true,\"message\":\"Created config.json in the workspace.\"}");
    RunResult run =
        SafeFileCreation.loop(
                request -> {
                  requests.add(request);
                  return ModelReply.of(replies.get(requests.size() - 1));
                },
                workspace,
                List.of(
                    tool(
                        ToolSpec.builder("fs.read")
                            .description("Read a text file in the workspace.")
                            .readOnly()
                            .inputSchema(
                                "{\"type\":\"object\",\"properties\":{\"path\":{\"type\":\"string\"}},"
                                    + "\"required\":[\"path\"],\"additionalProperties\":false}")
                            .build()),
                    tool(
                        ToolSpec.builder("fs.delete")
                            .description("Delete a file in the workspace.")
                            .destructive()
                            .inputSchema(
                                "{\"type\":\"object\",\"properties\":{\"path\":{\"type\":\"string\"}},"
                                    + "\"required\":[\"path\"],\"additionalProperties\":false}")
                            .build())))
            .run(SafeFileCreation.TASK);
    assertThat(run.status()).isEqualTo(RunStatus.DONE);

    String expected = section(requests.get(2).messages());
    String doc = Files.readString(DOC, StandardCharsets.UTF_8);
    String actual = doc.substring(doc.indexOf(START) + START.length(), doc.indexOf(END));
    if (!actual.equals(expected)) {
      Files.writeString(
          Path.of("target", "prompting-example.md"), expected, StandardCharsets.UTF_8);
    }
    assertThat(actual).isEqualTo(expected);
  }

  private static Tool tool(ToolSpec spec) {
    return new Tool() {
      @Override
      public ToolSpec spec() {
        return spec;
      }

      @Override
      public Result execute(ToolCall call, ToolContext context) {
        return Result.failure("NOT_IN_THIS_EXAMPLE", "unused");
      }
    };
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
