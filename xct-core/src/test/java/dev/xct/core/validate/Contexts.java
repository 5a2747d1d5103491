package dev.xct.core.validate;

import dev.xct.core.JsonValue;
import dev.xct.core.protocol.Decision;
import dev.xct.core.protocol.Decision.Proposal;
import dev.xct.core.tool.Tool;
import dev.xct.core.tool.ToolRegistry;
import java.time.Instant;
import java.util.Map;

/** Builds validation contexts and proposals for validator tests. */
final class Contexts {
  static final Instant NOW = Instant.parse("2025-01-02T03:04:05Z");

  private Contexts() {}

  /** A context for step 3 of run {@code run-1} with {@code tools} registered, nothing executed. */
  static ValidationContext of(Tool... tools) {
    return withExecutions(Map.of(), tools);
  }

  /** A context whose stats say each tool in {@code executions} ran that often. */
  static ValidationContext withExecutions(Map<String, Integer> executions, Tool... tools) {
    return new ValidationContext(
        "run-1",
        3,
        ToolRegistry.of(tools),
        RunStats.builder(NOW.minusSeconds(60)).stepsTaken(2).toolExecutions(executions).build(),
        NOW);
  }

  static Proposal propose(String tool) {
    return Decision.propose(tool, JsonValue.emptyObject(), "");
  }

  static Proposal propose(String tool, String argumentsJson) {
    return Decision.propose(tool, JsonValue.parse(argumentsJson), "the goal");
  }
}
