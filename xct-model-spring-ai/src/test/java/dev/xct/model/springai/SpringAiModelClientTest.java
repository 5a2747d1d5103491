package dev.xct.model.springai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.xct.core.CancellationToken;
import dev.xct.core.ModelReply;
import dev.xct.core.ModelRequest;
import dev.xct.core.TokenUsage;
import dev.xct.core.protocol.Decision;
import dev.xct.core.protocol.DecodeResult;
import dev.xct.core.protocol.ErrorCodes;
import dev.xct.core.protocol.ProtocolCodec;
import dev.xct.model.support.ModelTransportException;
import dev.xct.model.support.ModelTransportException.Kind;
import dev.xct.model.support.ProposalSchema;
import dev.xct.model.support.testing.CachedUsageFixtures;
import dev.xct.model.support.testing.LoopbackServer;
import dev.xct.model.support.testing.LoopbackServer.Reply;
import dev.xct.model.support.testing.SafeFileCreation;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.openai.OpenAiChatModel;
import org.springframework.ai.openai.OpenAiChatOptions;
import tools.jackson.databind.JsonNode;

/** Spring AI's OpenAI chat model against recorded responses served on loopback. */
class SpringAiModelClientTest {
  private final LoopbackServer server = LoopbackServer.start();

  @AfterEach
  void stop() {
    server.close();
  }

  private OpenAiChatModel openAi(Duration timeout) {
    return OpenAiChatModel.builder()
        .options(
            OpenAiChatOptions.builder()
                .baseUrl(server.baseUrl())
                .apiKey("sk-test-spring")
                .model("gpt-4o-mini")
                .maxRetries(0)
                .timeout(timeout)
                .build())
        .build();
  }

  private OpenAiChatModel openAi() {
    return openAi(Duration.ofSeconds(30));
  }

  private ModelReply ask(SpringAiModelClient client, String fixture) {
    server.enqueueFixtures(fixture);
    return client.next(SafeFileCreation.request());
  }

  /** Decodes as the loop does: a rejected reply's fault, otherwise the codec's verdict. */
  private static DecodeResult decode(ModelReply reply) {
    return reply
        .fault()
        .<DecodeResult>map(DecodeResult.Invalid::new)
        .orElseGet(() -> ProtocolCodec.strict().decode(reply.text()));
  }

  private static String code(ModelReply reply) {
    return ((DecodeResult.Invalid) decode(reply)).failure().code();
  }

  @Test
  void chatModelGetsTheStrictProposalSchemaAndTheRenderedMessages() {
    ask(SpringAiModelClient.of(openAi()), "openai/strict-proposal.json");

    JsonNode body = server.onlyRequest().json();
    JsonNode format = body.get("response_format");
    assertThat(format.get("type").stringValue()).isEqualTo("json_schema");
    JsonNode expected =
        ProposalSchema.of(SafeFileCreation.request().tools()).strictSchema().orElseThrow().toNode();
    assertThat(format.at("/json_schema/schema")).isEqualTo(expected);
    assertThat(body.get("model").stringValue()).isEqualTo("gpt-4o-mini");
    assertThat(body.get("messages")).hasSize(2);
    assertThat(body.at("/messages/0/role").stringValue()).isEqualTo("system");
    assertThat(body.at("/messages/1/content").stringValue())
        .isEqualTo("Task: " + SafeFileCreation.TASK);
    assertThat(server.onlyRequest().header("Authorization")).isEqualTo("Bearer sk-test-spring");
  }

  @Test
  void chatClientGetsTheSchemaThroughTheModelsOwnOptionsType() {
    ModelReply reply =
        ask(
            SpringAiModelClient.of(ChatClient.create(openAi()), OpenAiChatOptions::builder),
            "openai/strict-proposal.json");

    JsonNode body = server.onlyRequest().json();
    assertThat(body.at("/response_format/json_schema/schema"))
        .isEqualTo(
            ProposalSchema.of(SafeFileCreation.request().tools())
                .strictSchema()
                .orElseThrow()
                .toNode());
    assertThat(body.get("model").stringValue()).isEqualTo("gpt-4o-mini");
    assertThat(decode(reply)).isInstanceOf(DecodeResult.Valid.class);
  }

