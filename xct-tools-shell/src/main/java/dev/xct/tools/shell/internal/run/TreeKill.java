package dev.xct.tools.shell.internal.run;

/**
 * Kills every process one command started. Implementations are thread-safe: a timeout and a
 * cancellation may kill at the same time.
 */
interface TreeKill {
  /** Kills what is left of the command; returns whether nothing of it is left running. */
  boolean killAll();
}
