package dev.xct.model.openai;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xct.core.ModelReply;
import dev.xct.core.TokenUsage;
import dev.xct.core.protocol.Decision;
import dev.xct.core.protocol.DecodeResult;
import dev.xct.core.protocol.ErrorCodes;
import dev.xct.core.protocol.ProtocolCodec;
import dev.xct.model.support.testing.CachedUsageFixtures;
import dev.xct.model.support.testing.LoopbackServer;
import dev.xct.model.support.testing.SafeFileCreation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** What the client hands the loop for each kind of recorded provider reply. */
class OpenAiModelClientReplyTest {
  private final LoopbackServer server = LoopbackServer.start();

  @AfterEach
  void stop() {
    server.close();
  }

  private OpenAiModelClient client(OutputMode mode) {
    return OpenAiModelClient.builder()
        .baseUrl(server.baseUrl())
        .model("gpt-4o-mini")
        .noApiKey()
        .outputMode(mode)
        .build();
  }

  private ModelReply ask(String fixture, OutputMode mode) {
    server.enqueueFixtures(fixture);
    return client(mode).next(SafeFileCreation.request());
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
  void strictSchemaReplyIsUnwrappedIntoTheProposalWithItsUsage() {
    ModelReply reply = ask("openai/strict-proposal.json", OutputMode.JSON_SCHEMA);

    assertThat(reply.text())
        .isEqualTo(
            "{\"next_step\":{\"tool\":\"fs.write\",\"goal\":\"create config.json inside the"
                + " workspace\",\"arguments\":{\"path\":\"config.json\",\"content\":\"{\\\"port\\\":8080}\"}}}");
    Decision.Proposal proposal =
        (Decision.Proposal) ((DecodeResult.Valid) decode(reply)).decision();
    assertThat(proposal.tool()).isEqualTo("fs.write");
    assertThat(proposal.arguments().toJson()).contains("config.json");
    assertThat(reply.usage()).isEqualTo(new TokenUsage(1203, 44));
  }

  @Test
  void strictSchemaDoneIsUnwrappedIntoDone() {
    ModelReply reply = ask("openai/strict-done.json", OutputMode.JSON_SCHEMA);

    assertThat(((DecodeResult.Valid) decode(reply)).decision())
        .isEqualTo(Decision.done("Created config.json in the workspace."));
  }

  @Test
  void plainJsonProposalAndDonePassThroughVerbatim() {
    ModelReply proposal = ask("openai/proposal.json", OutputMode.JSON_OBJECT);
    ModelReply done = ask("openai/done.json", OutputMode.JSON_OBJECT);

    assertThat(proposal.text()).startsWith("{\"next_step\":{\"tool\":\"fs.write\"");
    assertThat(decode(proposal)).isInstanceOf(DecodeResult.Valid.class);
    assertThat(done.text())
        .isEqualTo("{\"done\":true,\"message\":\"Created config.json in the workspace.\"}");
    assertThat(done.usage()).isEqualTo(new TokenUsage(998, 17));
  }

  @Test
  void proseIsHandedToTheCodecWhichRejectsItAsInvalidJson() {
    ModelReply reply = ask("openai/invalid-json.json", OutputMode.PROMPT_ONLY);

    assertThat(reply.text()).startsWith("Sure! I'll create config.json");
    assertThat(code(reply)).isEqualTo(ErrorCodes.INVALID_JSON);
  }

  @Test
  void codeFencedJsonIsRejectedByTheStrictCodecAndAcceptedByTheLenientOne() {
    ModelReply reply = ask("openai/code-fence.json", OutputMode.PROMPT_ONLY);

    assertThat(reply.text()).startsWith("```json\n{");
    assertThat(code(reply)).isEqualTo(ErrorCodes.INVALID_JSON);
    assertThat(ProtocolCodec.builder().stripCodeFence(true).build().decode(reply.text()))
        .isInstanceOf(DecodeResult.Valid.class);
  }

  @Test
  void emptyContentIsTheCodecsEmptyReply() {
    ModelReply reply = ask("openai/empty-content.json", OutputMode.JSON_OBJECT);

    assertThat(reply.text()).isEmpty();
    assertThat(code(reply)).isEqualTo(ErrorCodes.EMPTY_REPLY);
  }

  @Test
  void nativeToolCallBecomesTheProposalItStandsFor() {
    ModelReply reply = ask("openai/tool-call.json", OutputMode.TOOL_CALLS);

    assertThat(reply.text())
        .isEqualTo(
            "{\"next_step\":{\"tool\":\"fs.write\",\"arguments\":{\"path\":\"config.json\","
                + "\"content\":\"{\\\"port\\\":8080}\"}}}");
    assertThat(decode(reply)).isInstanceOf(DecodeResult.Valid.class);
    assertThat(reply.usage()).isEqualTo(new TokenUsage(955, 29));
  }

  @Test
  void nativeDoneCallBecomesDone() {
    ModelReply reply = ask("openai/tool-call-done.json", OutputMode.TOOL_CALLS);

    assertThat(((DecodeResult.Valid) decode(reply)).decision())
        .isEqualTo(Decision.done("Created config.json in the workspace."));
  }

  @Test
  void twoToolCallsAreTheFaultMultipleActionsWhichTheCodecRejects() {
    ModelReply reply = ask("openai/two-tool-calls.json", OutputMode.TOOL_CALLS);

    assertThat(reply.text()).startsWith("[{\"next_step\":{\"tool\":\"fs.write\"");
    assertThat(reply.fault().orElseThrow().message())
        .isEqualTo(
            "the reply called 2 tools (fs.write, fs.read); propose exactly one action per reply");
    assertThat(code(reply)).isEqualTo(ErrorCodes.MULTIPLE_ACTIONS);
    assertThat(reply.usage()).isEqualTo(new TokenUsage(955, 58));
  }

  @Test
  void refusalIsTheFaultModelRefusedCarryingTheRefusalText() {
    ModelReply reply = ask("openai/refusal.json", OutputMode.JSON_SCHEMA);

    assertThat(reply.text()).isEqualTo("I'm sorry, but I can't assist with that request.");
    assertThat(reply.fault().orElseThrow().message()).startsWith("the model refused to answer");
    assertThat(code(reply)).isEqualTo(ErrorCodes.MODEL_REFUSED);
  }

  @Test
  void contentFilterStopIsTheFaultModelRefused() {
    ModelReply reply = ask("azure/content-filter.json", OutputMode.JSON_SCHEMA);

    assertThat(reply.fault().orElseThrow().message())
        .isEqualTo("the provider's content filter stopped the reply");
    assertThat(code(reply)).isEqualTo(ErrorCodes.MODEL_REFUSED);
  }

  @Test
  void truncatedReplyIsTheFaultOutputTruncatedCarryingWhatArrived() {
    ModelReply reply = ask("openai/truncated.json", OutputMode.JSON_OBJECT);

    assertThat(reply.fault().orElseThrow().message())
        .startsWith("the reply was cut off at the output token limit after ");
    assertThat(reply.text()).startsWith("{\"next_step\":{\"tool\":\"fs.write\"");
    assertThat(code(reply)).isEqualTo(ErrorCodes.OUTPUT_TRUNCATED);
    assertThat(reply.usage()).isEqualTo(new TokenUsage(812, 64));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "vllm/proposal.json, 934, 45",
    "ollama/proposal.json, 901, 47",
    "llamacpp/proposal.json, 897, 44",
  })
  void otherServersRepliesAreReadTheSameWay(String fixture, long prompt, long completion) {
    ModelReply reply = ask(fixture, OutputMode.JSON_SCHEMA);

    assertThat(decode(reply)).isInstanceOf(DecodeResult.Valid.class);
    assertThat(reply.usage()).isEqualTo(new TokenUsage(prompt, completion));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.xct.model.support.testing.CachedUsageFixtures#promptTokensDetails")
  void cachedPromptTokensAreReadFromPromptTokensDetails(String fixture, TokenUsage usage) {
    ModelReply reply = ask(fixture, OutputMode.JSON_OBJECT);

    assertThat(decode(reply)).isInstanceOf(DecodeResult.Valid.class);
    assertThat(reply.usage()).isEqualTo(usage);
  }

  @Test
  void deepSeeksCacheHitsAreReadFromItsOwnMember() {
    assertThat(ask(CachedUsageFixtures.DEEPSEEK, OutputMode.JSON_OBJECT).usage())
        .isEqualTo(CachedUsageFixtures.DEEPSEEK_USAGE);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"vllm/proposal.json, 934, 45", "ollama/proposal.json, 901, 47"})
  void serversThatReportNoCacheReadAsNoneCached(String fixture, long prompt, long completion) {
    assertThat(ask(fixture, OutputMode.JSON_OBJECT).usage())
        .isEqualTo(new TokenUsage(prompt, completion, 0));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"prompt_tokens_details\":{\"cached_tokens\":5000}} | 1200",
        "{\"prompt_cache_hit_tokens\":5000} | 1200",
        "{\"prompt_tokens_details\":{\"cached_tokens\":-3}} | 0",
        "{\"prompt_tokens_details\":{\"cached_tokens\":\"many\"}} | 0",
        "{\"prompt_tokens_details\":\"cached\"} | 0",
        "{\"prompt_tokens_details\":{\"cached_tokens\":null},\"prompt_cache_hit_tokens\":640} | 640",
      })
  void impossibleCachedCountsAreBoundedByThePromptNotFatal(String extra, long cached) {
    String usage =
        "{\"prompt_tokens\":1200,\"completion_tokens\":30,"
            + extra.substring(1, extra.length() - 1)
            + "}";
    server.enqueue(
        LoopbackServer.Reply.body(
            "{\"choices\":[{\"message\":{\"role\":\"assistant\",\"content\":\"{\\\"done\\\":true}\"},"
                + "\"finish_reason\":\"stop\"}],\"usage\":"
                + usage
                + "}"));

    ModelReply reply = client(OutputMode.JSON_OBJECT).next(SafeFileCreation.request());

    assertThat(reply.text()).isEqualTo("{\"done\":true}");
    assertThat(reply.usage()).isEqualTo(new TokenUsage(1_200, 30, cached));
  }

  @Test
  void ollamaToolCallIsReadLikeOpenAis() {
    ModelReply reply = ask("ollama/tool-call.json", OutputMode.TOOL_CALLS);

    Decision.Proposal proposal =
        (Decision.Proposal) ((DecodeResult.Valid) decode(reply)).decision();
    assertThat(proposal.tool()).isEqualTo("fs.write");
    assertThat(proposal.arguments().get("path").flatMap(v -> v.asString())).contains("config.json");
  }
}
