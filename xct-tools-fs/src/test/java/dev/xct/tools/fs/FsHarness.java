package dev.xct.tools.fs;

import dev.xct.core.CancellationToken;
import dev.xct.core.JsonValue;
import dev.xct.core.protocol.Decision;
import dev.xct.core.protocol.ErrorCodes;
import dev.xct.core.protocol.Result;
import dev.xct.core.tool.SchemaViolation;
import dev.xct.core.tool.Tool;
import dev.xct.core.tool.ToolCall;
import dev.xct.core.tool.ToolContext;
import dev.xct.core.tool.ToolRegistry;
import dev.xct.core.validate.RunStats;
import dev.xct.core.validate.ValidationContext;
import dev.xct.core.validate.Verdict;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Drives fs tools the way the loop does (schema check, then the fs-confinement validator, then
 * execute) or calls a tool directly, bypassing the validator, to test the second line of defense.
 */
final class FsHarness {
  final FsTools fs;
  final ToolRegistry registry;

  FsHarness(FsTools fs) {
    this.fs = fs;
    this.registry = ToolRegistry.builder().addAll(fs.toolkit().tools()).build();
  }

  /** Schema, validator, then execute: what a proposal goes through in the loop. */
  Result call(String tool, String json) {
    JsonValue args = JsonValue.parse(json);
    List<SchemaViolation> violations = registry.validate(tool, args);
    if (!violations.isEmpty()) {
      return Result.failure(ErrorCodes.INVALID_ARGUMENTS, violations.get(0).message());
    }
    Verdict verdict = validate(tool, args);
    if (verdict instanceof Verdict.Deny deny) {
      return deny.toFailure();
    }
    return execute(tool, json);
  }

  /** Like {@link #call}, with single quotes in {@code template} turned into double quotes. */
  Result run(String tool, String template) {
    return call(tool, template.replace('\'', '"'));
  }

  /** Runs only the validator. */
  Verdict validate(String tool, JsonValue args) {
    return fs.toolkit()
        .validators()
        .get(0)
        .check(
            Decision.propose(tool, args, "test"),
            new ValidationContext(
                "run", 1, registry, RunStats.builder(Instant.now()).build(), Instant.now()));
  }

  /** Calls the tool directly, as if a validator had been skipped. */
  Result execute(String tool, String json) {
    return tool(tool).execute(new ToolCall(tool, JsonValue.parse(json), "test"), context());
  }

  Optional<JsonValue> preview(String tool, String json) {
    return tool(tool).preview(new ToolCall(tool, JsonValue.parse(json), "test"), context());
  }

  Tool tool(String name) {
    return registry.find(name).orElseThrow();
  }

  static ToolContext context() {
    return new ToolContext(
        "run", 1, Instant.now().plusSeconds(60), CancellationToken.create(), Clock.systemUTC());
  }

  /** Returns the success's result, failing the test with the error otherwise. */
  static JsonValue ok(Result result) {
    if (result instanceof Result.Success success) {
      return success.result();
    }
    throw new AssertionError("expected success but got " + result);
  }

  /** Returns the failure's code, or "SUCCESS". */
  static String code(Result result) {
    return result instanceof Result.Failure failure ? failure.code() : "SUCCESS";
  }

  /** Returns a JSON string literal for {@code text}. */
  static String quote(String text) {
    return JsonValue.from(text).toJson();
  }
}
