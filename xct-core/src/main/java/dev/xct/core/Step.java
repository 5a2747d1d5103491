package dev.xct.core;

import dev.xct.core.protocol.Decision;
import dev.xct.core.protocol.Result;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Records one iteration of the loop: what the model said, what the system decided about it, and
 * what came of it. The transcript the model sees is rendered from these.
 *
 * @param number the step number, starting at 1
 * @param startedAt when the step began, by the loop's clock
 * @param rawReply the model's reply exactly as received
 * @param decision the decoded decision; empty when the reply was rejected by the codec
 * @param verdicts every validator verdict, in chain order (empty unless a proposal was decoded)
 * @param result what the model is told; empty only for a {@link Decision.Done} step
 * @param executed whether a tool actually ran in this step
 * @param modelLatency how long the model call took
 * @param toolDuration how long the tool ran ({@link Duration#ZERO} if it did not)
 * @param usage tokens the model call used
 */
public record Step(
    int number,
    Instant startedAt,
    String rawReply,
    Optional<Decision> decision,
    List<VerdictRecord> verdicts,
    Optional<Result> result,
    boolean executed,
    Duration modelLatency,
    Duration toolDuration,
    TokenUsage usage) {
  /**
   * @throws NullPointerException if a component is null
   */
  public Step {
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(rawReply, "rawReply");
    Objects.requireNonNull(decision, "decision");
    verdicts = List.copyOf(verdicts);
    Objects.requireNonNull(result, "result");
    Objects.requireNonNull(modelLatency, "modelLatency");
    Objects.requireNonNull(toolDuration, "toolDuration");
    Objects.requireNonNull(usage, "usage");
  }

  /** Returns the proposed tool's name, if this step decoded a proposal. */
  public Optional<String> tool() {
    return decision
        .filter(Decision.Proposal.class::isInstance)
        .map(d -> ((Decision.Proposal) d).tool());
  }

  /** Returns whether the step ended in an error result. */
  public boolean failed() {
    return result.map(r -> r instanceof Result.Failure).orElse(false);
  }
}
