package dev.xct.model.langchain4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.xct.core.ModelFailure;
import dev.xct.core.RunResult;
import dev.xct.core.RunStatus;
import dev.xct.model.support.ModelTransportException;
import dev.xct.model.support.ModelTransportException.Kind;
import dev.xct.model.support.testing.SafeFileCreation;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A response with no reply in it is the client's failure, not the model's empty answer: the call
 * fails as {@link Kind#INVALID_RESPONSE}, as {@code OpenAiModelClient} fails a 2xx without choices,
 * and the run ends after one call instead of asking the model to fix what it never said.
 */
class LangChain4jBrokenResponseTest {
  @TempDir Path workspace;

  /** A LangChain4j chat model that answers every request with what {@code response} supplies. */
  private static final class Answering implements ChatModel {
    private final Supplier<ChatResponse> response;
    final AtomicInteger calls = new AtomicInteger();

    Answering(Supplier<ChatResponse> response) {
      this.response = response;
    }

    @Override
    public ChatResponse chat(ChatRequest request) {
      calls.incrementAndGet();
      return response.get();
    }
  }

  /** A response whose message is missing, as a subclass or a proxy can make one. */
  private static ChatResponse withoutMessage() {
    return new ChatResponse(ChatResponse.builder().aiMessage(AiMessage.from("hidden"))) {
      @Override
      public AiMessage aiMessage() {
        return null;
      }
    };
  }

  private static ModelTransportException failure(LangChain4jModelClient client) {
    return catchThrowableOfType(
        ModelTransportException.class, () -> client.next(SafeFileCreation.request()));
  }

  @Test
  void aChatModelReturningNoResponseFailsTheCall() {
    ModelTransportException e = failure(LangChain4jModelClient.of(new Answering(() -> null)));

    assertThat(e.kind()).isEqualTo(Kind.INVALID_RESPONSE);
    assertThat(e.getMessage()).contains("returned no response");
  }

  @Test
  void aResponseWithoutAMessageFailsTheCall() {
    ModelTransportException e =
        failure(
            LangChain4jModelClient.of(
                new Answering(LangChain4jBrokenResponseTest::withoutMessage)));

    assertThat(e.kind()).isEqualTo(Kind.INVALID_RESPONSE);
    assertThat(e.getMessage()).contains("a response without a message");
  }

  @Test
  void aBrokenClientEndsTheRunModelFailedAfterOneCallInsteadOfRetryingEmptyReplies() {
    Answering broken = new Answering(LangChain4jBrokenResponseTest::withoutMessage);

    RunResult run =
        SafeFileCreation.loop(LangChain4jModelClient.of(broken), workspace)
            .run(SafeFileCreation.TASK);

    assertThat(run.status()).isEqualTo(RunStatus.MODEL_FAILED);
    assertThat(run.steps()).isEmpty();
    assertThat(broken.calls).hasValue(1);
    ModelFailure failure = run.failure().orElseThrow();
    assertThat(failure.type()).isEqualTo(ModelTransportException.class.getName());
  }
}
