package dev.xct.model.springai;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xct.core.RunResult;
import dev.xct.core.RunStatus;
import dev.xct.core.TokenUsage;
import dev.xct.core.protocol.Result;
import dev.xct.model.support.testing.LoopbackServer;
import dev.xct.model.support.testing.RateLimited;
import dev.xct.model.support.testing.SafeFileCreation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.openai.OpenAiChatModel;
import org.springframework.ai.openai.OpenAiChatOptions;

/** The seed's safe-file-creation scenario through Spring AI, a loopback server as provider. */
class SpringAiLoopTest {
  private static final List<String> STRICT_REPLIES =
      List.of(
          "openai/strict-proposal-outside-root.json",
          "openai/strict-proposal.json",
          "openai/strict-done.json");

  @TempDir Path workspace;
  private final LoopbackServer server = LoopbackServer.start();

  @AfterEach
  void stop() {
    server.close();
  }

  private OpenAiChatModel chatModel() {
    return OpenAiChatModel.builder()
        .options(
            OpenAiChatOptions.builder()
                .baseUrl(server.baseUrl())
                .apiKey("sk-test")
                .model("gpt-4o-mini")
                .maxRetries(0)
                .timeout(Duration.ofSeconds(30))
                .build())
        .build();
  }

  private void assertSafeFileCreation(RunResult run) throws Exception {
    assertThat(run.status()).isEqualTo(RunStatus.DONE);
    assertThat(Files.readString(workspace.resolve("config.json"))).isEqualTo("{\"port\":8080}");
    assertThat(((Result.Failure) run.steps().get(0).result().orElseThrow()).code())
        .isEqualTo(SafeFileCreation.PATH_NOT_ALLOWED);
    assertThat(run.executions()).isEqualTo(1);
    assertThat(run.usage()).isEqualTo(new TokenUsage(1107 + 1203 + 1290, 42 + 44 + 19));
    assertThat(server.requests()).hasSize(3);
    assertThat(server.requests())
        .allSatisfy(r -> assertThat(r.json().has("response_format")).isTrue());
    assertThat(server.requests().get(1).body()).contains("PATH_NOT_ALLOWED");
  }

  @Test
  void safeFileCreationCompletesThroughAChatModel() throws Exception {
    STRICT_REPLIES.forEach(server::enqueueFixtures);

    RunResult run =
        SafeFileCreation.loop(SpringAiModelClient.of(chatModel()), workspace)
            .run(SafeFileCreation.TASK);

    assertSafeFileCreation(run);
  }

  @Test
  void safeFileCreationCompletesThroughAChatClient() throws Exception {
    STRICT_REPLIES.forEach(server::enqueueFixtures);
    ChatClient client = ChatClient.create(chatModel());

    RunResult run =
        SafeFileCreation.loop(SpringAiModelClient.of(client, OpenAiChatOptions::builder), workspace)
            .run(SafeFileCreation.TASK);

    assertSafeFileCreation(run);
  }

  @Test
  void aRateLimitEndsTheRunWithItsStatusForTheCaller() {
    server.enqueue(RateLimited.reply());

    RunResult run =
        SafeFileCreation.loop(SpringAiModelClient.of(chatModel()), workspace)
            .run(SafeFileCreation.TASK);

    // Spring AI has no provider-neutral exception with the response's headers.
    assertThat(RateLimited.failureOf(run).retryAfter()).isEmpty();
    assertThat(server.requests()).hasSize(1);
  }
}
