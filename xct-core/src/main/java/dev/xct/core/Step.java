package dev.xct.core;

import dev.xct.core.protocol.Decision;
import dev.xct.core.protocol.Result;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Records one iteration of the loop, as one of four kinds: the model's reply was {@link Rejected}
 * (not a decision), the model said {@link Done}, its proposal was {@link Refused} by a validator
 * (or could not be journaled), or it was {@link Executed}. Every kind carries the same {@link
 * Header}: the step's number, start, raw reply, model latency and tokens. The transcript the model
 * sees is rendered from these.
 *
 * <p>The accessors below ({@link #decision()}, {@link #result()}, {@link #verdicts()}, {@link
 * #executed()}) answer for every kind, for code that does not care which it is. Immutable and
 * thread-safe.
 */
public sealed interface Step permits Step.Rejected, Step.Done, Step.Refused, Step.Executed {

  /** Returns what every kind of step records about the model's side of it. */
  Header header();

  /** Returns the step number, starting at 1. */
  default int number() {
    return header().number();
  }

  /** Returns when the step began, by the loop's clock. */
  default Instant startedAt() {
    return header().startedAt();
  }

  /** Returns the model's reply exactly as recorded. */
  default String rawReply() {
    return header().rawReply();
  }

  /** Returns how long the model call took. */
  default Duration modelLatency() {
    return header().modelLatency();
  }

  /** Returns the tokens the model call used. */
  default TokenUsage usage() {
    return header().usage();
  }

  /** Returns the decoded decision; empty for a {@link Rejected} reply. */
  Optional<Decision> decision();

  /** Returns every validator verdict, in chain order (empty unless a proposal was decoded). */
  default List<VerdictRecord> verdicts() {
    return List.of();
  }

  /** Returns what the model is told; empty only for a {@link Done} step. */
  Optional<Result> result();

  /** Returns whether a tool actually ran in this step. */
  default boolean executed() {
    return false;
  }

  /** Returns how long the tool ran ({@link Duration#ZERO} if it did not). */
  default Duration toolDuration() {
    return Duration.ZERO;
  }

  /** Returns the proposed tool's name, if this step decoded a proposal. */
  default Optional<String> tool() {
    return Optional.empty();
  }

  /** Returns whether the step ended in an error result. */
  default boolean failed() {
    return result().map(r -> r instanceof Result.Failure).orElse(false);
  }

  /**
   * Records the model's side of a step.
   *
   * @param number the step number, starting at 1
   * @param startedAt when the step began, by the loop's clock
   * @param rawReply the model's reply exactly as recorded
   * @param modelLatency how long the model call took
   * @param usage tokens the model call used
   */
  record Header(
      int number, Instant startedAt, String rawReply, Duration modelLatency, TokenUsage usage) {
    /**
     * @throws NullPointerException if a component is null
     */
    public Header {
      Objects.requireNonNull(startedAt, "startedAt");
      Objects.requireNonNull(rawReply, "rawReply");
      Objects.requireNonNull(modelLatency, "modelLatency");
      Objects.requireNonNull(usage, "usage");
    }
  }

  /** The reply was not a decision (or the model client reported a fault); nothing ran. */
  record Rejected(Header header, Result.Failure failure) implements Step {
    /**
     * @throws NullPointerException if a component is null
     */
    public Rejected {
      Objects.requireNonNull(header, "header");
      Objects.requireNonNull(failure, "failure");
    }

    @Override
    public Optional<Decision> decision() {
      return Optional.empty();
    }

    @Override
    public Optional<Result> result() {
      return Optional.of(failure);
    }

    @Override
    public boolean failed() {
      return true;
    }
  }

  /** The model said the task is done; the run ends. */
  record Done(Header header, Decision.Done done) implements Step {
    /**
     * @throws NullPointerException if a component is null
     */
    public Done {
      Objects.requireNonNull(header, "header");
      Objects.requireNonNull(done, "done");
    }

    @Override
    public Optional<Decision> decision() {
      return Optional.of(done);
    }

    @Override
    public Optional<Result> result() {
      return Optional.empty();
    }

    @Override
    public boolean failed() {
      return false;
    }
  }

  /**
   * A validator denied or stopped the proposal (its verdict is the last), or its intent could not
   * be journaled (every verdict allowed it); the tool did not run.
   */
  record Refused(
      Header header,
      Decision.Proposal proposal,
      List<VerdictRecord> verdicts,
      Result.Failure failure)
      implements Step {
    /**
     * @throws NullPointerException if a component is null
     */
    public Refused {
      Objects.requireNonNull(header, "header");
      Objects.requireNonNull(proposal, "proposal");
      verdicts = List.copyOf(verdicts);
      Objects.requireNonNull(failure, "failure");
    }

    @Override
    public Optional<Decision> decision() {
      return Optional.of(proposal);
    }

    @Override
    public Optional<Result> result() {
      return Optional.of(failure);
    }

    @Override
    public boolean failed() {
      return true;
    }

    @Override
    public Optional<String> tool() {
      return Optional.of(proposal.tool());
    }
  }

  /**
   * Every validator allowed the proposal and its tool ran (or, after a crash, may have run: the
   * result is then {@code OUTCOME_UNKNOWN}).
   */
  record Executed(
      Header header,
      Decision.Proposal proposal,
      List<VerdictRecord> verdicts,
      Result outcome,
      Duration toolDuration)
      implements Step {
    /**
     * @throws NullPointerException if a component is null
     */
    public Executed {
      Objects.requireNonNull(header, "header");
      Objects.requireNonNull(proposal, "proposal");
      verdicts = List.copyOf(verdicts);
      Objects.requireNonNull(outcome, "outcome");
      Objects.requireNonNull(toolDuration, "toolDuration");
    }

    @Override
    public Optional<Decision> decision() {
      return Optional.of(proposal);
    }

    @Override
    public Optional<Result> result() {
      return Optional.of(outcome);
    }

    @Override
    public boolean failed() {
      return outcome instanceof Result.Failure;
    }

    @Override
    public boolean executed() {
      return true;
    }

    @Override
    public Optional<String> tool() {
      return Optional.of(proposal.tool());
    }
  }
}
