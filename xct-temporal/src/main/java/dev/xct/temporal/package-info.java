/**
 * Durable XCT runs on Temporal: {@link dev.xct.temporal.TemporalLoop} registers the {@link
 * dev.xct.temporal.XctWorkflow} and its model and tool activities on a worker; {@link
 * dev.xct.temporal.TemporalRuns} reads a run's events back and lists and answers the approval a run
 * waits on. See {@code docs/temporal.md}.
 */
package dev.xct.temporal;
