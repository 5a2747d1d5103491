package dev.xct.core.internal.run;

import dev.xct.core.RunResult;
import dev.xct.core.Step;
import dev.xct.core.TokenUsage;
import dev.xct.core.internal.collect.AppendOnlyList;
import dev.xct.core.validate.Budgets;
import dev.xct.core.validate.RunStats;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Holds what a run has reached: its identity and time budget, its transcript, the tokens it used,
 * how often each tool ran and how many steps in a row failed. Everything a validator, a budget
 * check or the run's result reads comes from here. Confined to the run's thread.
 */
final class RunState {
  final String runId;
  final String task;
  final Instant startedAt;
  final Instant deadline;
  private final AppendOnlyList<Step> transcript = new AppendOnlyList<>();
  private final Map<String, Integer> executions = new HashMap<>();
  // While only one tool has run: its name and count, and executions is empty.
  private String onlyTool;
  private int onlyCount;
  private Map<String, Integer> executionsView = Map.of();
  private int consecutiveErrors;
  private TokenUsage usage = TokenUsage.unknown();

  RunState(String runId, String task, Instant startedAt, Budgets budgets) {
    this(runId, task, startedAt, budgets, Duration.ZERO);
  }

  /** A run that spent {@code paused} waiting for people: that time does not count on its budget. */
  RunState(String runId, String task, Instant startedAt, Budgets budgets, Duration paused) {
    this.runId = runId;
    this.task = task;
    this.startedAt = startedAt;
    this.deadline = startedAt.plus(budgets.maxDuration()).plus(paused);
  }

  /** Adds a completed step: the transcript, the error streak and the tool's execution count. */
  void add(Step step) {
    transcript.add(step);
    consecutiveErrors = step.failed() ? consecutiveErrors + 1 : 0;
    if (step instanceof Step.Executed executed) {
      countExecution(executed.proposal().tool());
    }
  }

  /** Adds the tokens of one model reply. */
  void addUsage(TokenUsage reply) {
    usage = usage.plus(reply);
  }

  /** Returns the number of completed steps. */
  int steps() {
    return transcript.size();
  }

  /** Returns the last completed step, if any. */
  Optional<Step> last() {
    return transcript.isEmpty()
        ? Optional.empty()
        : Optional.of(transcript.get(transcript.size() - 1));
  }

  /** Returns the transcript so far, immutable. */
  List<Step> transcript() {
    return transcript.snapshot();
  }

  /** Returns the statistics validators see before step {@link #steps()} + 1. */
  RunStats stats() {
    return RunStats.builder(startedAt)
        .stepsTaken(transcript.size())
        .consecutiveErrors(consecutiveErrors)
        .toolExecutions(executionsView)
        .usage(usage)
        .build();
  }

  /** Returns the budget or cancellation that ends the run now, if any. */
  Optional<Ending> limit(Budgets budgets, boolean cancelled, Instant now) {
    return RunLimits.reached(
        budgets, cancelled, transcript.size(), consecutiveErrors, usage, now, deadline);
  }

  /** Returns the run's result, ending with {@code ending} at {@code endedAt}. */
  RunResult result(Ending ending, Instant endedAt) {
    return new RunResult(
        runId,
        task,
        ending.status(),
        Optional.ofNullable(ending.code()),
        ending.message(),
        transcript.snapshot(),
        startedAt,
        endedAt,
        usage,
        Optional.ofNullable(ending.failure()));
  }

  private void countExecution(String tool) {
    // The usual run calls one tool again and again: count it without the map until another comes.
    if (executions.isEmpty() && (onlyTool == null || onlyTool.equals(tool))) {
      onlyTool = tool;
      onlyCount++;
      executionsView = Map.of(tool, onlyCount);
      return;
    }
    if (onlyTool != null) {
      executions.put(onlyTool, onlyCount);
      onlyTool = null;
    }
    executions.merge(tool, 1, Integer::sum);
    executionsView = Map.copyOf(executions);
  }
}
