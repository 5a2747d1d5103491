package dev.xct.temporal.internal;

import io.temporal.workflow.QueryMethod;

/** Answers the model activity's query for the context of the step the workflow waits on. */
public interface ContextQuery {
  /** The query's name. */
  String NAME = "xct.modelContext";

  /** Returns the task and the unredacted transcript the pending model call is for. */
  @QueryMethod(name = NAME)
  ModelContext modelContext();
}
