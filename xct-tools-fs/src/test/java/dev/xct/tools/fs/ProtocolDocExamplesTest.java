package dev.xct.tools.fs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xct.core.RunResult;
import dev.xct.core.context.ChatMessage;
import dev.xct.core.loop.ExecutionLoop;
import dev.xct.core.tool.ToolRegistry;
import dev.xct.test.ScriptedModelClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The responses {@code docs/protocol.md} shows are what the model really reads after XCT's own
 * {@code fs.write} succeeds, after {@code fs-confinement} refuses a path, and after {@code
 * fs.write} finds the file already there: the same members, in the same order, with the same
 * values.
 */
class ProtocolDocExamplesTest {
  private static final Path DOC = Path.of("..", "docs", "protocol.md");
  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** The model's messages of the last request: one labelled response per step. */
  private static List<String> responses;

  @BeforeAll
  static void runTheScenario(@TempDir Path workspace) {
    ScriptedModelClient model =
        ScriptedModelClient.of(
            "{\"next_step\":{\"tool\":\"fs.write\",\"arguments\":{\"path\":\"config.json\","
                + "\"content\":\"{}\"},\"goal\":\"create the config\"}}",
            "{\"next_step\":{\"tool\":\"fs.read\",\"arguments\":{\"path\":\"../etc/passwd\"},"
                + "\"goal\":\"look around\"}}",
            "{\"next_step\":{\"tool\":\"fs.write\",\"arguments\":{\"path\":\"config.json\","
                + "\"content\":\"{}\"},\"goal\":\"create it again\"}}",
            "{\"done\":true,\"message\":\"config.json created\"}");
    RunResult run =
        ExecutionLoop.builder(model, ToolRegistry.empty())
            .toolkit(FsTools.forRoot(workspace).toolkit())
            .build()
            .run("create config.json");
    assertThat(run.isDone()).isTrue();
    List<ChatMessage> messages = model.requests().get(3).messages();
    responses =
        messages.stream()
            .filter(m -> m.role() == ChatMessage.Role.USER)
            .map(ChatMessage::content)
            .filter(text -> text.startsWith("{\"step\""))
            .toList();
    assertThat(responses).hasSize(3);
  }

  /** Returns the JSON example that follows {@code anchor} in the page, as one compact line. */
  private static String example(String anchor) throws IOException {
    String doc = Files.readString(DOC, StandardCharsets.UTF_8);
    int at = doc.indexOf(anchor);
    assertThat(at).as("the page says '%s'", anchor).isNotNegative();
    int start = doc.indexOf("```json\n", at) + "```json\n".length();
    String block = doc.substring(start, doc.indexOf("```", start)).strip();
    return JSON.writeValueAsString(JSON.readTree(block));
  }

  private static String response(int step) {
    return JSON.writeValueAsString(JSON.readTree(responses.get(step)).get("response"));
  }

  @Test
  void theSuccessExampleIsWhatFsWriteReturns() throws IOException {
    assertThat(example("On success, here")).isEqualTo(response(0));
  }

  @Test
  void theErrorExampleIsWhatFsConfinementReturns() throws IOException {
    assertThat(example("On any error, here")).isEqualTo(response(1));
  }

  @Test
  void theLabelledExampleIsWhatTheModelReadsInItsContext() throws IOException {
    JsonNode labelled = JSON.readTree(responses.get(2));
    assertThat(example("each response is labelled")).isEqualTo(JSON.writeValueAsString(labelled));
  }
}
