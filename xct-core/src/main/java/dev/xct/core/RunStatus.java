package dev.xct.core;

/**
 * Names how a run ended. Every run ends with exactly one of these; a run that ended {@link
 * #AWAITING_APPROVAL} ends again, with another, once a person's answer resumes it.
 */
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
  MODEL_FAILED,
  /**
   * The run paused for a person: its journal holds a pending approval request, and {@link
   * dev.xct.core.loop.Approvals#decide} continues it once someone answers. The only status that is
   * not final.
   */
  AWAITING_APPROVAL
}
