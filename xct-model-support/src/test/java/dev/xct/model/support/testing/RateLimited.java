package dev.xct.model.support.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xct.core.ModelFailure;
import dev.xct.core.RunResult;
import dev.xct.core.RunStatus;
import dev.xct.model.support.ModelTransportException;
import java.util.Map;

/**
 * A provider's 429 as test material: the reply a loopback server gives, and what every adapter must
 * make of it at the end of a run: {@code MODEL_FAILED}, with the status for the caller.
 */
public final class RateLimited {
  private RateLimited() {}

  /** Returns the provider's answer: 429, OpenAI's rate-limit body and {@code Retry-After: 20}. */
  public static LoopbackServer.Reply reply() {
    return LoopbackServer.Reply.error(429, "openai/error-429.json", Map.of("Retry-After", "20"));
  }

  /**
   * Asserts that {@code run} ended {@code MODEL_FAILED} because of the 429 of {@link #reply()},
   * with its status, and returns the failure for what differs between adapters.
   */
  public static ModelFailure failureOf(RunResult run) {
    assertThat(run.status()).isEqualTo(RunStatus.MODEL_FAILED);
    ModelFailure failure = run.failure().orElseThrow();
    assertThat(failure.type()).isEqualTo(ModelTransportException.class.getName());
    assertThat(failure.status()).hasValue(429);
    assertThat(failure.message()).contains("Rate limit reached");
    return failure;
  }
}
