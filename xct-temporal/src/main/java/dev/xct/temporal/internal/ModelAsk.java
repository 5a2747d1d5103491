package dev.xct.temporal.internal;

/**
 * Asks the model activity for step {@code step} of run {@code runId}: the context itself is not in
 * the input (it would put the whole transcript into history once per step); the activity reads it
 * from the workflow with {@link ContextQuery}. Immutable.
 *
 * @param deadline the run's deadline, epoch milliseconds
 */
public record ModelAsk(String runId, int step, long deadline) {}
