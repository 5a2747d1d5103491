package dev.xct.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelRequestTest {
  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

  private static ModelRequest at(Instant now, Instant deadline, CancellationToken token) {
    return new ModelRequest(
        "run-1",
        1,
        "task",
        List.of(),
        List.of(),
        List.of(),
        deadline,
        token,
        Clock.fixed(now, ZoneOffset.UTC));
  }

  @Test
  void remainingIsTheTimeUntilTheDeadlineOnTheLoopsClockAndNeverNegative() {
    assertThat(at(NOW, NOW.plusMillis(1500), CancellationToken.create()).remaining())
        .isEqualTo(Duration.ofMillis(1500));
    assertThat(at(NOW.plusSeconds(5), NOW, CancellationToken.create()).remaining())
        .isEqualTo(Duration.ZERO);
  }

  @Test
  void isCancelledReflectsTheToken() {
    CancellationToken token = CancellationToken.create();
    ModelRequest request = at(NOW, NOW.plusSeconds(1), token);

    assertThat(request.isCancelled()).isFalse();
    token.cancel();
    assertThat(request.isCancelled()).isTrue();
  }

  @Test
  void theShortConstructorMakesARequestWithoutDeadlineThatNobodyCancels() {
    ModelRequest request = new ModelRequest("run-1", 1, "task", List.of(), List.of(), List.of());

    assertThat(request.deadline()).isEqualTo(Instant.MAX);
    assertThat(request.isCancelled()).isFalse();
    assertThat(request.remaining()).isGreaterThan(Duration.ofDays(365L * 1000));
  }

  @Test
  void deadlineTokenAndClockAreRequired() {
    CancellationToken token = CancellationToken.create();
    Clock clock = Clock.systemUTC();
    assertThatThrownBy(
            () ->
                new ModelRequest("r", 1, "t", List.of(), List.of(), List.of(), null, token, clock))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("deadline");
    assertThatThrownBy(
            () -> new ModelRequest("r", 1, "t", List.of(), List.of(), List.of(), NOW, null, clock))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("cancellation");
    assertThatThrownBy(
            () -> new ModelRequest("r", 1, "t", List.of(), List.of(), List.of(), NOW, token, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("clock");
  }
}
