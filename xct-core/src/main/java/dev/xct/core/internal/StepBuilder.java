package dev.xct.core.internal;

import dev.xct.core.ModelReply;
import dev.xct.core.Step;
import dev.xct.core.VerdictRecord;
import dev.xct.core.protocol.Decision;
import dev.xct.core.protocol.Result;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Collects the parts of one step as it progresses. Immutable. */
final class StepBuilder {
  final int number;
  private final Instant startedAt;
  private final ModelReply reply;
  private final Duration latency;

  StepBuilder(int number, Instant startedAt, ModelReply reply, Duration latency) {
    this.number = number;
    this.startedAt = startedAt;
    this.reply = reply;
    this.latency = latency;
  }

  Step failed(Result.Failure failure) {
    return build(Optional.empty(), List.of(), Optional.of(failure), false, Duration.ZERO);
  }

  Step done(Decision.Done done) {
    return build(Optional.of(done), List.of(), Optional.empty(), false, Duration.ZERO);
  }

  Step judged(Decision.Proposal proposal, List<VerdictRecord> verdicts, Result.Failure failure) {
    return build(Optional.of(proposal), verdicts, Optional.of(failure), false, Duration.ZERO);
  }

  Step executed(
      Decision.Proposal proposal, List<VerdictRecord> verdicts, Result result, Duration took) {
    return build(Optional.of(proposal), verdicts, Optional.of(result), true, took);
  }

  private Step build(
      Optional<Decision> decision,
      List<VerdictRecord> verdicts,
      Optional<Result> result,
      boolean executed,
      Duration toolDuration) {
    return new Step(
        number,
        startedAt,
        reply.text(),
        decision,
        verdicts,
        result,
        executed,
        latency,
        toolDuration,
        reply.usage());
  }
}
