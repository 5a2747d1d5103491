/**
 * XCT's OpenTelemetry export: runs, live or read back from the journal, as spans. Optional: only
 * applications that want tracing depend on it.
 */
module dev.xct.otel {
  requires transitive dev.xct.core;
  requires transitive io.opentelemetry.api;
  requires io.opentelemetry.context;

  exports dev.xct.otel;
}
