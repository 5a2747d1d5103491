package dev.xct.model.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xct.core.ModelReply;
import dev.xct.core.TokenUsage;
import dev.xct.core.XctException;
import dev.xct.core.protocol.DecodeResult;
import dev.xct.core.protocol.ErrorCodes;
import dev.xct.core.protocol.ProtocolCodec;
import dev.xct.model.support.Completion.Call;
import dev.xct.model.support.Completion.Finish;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The provider-neutral rules every adapter applies to a reply. */
class CompletionTest {
  private static final TokenUsage USAGE = new TokenUsage(10, 5);

  private static Completion calls(Finish finish, String content, Call... calls) {
    return new Completion(content, "", finish, List.of(calls), USAGE);
  }

  /** Decodes as the loop does: a rejected reply's fault, otherwise the codec's verdict. */
  private static DecodeResult decode(Completion completion) {
    ModelReply reply = completion.toReply();
    return reply
        .fault()
        .<DecodeResult>map(DecodeResult.Invalid::new)
        .orElseGet(() -> ProtocolCodec.strict().decode(reply.text()));
  }

  @ParameterizedTest
  @CsvSource({
    "stop, STOP",
    "STOP, STOP",
    "end_turn, STOP",
    "length, LENGTH",
    "LENGTH, LENGTH",
    "max_tokens, LENGTH",
    "tool_calls, TOOL_CALLS",
    "TOOL_EXECUTION, TOOL_CALLS",
    "content_filter, CONTENT_FILTER",
    "abort, OTHER",
    "'', OTHER",
  })
  void finishReasonsOfEveryClientAreUnderstood(String reason, Finish finish) {
    assertThat(Finish.parse(reason)).isEqualTo(finish);
  }

  @Test
  void missingFinishReasonIsOther() {
    assertThat(Finish.parse(null)).isEqualTo(Finish.OTHER);
  }

  @Test
  void completeJsonThatEndedAtTheTokenLimitIsKept() {
    Completion completion = Completion.ofText("{\"done\":true}", Finish.LENGTH, USAGE);

    assertThat(completion.fault()).isEmpty();
    assertThat(completion.toReply().text()).isEqualTo("{\"done\":true}");
    assertThat(completion.toReply().usage()).isEqualTo(USAGE);
  }

  @Test
  void toolCallWhoseArgumentsWereCutOffIsTruncated() {
    Completion completion =
        calls(Finish.LENGTH, "", new Call("fs-write", "{\"path\":\"config.json\",\"cont"));

    assertThat(completion.fault()).get().extracting(ModelFault::code).isEqualTo("OUTPUT_TRUNCATED");
  }

  @Test
  void argumentsThatAreNotJsonReachTheCodecAsAStringItRejects() {
    Completion completion = calls(Finish.TOOL_CALLS, "", new Call("fs-write", "path=config.json"));

    assertThat(completion.toReply().text())
        .isEqualTo("{\"next_step\":{\"tool\":\"fs.write\",\"arguments\":\"path=config.json\"}}");
    DecodeResult.Invalid invalid = (DecodeResult.Invalid) decode(completion);
    assertThat(invalid.failure().code()).isEqualTo(ErrorCodes.INVALID_REPLY);
    assertThat(invalid.failure().message()).contains("arguments must be an object");
  }

  @Test
  void textNextToTheToolCallBecomesTheGoal() {
    Completion completion =
        calls(Finish.TOOL_CALLS, "  Create the file first. ", new Call("fs-write", "{}"));

    assertThat(completion.toReply().text())
        .isEqualTo(
            "{\"next_step\":{\"tool\":\"fs.write\",\"arguments\":{},\"goal\":\"Create the file"
                + " first.\"}}");
  }

  @Test
  void callWithoutANameIsRejectedByTheCodec() {
    Completion completion = calls(Finish.TOOL_CALLS, "", new Call("", "{}"));

    assertThat(((DecodeResult.Invalid) decode(completion)).failure().code())
        .isEqualTo(ErrorCodes.INVALID_REPLY);
  }

  @Test
  void doneCallWithoutAMessageIsADoneWithAnEmptyMessage() {
    Completion completion = calls(Finish.TOOL_CALLS, "", new Call("DONE", "not json"));

    assertThat(completion.toReply().text()).isEqualTo("{\"done\":true,\"message\":\"\"}");
  }

  @Test
  void refusalWinsOverEverythingElse() {
    Completion completion =
        new Completion(
            "{\"done\":true}",
            "I can't help with that.",
            Finish.LENGTH,
            List.of(new Call("a", "{}"), new Call("b", "{}")),
            USAGE);

    assertThat(completion.fault()).get().extracting(ModelFault::code).isEqualTo("MODEL_REFUSED");
  }

  @Test
  void faultReplyIsRejectedWithItsCodeEvenWhenTheModelsTextIsValidJson() {
    ModelFault fault = new ModelFault(ModelFault.MODEL_REFUSED, "refused", "{\"done\":true}");

    assertThat(fault.toReply(USAGE).text()).isEqualTo("{\"done\":true}");
    assertThat(fault.toReply(USAGE).fault()).contains(fault.toFailure());
    assertThat(fault.toReply(USAGE).usage()).isEqualTo(USAGE);
    assertThat(fault.toFailure().code()).isEqualTo("MODEL_REFUSED");
  }

  @Test
  void faultCodesFollowTheProtocolsPattern() {
    assertThatThrownBy(() -> new ModelFault("model refused", "m", ""))
        .isInstanceOf(XctException.class);
  }

  @Test
  void toolNamesMapToFunctionNamesAndBackExactly() {
    assertThat(ToolFunctions.functionName("k8s.deployments.scale"))
        .isEqualTo("k8s-deployments-scale");
    assertThat(ToolFunctions.toolName("k8s-deployments-scale")).isEqualTo("k8s.deployments.scale");
    assertThat(ToolFunctions.isDone("DONE")).isTrue();
    assertThat(ToolFunctions.isDone("done")).isFalse();
  }
}
