package dev.xct.model.langchain4j;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.xct.core.RunResult;
import dev.xct.core.RunStatus;
import dev.xct.core.TokenUsage;
import dev.xct.core.protocol.Result;
import dev.xct.model.support.testing.LoopbackServer;
import dev.xct.model.support.testing.RateLimited;
import dev.xct.model.support.testing.SafeFileCreation;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The seed's safe-file-creation scenario through LangChain4j, a loopback server as provider. */
class LangChain4jLoopTest {
  @TempDir Path workspace;
  private final LoopbackServer server = LoopbackServer.start();

  @AfterEach
  void stop() {
    server.close();
  }

  private OpenAiChatModel chatModel() {
    return OpenAiChatModel.builder()
        .baseUrl(server.baseUrl())
        .apiKey("sk-test")
        .modelName("gpt-4o-mini")
        .maxRetries(0)
        .build();
  }

  @Test
  void safeFileCreationCompletesThroughLangChain4j() throws Exception {
    SafeFileCreation.OPENAI_REPLIES.forEach(server::enqueueFixtures);
    RunResult run =
        SafeFileCreation.loop(LangChain4jModelClient.of(chatModel()), workspace)
            .run(SafeFileCreation.TASK);

    assertThat(run.status()).isEqualTo(RunStatus.DONE);
    assertThat(Files.readString(workspace.resolve("config.json"))).isEqualTo("{\"port\":8080}");
    assertThat(((Result.Failure) run.steps().get(0).result().orElseThrow()).code())
        .isEqualTo(SafeFileCreation.PATH_NOT_ALLOWED);
    assertThat(run.executions()).isEqualTo(1);
    assertThat(run.usage()).isEqualTo(new TokenUsage(812 + 907 + 998, 41 + 38 + 17));
    assertThat(server.requests()).hasSize(3);
    assertThat(server.requests().get(1).body()).contains("PATH_NOT_ALLOWED");
  }

  @Test
  void aRateLimitEndsTheRunWithItsStatusForTheCaller() {
    server.enqueue(RateLimited.reply());
    RunResult run =
        SafeFileCreation.loop(LangChain4jModelClient.of(chatModel()), workspace)
            .run(SafeFileCreation.TASK);

    // LangChain4j's HttpException carries the status, not the response's headers.
    assertThat(RateLimited.failureOf(run).retryAfter()).isEmpty();
    assertThat(server.requests()).hasSize(1);
  }
}
