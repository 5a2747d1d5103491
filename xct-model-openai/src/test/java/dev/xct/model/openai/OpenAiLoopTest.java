package dev.xct.model.openai;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xct.core.ModelFailure;
import dev.xct.core.RunResult;
import dev.xct.core.RunStatus;
import dev.xct.core.Step;
import dev.xct.core.TokenUsage;
import dev.xct.core.context.ChatMessage;
import dev.xct.core.event.JsonLinesEventWriter;
import dev.xct.core.loop.ExecutionLoop;
import dev.xct.core.protocol.Result;
import dev.xct.core.tool.ToolRegistry;
import dev.xct.model.support.ModelTransportException;
import dev.xct.model.support.testing.LoopbackServer;
import dev.xct.model.support.testing.RateLimited;
import dev.xct.model.support.testing.SafeFileCreation;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The seed's safe-file-creation scenario, end to end through the loop and the HTTP client. */
class OpenAiLoopTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @TempDir Path workspace;
  private final LoopbackServer server = LoopbackServer.start();

  @AfterEach
  void stop() {
    server.close();
  }

  static Stream<Arguments> modes() {
    return Stream.of(
        Arguments.of(
            OutputMode.JSON_SCHEMA,
            List.of(
                "openai/strict-proposal-outside-root.json",
                "openai/strict-proposal.json",
                "openai/strict-done.json")),
        Arguments.of(OutputMode.JSON_OBJECT, SafeFileCreation.OPENAI_REPLIES),
        Arguments.of(
            OutputMode.TOOL_CALLS,
            List.of(
                "openai/tool-call-outside-root.json",
                "openai/tool-call.json",
                "openai/tool-call-done.json")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("modes")
  void modelCorrectsItsPathAfterTheRefusalAndOnlyTheSafeWriteHappens(
      OutputMode mode, List<String> fixtures) throws Exception {
    fixtures.forEach(server::enqueueFixtures);
    OpenAiModelClient model =
        OpenAiModelClient.builder()
            .baseUrl(server.baseUrl())
            .model("gpt-4o-mini")
            .apiKey("sk-test")
            .outputMode(mode)
            .build();

    RunResult run = SafeFileCreation.loop(model, workspace).run(SafeFileCreation.TASK);

    assertThat(run.status()).isEqualTo(RunStatus.DONE);
    assertThat(run.message()).isEqualTo("Created config.json in the workspace.");
    assertThat(Files.readString(workspace.resolve("config.json"))).isEqualTo("{\"port\":8080}");
    try (Stream<Path> files = Files.list(workspace)) {
      assertThat(files).hasSize(1);
    }
    Step refused = run.steps().get(0);
    assertThat(refused.executed()).isFalse();
    assertThat(((Result.Failure) refused.result().orElseThrow()).code())
        .isEqualTo(SafeFileCreation.PATH_NOT_ALLOWED);
    assertThat(run.steps().get(1).executed()).isTrue();
    assertThat(run.executions()).isEqualTo(1);

    List<LoopbackServer.Recorded> requests = server.requests();
    assertThat(requests).hasSize(3);
    JsonNode second = requests.get(1).json().get("messages");
    assertThat(second.get(second.size() - 1).get("content").stringValue())
        .contains("\"step\":1", "PATH_NOT_ALLOWED", "path not allowed: /etc/app/config.json");
    assertThat(requests.get(2).json().get("messages")).hasSize(6);
    assertThat(requests.get(2).json().get("messages").get(4).get("role").stringValue())
        .isEqualTo(ChatMessage.Role.ASSISTANT.name().toLowerCase(java.util.Locale.ROOT));

    TokenUsage expected = TokenUsage.unknown();
    for (String fixture : fixtures) {
      JsonNode usage = JSON.readTree(LoopbackServer.fixture(fixture)).get("usage");
      expected =
          expected.plus(
              new TokenUsage(
                  usage.get("prompt_tokens").asLong(), usage.get("completion_tokens").asLong()));
    }
    assertThat(run.usage()).isEqualTo(expected);
    assertThat(run.steps()).extracting(Step::usage).doesNotContain(TokenUsage.unknown());
  }

  @Test
  void theRunReportsThePromptTokensTheServerServedFromItsCache() {
    server.enqueueFixtures(
        "openai/proposal-outside-root.json", "openai/cached-proposal.json", "openai/done.json");
    OpenAiModelClient model =
        OpenAiModelClient.builder()
            .baseUrl(server.baseUrl())
            .model("gpt-4o-mini")
            .apiKey("sk-test")
            .outputMode(OutputMode.JSON_OBJECT)
            .build();

    RunResult run = SafeFileCreation.loop(model, workspace).run(SafeFileCreation.TASK);

    assertThat(run.status()).isEqualTo(RunStatus.DONE);
    assertThat(run.steps().get(1).usage()).isEqualTo(new TokenUsage(2_418, 41, 2_304));
    assertThat(run.usage().cachedPromptTokens()).isEqualTo(2_304);
    assertThat(run.usage().uncachedPromptTokens()).isEqualTo(run.usage().promptTokens() - 2_304);
  }

  @Test
  void refusalIsShownToTheModelWhichThenGivesUp() {
    server.enqueueFixtures("openai/refusal.json", "openai/done.json");
    OpenAiModelClient model =
        OpenAiModelClient.builder().baseUrl(server.baseUrl()).model("m").noApiKey().build();

    RunResult run = SafeFileCreation.loop(model, workspace).run(SafeFileCreation.TASK);

    assertThat(run.status()).isEqualTo(RunStatus.DONE);
    JsonNode messages = server.requests().get(1).json().get("messages");
    assertThat(messages.get(2).get("content").stringValue())
        .isEqualTo("I'm sorry, but I can't assist with that request.");
    assertThat(messages.get(3).get("content").stringValue()).contains("MODEL_REFUSED");
  }

  @Test
  void aRateLimitEndsTheRunWithItsStatusAndRetryAfterForTheCallerAndInTheRecord() {
    server.enqueue(RateLimited.reply());
    OpenAiModelClient model =
        OpenAiModelClient.builder()
            .baseUrl(server.baseUrl())
            .model("m")
            .apiKey("sk-test-0123456789abcdef1234")
            .build();
    StringWriter lines = new StringWriter();

    RunResult run =
        ExecutionLoop.builder(model, ToolRegistry.of(SafeFileCreation.fsWrite(workspace)))
            .listener(JsonLinesEventWriter.to(lines))
            .build()
            .run(SafeFileCreation.TASK);

    ModelFailure failure = RateLimited.failureOf(run);
    assertThat(failure.retryAfter()).contains(Duration.ofSeconds(20));
    assertThat(failure.message()).contains("answered HTTP 429");
    assertThat(failure.cause().orElseThrow())
        .isInstanceOfSatisfying(
            ModelTransportException.class,
            e -> assertThat(e.kind()).isEqualTo(ModelTransportException.Kind.HTTP_STATUS));
    String ended = lines.toString().lines().reduce((first, last) -> last).orElseThrow();
    JsonNode recorded = JSON.readTree(ended).get("failure");
    assertThat(recorded.get("type").stringValue())
        .isEqualTo(ModelTransportException.class.getName());
    assertThat(recorded.get("status").intValue()).isEqualTo(429);
    assertThat(recorded.get("retry_after_us").longValue()).isEqualTo(20_000_000L);
    assertThat(ended).doesNotContain("sk-test-0123456789abcdef1234");
    assertThat(server.requests()).hasSize(1);
  }

  @Test
  void transportFailureEndsTheRunAsModelFailed() {
    server.enqueueFixtures("openai/proposal.json");
    server.enqueue(LoopbackServer.Reply.error(500, "openai/error-500.json", java.util.Map.of()));
    OpenAiModelClient model =
        OpenAiModelClient.builder()
            .baseUrl(server.baseUrl())
            .model("m")
            .noApiKey()
            .outputMode(OutputMode.JSON_OBJECT)
            .build();

    RunResult run = SafeFileCreation.loop(model, workspace).run(SafeFileCreation.TASK);

    assertThat(run.status()).isEqualTo(RunStatus.MODEL_FAILED);
    assertThat(run.message()).contains("HTTP 500", "The server had an error");
    assertThat(run.steps()).hasSize(1);
  }
}
