package dev.xct.temporal.internal;

/**
 * Asks the tool activity to run one validated call. Immutable.
 *
 * @param arguments the call's arguments as JSON text
 * @param deadline the call's deadline by the workflow's clock, epoch milliseconds: the end of the
 *     tool's timeout or of the run's time budget, whichever is first
 */
public record ToolAsk(
    String runId, int step, String tool, String arguments, String goal, long deadline) {}
