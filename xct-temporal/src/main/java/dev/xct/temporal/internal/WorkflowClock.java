package dev.xct.temporal.internal;

import io.temporal.workflow.Workflow;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Reads time as workflow code must: {@link Workflow#currentTimeMillis()}, the same on every replay.
 * Only usable on a workflow thread; immutable.
 */
final class WorkflowClock extends Clock {
  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    if (!ZoneOffset.UTC.equals(zone)) {
      throw new UnsupportedOperationException("the workflow clock is UTC only");
    }
    return this;
  }

  @Override
  public Instant instant() {
    return Instant.ofEpochMilli(Workflow.currentTimeMillis());
  }
}
