package dev.xct.core;

/** Names how a run ended. Every run ends with exactly one of these. */
public enum RunStatus {
  /** The model declared the task done. */
  DONE,
  /** A budget ran out: steps, consecutive errors, a tool quota or the deadline. */
  LIMIT_REACHED,
  /** A validator or an approver stopped the run. */
  STOPPED,
  /** The caller cancelled the run. */
  CANCELLED,
  /** The model client failed to produce a reply; {@link RunResult#failure()} says why. */
  MODEL_FAILED
}
