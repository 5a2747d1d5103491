package dev.xct.core.tool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xct.core.CancellationToken;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ToolContextTest {
  private static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");

  private static ToolContext at(Instant now, Instant deadline, CancellationToken token) {
    return new ToolContext("run-1", 1, deadline, token, Clock.fixed(now, ZoneOffset.UTC));
  }

  @Test
  void remainingIsTheTimeUntilTheDeadlineOnTheLoopsClock() {
    ToolContext context = at(NOW, NOW.plusMillis(1500), CancellationToken.create());

    assertThat(context.remaining()).isEqualTo(Duration.ofMillis(1500));
  }

  @Test
  void remainingIsZeroAtAndAfterTheDeadline() {
    assertThat(at(NOW, NOW, CancellationToken.create()).remaining()).isEqualTo(Duration.ZERO);
    assertThat(at(NOW.plusSeconds(5), NOW, CancellationToken.create()).remaining())
        .isEqualTo(Duration.ZERO);
  }

  @Test
  void remainingFollowsAMovingClock() {
    Clock offset = Clock.offset(Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofMillis(400));
    ToolContext context =
        new ToolContext("run-1", 2, NOW.plusSeconds(1), CancellationToken.create(), offset);

    assertThat(context.remaining()).isEqualTo(Duration.ofMillis(600));
  }

  @Test
  void isCancelledReflectsTheToken() {
    CancellationToken token = CancellationToken.create();
    ToolContext context = at(NOW, NOW.plusSeconds(1), token);

    assertThat(context.isCancelled()).isFalse();
    token.cancel();
    assertThat(context.isCancelled()).isTrue();
  }

  @Test
  void refusesNullComponents() {
    CancellationToken token = CancellationToken.create();
    Clock clock = Clock.systemUTC();

    assertThatThrownBy(() -> new ToolContext(null, 1, NOW, token, clock))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new ToolContext("r", 1, null, token, clock))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new ToolContext("r", 1, NOW, null, clock))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new ToolContext("r", 1, NOW, token, null))
        .isInstanceOf(NullPointerException.class);
  }
}
