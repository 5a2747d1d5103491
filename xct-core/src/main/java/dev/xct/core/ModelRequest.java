package dev.xct.core;

import dev.xct.core.context.ChatMessage;
import dev.xct.core.internal.collect.AppendOnlyList;
import dev.xct.core.tool.ToolSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Holds everything the model gets for one decision: the rendered messages, the structured context
 * they were rendered from (for clients that build their own prompt or derive a response schema from
 * the tool catalog), and by when the answer is needed and whether it still is.
 *
 * <p>The loop stops waiting for the client when the run is cancelled or its time budget runs out,
 * whatever the client does; a client that honours {@link #cancellation()} and {@link #deadline()}
 * also stops the work it started (the bundled adapters abort their HTTP call), instead of leaving
 * it running in the background.
 *
 * <p>Immutable and thread-safe; the cancellation token it holds is itself thread-safe.
 *
 * @param runId the run's id
 * @param step the number of the step this request is for, starting at 1
 * @param task the task the run was given
 * @param tools every registered tool's spec
 * @param transcript the steps so far, in order
 * @param messages the rendered context, ready for a chat API
 * @param deadline the instant, by {@code clock}, after which the loop no longer waits for the
 *     reply: the end of the run's time budget
 * @param cancellation set when the run is cancelled or the deadline has passed; this call's own
 *     token, so callbacks registered on it do not outlive the call
 * @param clock the loop's clock, which {@code deadline} is measured by
 */
public record ModelRequest(
    String runId,
    int step,
    String task,
    List<ToolSpec> tools,
    List<Step> transcript,
    List<ChatMessage> messages,
    Instant deadline,
    CancellationToken cancellation,
    Clock clock) {
  /**
   * @throws NullPointerException if a component is null
   */
  public ModelRequest {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(task, "task");
    tools = List.copyOf(tools);
    // The loop passes an immutable snapshot; copying it each step would cost O(run length).
    transcript = AppendOnlyList.isSnapshot(transcript) ? transcript : List.copyOf(transcript);
    messages = List.copyOf(messages);
    Objects.requireNonNull(deadline, "deadline");
    Objects.requireNonNull(cancellation, "cancellation");
    Objects.requireNonNull(clock, "clock");
  }

  /**
   * Creates a request without a deadline, with a fresh token that nobody cancels, measured by the
   * system clock: for calling a client outside a loop.
   *
   * @throws NullPointerException if a component is null
   */
  public ModelRequest(
      String runId,
      int step,
      String task,
      List<ToolSpec> tools,
      List<Step> transcript,
      List<ChatMessage> messages) {
    this(
        runId,
        step,
        task,
        tools,
        transcript,
        messages,
        Instant.MAX,
        CancellationToken.create(),
        Clock.systemUTC());
  }

  /** Returns the time left until the deadline, never negative. */
  public Duration remaining() {
    Duration left = Duration.between(clock.instant(), deadline);
    return left.isNegative() ? Duration.ZERO : left;
  }

  /** Returns whether the loop no longer wants the reply: the client should stop and throw. */
  public boolean isCancelled() {
    return cancellation.isCancelled();
  }
}
