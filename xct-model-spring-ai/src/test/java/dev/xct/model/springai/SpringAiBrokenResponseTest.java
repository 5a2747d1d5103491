package dev.xct.model.springai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.xct.core.ModelFailure;
import dev.xct.core.RunResult;
import dev.xct.core.RunStatus;
import dev.xct.model.support.ModelTransportException;
import dev.xct.model.support.ModelTransportException.Kind;
import dev.xct.model.support.testing.SafeFileCreation;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.Prompt;

/**
 * A response with no reply in it is the client's failure, not the model's empty answer: the call
 * fails as {@link Kind#INVALID_RESPONSE}, as {@code OpenAiModelClient} fails a 2xx without choices,
 * and the run ends after one call instead of asking the model to fix what it never said.
 */
class SpringAiBrokenResponseTest {
  @TempDir Path workspace;

  /** A Spring AI chat model that answers every prompt with what {@code response} supplies. */
  private static final class Answering implements ChatModel {
    private final Supplier<ChatResponse> response;
    final AtomicInteger calls = new AtomicInteger();

    Answering(Supplier<ChatResponse> response) {
      this.response = response;
    }

    @Override
    public ChatResponse call(Prompt prompt) {
      calls.incrementAndGet();
      return response.get();
    }
  }

  private static ModelTransportException failure(SpringAiModelClient client) {
    return catchThrowableOfType(
        ModelTransportException.class, () -> client.next(SafeFileCreation.request()));
  }

  @Test
  void aChatModelReturningNoResponseFailsTheCall() {
    ModelTransportException e = failure(SpringAiModelClient.of(new Answering(() -> null)));

    assertThat(e.kind()).isEqualTo(Kind.INVALID_RESPONSE);
    assertThat(e.getMessage()).contains("returned no response");
  }

  @Test
  void aResponseWithoutGenerationsFailsTheCall() {
    ModelTransportException e =
        failure(SpringAiModelClient.of(new Answering(() -> new ChatResponse(List.of()))));

    assertThat(e.kind()).isEqualTo(Kind.INVALID_RESPONSE);
    assertThat(e.getMessage()).contains("a response without generations");
  }

  @Test
  void aChatClientWhoseModelReturnsNoGenerationsFailsTheCall() {
    ChatClient client = ChatClient.create(new Answering(() -> new ChatResponse(List.of())));

    assertThat(failure(SpringAiModelClient.of(client)).kind()).isEqualTo(Kind.INVALID_RESPONSE);
  }

  @Test
  void aBrokenClientEndsTheRunModelFailedAfterOneCallInsteadOfRetryingEmptyReplies() {
    Answering broken = new Answering(() -> null);

    RunResult run =
        SafeFileCreation.loop(SpringAiModelClient.of(broken), workspace).run(SafeFileCreation.TASK);

    assertThat(run.status()).isEqualTo(RunStatus.MODEL_FAILED);
    assertThat(run.steps()).isEmpty();
    assertThat(broken.calls).hasValue(1);
    ModelFailure failure = run.failure().orElseThrow();
    assertThat(failure.type()).isEqualTo(ModelTransportException.class.getName());
    assertThat(failure.status()).isEmpty();
  }
}
