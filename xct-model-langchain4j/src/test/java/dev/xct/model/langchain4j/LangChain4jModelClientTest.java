package dev.xct.model.langchain4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.openai.OpenAiChatModel;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** LangChain4j's OpenAI chat model against recorded responses served on loopback. */
class LangChain4jModelClientTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String NO_CHOICES =
      "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"created\":1,"
          + "\"model\":\"gpt-4o-mini\",\"choices\":[]}";

  private final LoopbackServer server = LoopbackServer.start();

  @AfterEach
  void stop() {
    server.close();
  }

  private OpenAiChatModel.OpenAiChatModelBuilder openAi() {
    return OpenAiChatModel.builder()
        .baseUrl(server.baseUrl())
        .apiKey("sk-test-langchain4j")
        .modelName("gpt-4o-mini")
        .maxRetries(0)
        .timeout(Duration.ofSeconds(30));
  }

  private LangChain4jModelClient schemaClient() {
    return LangChain4jModelClient.of(
        openAi()
            .supportedCapabilities(Capability.RESPONSE_FORMAT_JSON_SCHEMA)
            .strictJsonSchema(true)
            .build());
  }

  private ModelReply ask(LangChain4jModelClient client, String fixture) {
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
  void modelWithJsonSchemaSupportGetsTheStrictProposalSchemaAndTheRenderedMessages() {
    ask(schemaClient(), "openai/strict-proposal.json");

    JsonNode body = server.onlyRequest().json();
    JsonNode format = body.get("response_format");
    assertThat(format.get("type").stringValue()).isEqualTo("json_schema");
    assertThat(format.at("/json_schema/name").stringValue()).isEqualTo("xct_decision");
    assertThat(format.at("/json_schema/strict").booleanValue()).isTrue();
    JsonNode expected =
        ProposalSchema.of(SafeFileCreation.request().tools()).strictSchema().orElseThrow().toNode();
    assertThat(format.at("/json_schema/schema")).isEqualTo(expected);
    assertThat(body.get("messages")).hasSize(2);
    assertThat(body.at("/messages/0/role").stringValue()).isEqualTo("system");
    assertThat(body.at("/messages/0/content").stringValue())
        .isEqualTo(SafeFileCreation.request().messages().get(0).content());
    assertThat(body.at("/messages/1/content").stringValue())
        .isEqualTo("Task: " + SafeFileCreation.TASK);
    assertThat(server.onlyRequest().header("Authorization"))
        .isEqualTo("Bearer sk-test-langchain4j");
  }

  @Test
  void modelWithoutJsonSchemaSupportGetsNoResponseFormatUnlessJsonIsAskedFor() {
    ask(LangChain4jModelClient.of(openAi().build()), "openai/proposal.json");
    ask(LangChain4jModelClient.of(openAi().build(), StructuredOutput.JSON), "openai/proposal.json");

    assertThat(server.requests().get(0).json().has("response_format")).isFalse();
    assertThat(server.requests().get(1).json().at("/response_format/type").stringValue())
        .isEqualTo("json_object");
  }

  @Test
  void strictReplyIsUnwrappedIntoAProposalWithUsage() {
    ModelReply reply = ask(schemaClient(), "openai/strict-proposal.json");

    Decision.Proposal proposal =
        (Decision.Proposal) ((DecodeResult.Valid) decode(reply)).decision();
    assertThat(proposal.tool()).isEqualTo("fs.write");
    assertThat(reply.usage()).isEqualTo(new TokenUsage(1203, 44));
  }

  @Test
  void doneAndPlainRepliesPassThrough() {
    LangChain4jModelClient client = LangChain4jModelClient.of(openAi().build());

    assertThat(((DecodeResult.Valid) decode(ask(client, "openai/done.json"))).decision())
        .isEqualTo(Decision.done("Created config.json in the workspace."));
    assertThat(code(ask(client, "openai/invalid-json.json"))).isEqualTo(ErrorCodes.INVALID_JSON);
    assertThat(ask(client, "openai/code-fence.json").text()).startsWith("```json");
  }

  @Test
  void refusalIsTheFaultModelRefused() {
    ModelReply reply = ask(schemaClient(), "openai/refusal.json");

    assertThat(reply.text()).contains("I'm sorry, but I can't assist with that request.");
    assertThat(code(reply)).isEqualTo(ErrorCodes.MODEL_REFUSED);
  }

  @Test
  void truncatedReplyIsTheFaultOutputTruncated() {
    ModelReply reply = ask(LangChain4jModelClient.of(openAi().build()), "openai/truncated.json");

    assertThat(code(reply)).isEqualTo(ErrorCodes.OUTPUT_TRUNCATED);
    assertThat(reply.usage()).isEqualTo(new TokenUsage(812, 64));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.xct.model.support.testing.CachedUsageFixtures#promptTokensDetails")
  void openAisChatModelReportsTheCachedTokensOfPromptTokensDetails(
      String fixture, TokenUsage usage) {
    assertThat(ask(LangChain4jModelClient.of(openAi().build()), fixture).usage()).isEqualTo(usage);
  }

  @Test
  void deepSeeksOwnCacheCountIsNotInLangChain4jsOpenAiUsage() {
    // LangChain4j's OpenAI module reads prompt_tokens_details only, not prompt_cache_hit_tokens.
    ModelReply reply =
        ask(LangChain4jModelClient.of(openAi().build()), CachedUsageFixtures.DEEPSEEK);

    TokenUsage deepSeek = CachedUsageFixtures.DEEPSEEK_USAGE;
    assertThat(reply.usage())
        .isEqualTo(new TokenUsage(deepSeek.promptTokens(), deepSeek.completionTokens()));
  }

  @Test
  void toolCallsTheModelMakesAnywayAreMappedAndMoreThanOneIsAFault() {
    LangChain4jModelClient client = LangChain4jModelClient.of(openAi().build());

    assertThat(decode(ask(client, "openai/tool-call.json"))).isInstanceOf(DecodeResult.Valid.class);
    assertThat(code(ask(client, "openai/two-tool-calls.json")))
        .isEqualTo(ErrorCodes.MULTIPLE_ACTIONS);
  }

  @Test
  void rateLimitAndServerErrorsAreTransportFailuresWithTheirStatus() {
    server.enqueue(Reply.error(429, "openai/error-429.json", Map.of("Retry-After", "20")));
    server.enqueue(Reply.error(500, "openai/error-500.json", Map.of()));
    LangChain4jModelClient client = LangChain4jModelClient.of(openAi().build());

    ModelTransportException limited = failure(client);
    ModelTransportException broken = failure(client);

    assertThat(limited.kind()).isEqualTo(Kind.HTTP_STATUS);
    assertThat(limited.status()).hasValue(429);
    assertThat(limited.getMessage()).contains("Rate limit reached");
    assertThat(broken.status()).hasValue(500);
    assertThat(server.requests()).hasSize(2);
  }

  @Test
  void aProviderAnswering2xxWithoutChoicesFailsTheCallNotTheModel() {
    server.enqueue(Reply.body(NO_CHOICES));

    ModelTransportException e = failure(LangChain4jModelClient.of(openAi().build()));

    // LangChain4j's own OpenAI model throws for it, with no status to classify it by.
    assertThat(e.kind()).isEqualTo(Kind.CLIENT);
    assertThat(e.getMessage()).contains("no choices returned");
  }

  @Test
  void slowResponseIsATimeout() {
    server.enqueue(Reply.stall());
    LangChain4jModelClient client =
        LangChain4jModelClient.of(openAi().timeout(Duration.ofMillis(300)).build());

    assertThat(failure(client).kind()).isEqualTo(Kind.TIMEOUT);
  }

  @Test
  void droppedConnectionIsAConnectionFailure() {
    server.enqueue(Reply.drop());

    assertThat(failure(LangChain4jModelClient.of(openAi().build())).kind())
        .isEqualTo(Kind.CONNECTION);
  }

  private static ModelTransportException failure(LangChain4jModelClient client) {
    return catchThrowableOfType(
        ModelTransportException.class, () -> client.next(SafeFileCreation.request()));
  }

  // Issue 14, item 7: the request's cancellation and deadline reach the adapter.

  @Test
  void aRequestCancelledOrOutOfTimeIsNeverSentToTheChatModel() {
    CancellationToken cancelled = CancellationToken.create();
    cancelled.cancel();
    LangChain4jModelClient client = LangChain4jModelClient.of(openAi().build());

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
    LangChain4jModelClient client =
        LangChain4jModelClient.of(openAi().timeout(Duration.ofSeconds(3)).build());
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

  private static ModelTransportException failure(
      LangChain4jModelClient client, ModelRequest request) {
    return catchThrowableOfType(ModelTransportException.class, () -> client.next(request));
  }
}
