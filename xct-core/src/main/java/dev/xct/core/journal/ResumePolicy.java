package dev.xct.core.journal;

/**
 * Decides what {@link dev.xct.core.loop.ExecutionLoop#resume(String)} does with a step whose tool
 * had started (its intent was journaled) but whose outcome was never recorded, because the process
 * died in between. Such a step may or may not have taken effect.
 *
 * <p>A tool that is not marked {@link dev.xct.core.tool.ToolHints#idempotent() idempotent} is never
 * run again, under any policy.
 */
public enum ResumePolicy {
  /**
   * Records the step as failed with {@code OUTCOME_UNKNOWN} (with the tool's {@link
   * dev.xct.core.tool.Tool#checkOutcome check} if it offers one) and lets the model decide. The
   * default: nothing runs again without a new proposal passing the validators again.
   */
  REPORT_UNKNOWN,

  /**
   * Runs the step's call once more if its tool is idempotent and its recorded arguments were not
   * redacted, journaling a fresh intent first; the verdicts recorded for the original intent stand.
   * Other tools are reported as under {@link #REPORT_UNKNOWN}.
   */
  RERUN_IDEMPOTENT
}
