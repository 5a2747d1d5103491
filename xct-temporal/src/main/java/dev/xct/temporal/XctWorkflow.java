package dev.xct.temporal;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.util.List;

/**
 * Runs one XCT run durably: start it with a {@code WorkflowClient} on the task queue of a worker a
 * {@link TemporalLoop} was {@linkplain TemporalLoop#register registered} on; the workflow id is the
 * run id. Cancelling the workflow ends the run {@code CANCELLED}, and the workflow completes with
 * that summary, as an in-process run returns its result.
 *
 * <p>Workflow type {@value #TYPE}; a task queue serves one {@link TemporalLoop}.
 */
@WorkflowInterface
public interface XctWorkflow {
  /** The workflow type's name. */
  String TYPE = "XctRun";

  /** Runs {@code task} to the end and says how it ended; never fails for model or tool trouble. */
  @WorkflowMethod(name = TYPE)
  RunSummary run(String task);

  /**
   * Returns the run's events so far, one journal line each (the format of {@code docs/journal.md},
   * redacted by the loop's redactor), including {@code step_completed}: the transcript. Read them
   * with {@link TemporalRuns#events(List)}.
   */
  @QueryMethod(name = "xct.events")
  List<String> events();
}
