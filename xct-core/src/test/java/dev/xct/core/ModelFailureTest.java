package dev.xct.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class ModelFailureTest {
  private static final Duration LONGEST = Duration.of(Long.MAX_VALUE, ChronoUnit.MICROS);

  /** An endpoint failure whose answers come from suppliers, which may misbehave. */
  static final class Answering extends RuntimeException implements EndpointFailure {
    private static final long serialVersionUID = 1L;
    private final transient Supplier<OptionalInt> status;
    private final transient Supplier<Optional<Duration>> retryAfter;

    Answering(Supplier<OptionalInt> status, Supplier<Optional<Duration>> retryAfter) {
      super("endpoint said no");
      this.status = status;
      this.retryAfter = retryAfter;
    }

    @Override
    public OptionalInt status() {
      return status.get();
    }

    @Override
    public Optional<Duration> retryAfter() {
      return retryAfter.get();
    }
  }

  private static Answering answering(int status, Duration wait) {
    return new Answering(() -> OptionalInt.of(status), () -> Optional.of(wait));
  }

  @Test
  void theStatusAndWaitComeFromTheFirstEndpointFailureAmongTheCauses() {
    RuntimeException thrown =
        new RuntimeException(
            "outer",
            new IllegalStateException(
                "middle",
                answering(503, Duration.ofMillis(1500)).initCause(answering(429, Duration.ZERO))));

    ModelFailure failure = ModelFailure.of(thrown);

    assertThat(failure.type()).isEqualTo("java.lang.RuntimeException");
    assertThat(failure.message()).isEqualTo("outer");
    assertThat(failure.status()).hasValue(503);
    assertThat(failure.retryAfter()).contains(Duration.ofMillis(1500));
    assertThat(failure.cause()).containsSame(thrown);
  }

  @Test
  void whatAMisbehavingEndpointFailureCannotSayIsLeftOut() {
    Answering throwing =
        new Answering(
            () -> {
              throw new IllegalStateException("no status");
            },
            () -> null);
    Answering impossible =
        new Answering(() -> OptionalInt.of(42), () -> Optional.of(Duration.ofSeconds(-1)));

    for (Answering thrown : new Answering[] {throwing, impossible}) {
      ModelFailure failure = ModelFailure.of(thrown);
      assertThat(failure.status()).isEmpty();
      assertThat(failure.retryAfter()).isEmpty();
      assertThat(failure.message()).isEqualTo("endpoint said no");
    }
  }

  @Test
  void aWaitTooLongToRecordIsCutToTheLongestAndAWaitKeepsWholeMicroseconds() {
    assertThat(ModelFailure.of(answering(429, Duration.ofSeconds(Long.MAX_VALUE))).retryAfter())
        .contains(LONGEST);
    assertThat(ModelFailure.of(answering(429, Duration.ofNanos(2_000_999))).retryAfter())
        .contains(Duration.ofNanos(2_000_000));
  }

  @Test
  void aCauseChainThatNeverEndsIsNotFollowedForever() {
    RuntimeException looping =
        new RuntimeException("loops") {
          private static final long serialVersionUID = 1L;

          @Override
          public synchronized Throwable getCause() {
            return this;
          }
        };

    assertThat(ModelFailure.of(looping).status()).isEmpty();
  }

  @Test
  void anExceptionWhoseMessageCannotBeReadHasAnEmptyMessage() {
    RuntimeException unreadable =
        new RuntimeException() {
          private static final long serialVersionUID = 1L;

          @Override
          public String getMessage() {
            throw new IllegalStateException("no message for you");
          }
        };

    assertThat(ModelFailure.of(unreadable).message()).isEmpty();
  }

  @Test
  void withoutCauseKeepsEverythingButTheCause() {
    ModelFailure failure = ModelFailure.of(answering(429, Duration.ofSeconds(3)));

    ModelFailure recorded = failure.withoutCause();

    assertThat(recorded.cause()).isEmpty();
    assertThat(recorded)
        .isEqualTo(
            new ModelFailure(
                failure.type(),
                failure.message(),
                failure.status(),
                failure.retryAfter(),
                Optional.empty()));
    assertThat(recorded.withoutCause()).isSameAs(recorded);
  }

  @Test
  void invalidValuesAreRejected() {
    assertThatThrownBy(
            () ->
                new ModelFailure(" ", "", OptionalInt.empty(), Optional.empty(), Optional.empty()))
        .isInstanceOf(XctException.class);
    assertThatThrownBy(
            () ->
                new ModelFailure("T", "", OptionalInt.of(600), Optional.empty(), Optional.empty()))
        .isInstanceOf(XctException.class)
        .hasMessageContaining("600");
    assertThatThrownBy(
            () ->
                new ModelFailure(
                    "T",
                    "",
                    OptionalInt.empty(),
                    Optional.of(LONGEST.plusNanos(1_000)),
                    Optional.empty()))
        .isInstanceOf(XctException.class);
    assertThatThrownBy(() -> ModelFailure.of(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void onlyAModelFailedRunOrEndCarriesAFailure() {
    ModelFailure failure = ModelFailure.of(new IllegalStateException("x"));
    java.time.Instant now = java.time.Instant.EPOCH;

    assertThatThrownBy(
            () ->
                new RunResult(
                    "r",
                    "t",
                    RunStatus.DONE,
                    Optional.empty(),
                    "done",
                    java.util.List.of(),
                    now,
                    now,
                    TokenUsage.unknown(),
                    Optional.of(failure)))
        .isInstanceOf(XctException.class)
        .hasMessageContaining("DONE");
    assertThatThrownBy(
            () ->
                new dev.xct.core.event.RunEvent.RunEnded(
                    "r", 0, now, RunStatus.CANCELLED, Optional.empty(), "", Optional.of(failure)))
        .isInstanceOf(XctException.class);
  }
}
