/**
 * Turns XCT run events into OpenTelemetry spans with {@link dev.xct.otel.RunSpans}: one span per
 * run, one child span per step, verdicts and resumptions as span events.
 */
package dev.xct.otel;
