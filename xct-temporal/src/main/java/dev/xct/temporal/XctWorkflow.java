package dev.xct.temporal;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.util.List;

/**
 * Runs one XCT run durably: start it with a {@code WorkflowClient} on the task queue of a worker a
 * {@link TemporalLoop} was {@linkplain TemporalLoop#register registered} on; the workflow id is the
 * run id. Cancelling the workflow ends the run {@code CANCELLED}, and the workflow completes with
 * that summary, as an in-process run returns its result. A run an approver defers waits, durably,
 * for an {@link #answer} until the request expires.
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

  /**
   * Returns the approval request the run waits on, as its {@code approval_requested} journal line,
   * or an empty string when it waits for none. Read it with {@link TemporalRuns#pending}.
   */
  @QueryMethod(name = "xct.pending")
  String pendingApproval();

  /**
   * Answers the request the run waits on; {@code answer} is an {@code approval_decided} journal
   * line, made by {@link TemporalRuns#answer}. The workflow judges it as an in-process loop does:
   * an answer for another action, a late one or a second one is refused (the refusal is an event)
   * and the run keeps waiting; an accepted one is carried out.
   */
  @SignalMethod(name = "xct.answer")
  void answer(String answer);
}