  @Test
  void chatClientWithoutAnOptionsTypeSendsThePromptAlone() {
    ModelReply reply =
        ask(SpringAiModelClient.of(ChatClient.create(openAi())), "openai/proposal.json");

    assertThat(server.onlyRequest().json().has("response_format")).isFalse();
    assertThat(decode(reply)).isInstanceOf(DecodeResult.Valid.class);
  }

  @Test
  void noSchemaIsSentWhenToldNotTo() {
    ask(SpringAiModelClient.of(openAi(), StructuredOutput.NONE), "openai/proposal.json");

    assertThat(server.onlyRequest().json().has("response_format")).isFalse();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.xct.model.support.testing.CachedUsageFixtures#promptTokensDetails")
  void openAisChatModelReportsTheCachedTokensOfPromptTokensDetails(
      String fixture, TokenUsage usage) {
    assertThat(ask(SpringAiModelClient.of(openAi()), fixture).usage()).isEqualTo(usage);
  }

  @Test
  void deepSeeksOwnCacheCountIsNotInSpringAisOpenAiUsage() {
    // Spring AI's OpenAI module reads prompt_tokens_details only, not prompt_cache_hit_tokens.
    ModelReply reply = ask(SpringAiModelClient.of(openAi()), CachedUsageFixtures.DEEPSEEK);

    TokenUsage deepSeek = CachedUsageFixtures.DEEPSEEK_USAGE;
    assertThat(reply.usage())
        .isEqualTo(new TokenUsage(deepSeek.promptTokens(), deepSeek.completionTokens()));
  }

  @Test
  void strictReplyIsUnwrappedIntoAProposalWithUsage() {
    ModelReply reply = ask(SpringAiModelClient.of(openAi()), "openai/strict-proposal.json");

    Decision.Proposal proposal =
        (Decision.Proposal) ((DecodeResult.Valid) decode(reply)).decision();
    assertThat(proposal.tool()).isEqualTo("fs.write");
    assertThat(reply.usage()).isEqualTo(new TokenUsage(1203, 44));
  }

  @Test
  void doneAndPlainRepliesPassThrough() {
    SpringAiModelClient client = SpringAiModelClient.of(openAi(), StructuredOutput.NONE);

    assertThat(((DecodeResult.Valid) decode(ask(client, "openai/done.json"))).decision())
        .isEqualTo(Decision.done("Created config.json in the workspace."));
    assertThat(code(ask(client, "openai/invalid-json.json"))).isEqualTo(ErrorCodes.INVALID_JSON);
    assertThat(ask(client, "openai/code-fence.json").text()).startsWith("```json");
  }

  @Test
  void refusalIsTheFaultModelRefused() {
    ModelReply reply = ask(SpringAiModelClient.of(openAi()), "openai/refusal.json");

    assertThat(reply.text()).contains("I'm sorry, but I can't assist with that request.");
    assertThat(code(reply)).isEqualTo(ErrorCodes.MODEL_REFUSED);
  }

  @Test
  void truncatedReplyIsTheFaultOutputTruncated() {
    ModelReply reply =
        ask(SpringAiModelClient.of(openAi(), StructuredOutput.NONE), "openai/truncated.json");

    assertThat(code(reply)).isEqualTo(ErrorCodes.OUTPUT_TRUNCATED);
    assertThat(reply.usage()).isEqualTo(new TokenUsage(812, 64));
  }

  @Test
  void toolCallsTheModelMakesAnywayAreMappedAndNeverExecutedBySpringAi() {
    SpringAiModelClient client = SpringAiModelClient.of(openAi());

    assertThat(decode(ask(client, "openai/tool-call.json"))).isInstanceOf(DecodeResult.Valid.class);
    assertThat(code(ask(client, "openai/two-tool-calls.json")))
        .isEqualTo(ErrorCodes.MULTIPLE_ACTIONS);
    assertThat(server.requests()).hasSize(2);
  }

  @Test
  void rateLimitAndServerErrorsAreTransportFailures() {
    server.enqueue(Reply.error(429, "openai/error-429.json", Map.of("Retry-After", "20")));
    server.enqueue(Reply.error(500, "openai/error-500.json", Map.of()));
    SpringAiModelClient client = SpringAiModelClient.of(openAi());

    ModelTransportException limited = failure(client);
    ModelTransportException broken = failure(client);

    assertThat(limited.kind()).isEqualTo(Kind.HTTP_STATUS);
    assertThat(limited.status()).hasValue(429);
    assertThat(limited.getCause()).isNotNull();
    assertThat(limited.getMessage()).contains("Rate limit reached");
    assertThat(broken.status()).hasValue(500);
    assertThat(broken.getMessage()).contains("The server had an error");
    assertThat(server.requests()).hasSize(2);
  }

  @Test
  void aProviderAnswering2xxWithoutChoicesFailsTheCallAsTheOpenAiAdapterDoes() {
    server.enqueue(
        Reply.body(
            "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"created\":1,"
                + "\"model\":\"gpt-4o-mini\",\"choices\":[]}"));

    assertThat(failure(SpringAiModelClient.of(openAi())).kind()).isEqualTo(Kind.INVALID_RESPONSE);
  }

  @Test
  void slowResponseIsATimeout() {
    server.enqueue(Reply.stall());

    assertThat(failure(SpringAiModelClient.of(openAi(Duration.ofMillis(300)))).kind())
        .isEqualTo(Kind.TIMEOUT);
  }

  @Test
  void droppedConnectionIsAConnectionFailure() {
    server.enqueue(Reply.drop());

    assertThat(failure(SpringAiModelClient.of(openAi())).kind()).isEqualTo(Kind.CONNECTION);
  }

  private static ModelTransportException failure(SpringAiModelClient client) {
    return catchThrowableOfType(
        ModelTransportException.class, () -> client.next(SafeFileCreation.request()));
  }

  // Issue 14, item 7: the request's cancellation and deadline reach the adapter.

  @Test
  void aRequestCancelledOrOutOfTimeIsNeverSentToTheModel() {
    CancellationToken cancelled = CancellationToken.create();
    cancelled.cancel();
    SpringAiModelClient client = SpringAiModelClient.of(openAi());

    assertThat(failure(client, SafeFileCreation.request(Instant.MAX, cancelled)).kind())
        .isEqualTo(Kind.CANCELLED);
    assertThat(
            failure(
                    client,
                    SafeFileCreation.request(
                        Instant.now().minusSeconds(1), CancellationToken.create()))
                .kind())
        .isEqualTo(Kind.TIMEOUT);
    assertThat(server.requests()).isEmpty();
  }

  @Test
  void aCallAbandonedByTheLoopFailsAsCancelledNotAsATransportFault() throws Exception {
    server.enqueue(Reply.trickle());
    CancellationToken token = CancellationToken.create();
    SpringAiModelClient client = SpringAiModelClient.of(openAi(Duration.ofSeconds(3)));
    FutureTask<ModelTransportException> call =
        new FutureTask<>(() -> failure(client, SafeFileCreation.request(Instant.MAX, token)));
    Thread caller = new Thread(call);
    caller.start();
    server.awaitRequests(1);

    // What the loop does when it abandons a call: cancel the request, interrupt the thread.
    token.cancel();
    caller.interrupt();

    assertThat(call.get(20, TimeUnit.SECONDS).kind()).isEqualTo(Kind.CANCELLED);
  }

  private static ModelTransportException failure(SpringAiModelClient client, ModelRequest request) {
    return catchThrowableOfType(ModelTransportException.class, () -> client.next(request));
  }
}
