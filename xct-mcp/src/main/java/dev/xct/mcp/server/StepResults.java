package dev.xct.mcp.server;

import dev.xct.core.JsonValue;
import dev.xct.core.Step;
import dev.xct.core.protocol.Result;
import dev.xct.mcp.McpErrorCodes;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns what the run recorded for one step into the {@code tools/call} result the host sees: a
 * success's JSON as text (and as structured content when it is an object), a failure, whoever
 * produced it (a validator, an approval, a budget, the tool), as {@code isError} with XCT's code,
 * message and details both as JSON text and as structured content.
 */
final class StepResults {
  private static final McpJsonMapper MAPPER = McpJsonDefaults.getMapper();

  private StepResults() {}

  /** Returns the result of the call that {@code step} decided. */
  static McpSchema.CallToolResult of(Step step) {
    Result result =
        step.result()
            .orElse(
                Result.failure(
                    McpErrorCodes.MCP_RUN_ENDED, "the run ended instead of deciding the call"));
    if (result instanceof Result.Success success) {
      McpSchema.CallToolResult.Builder builder =
          McpSchema.CallToolResult.builder()
              .isError(false)
              .addTextContent(success.result().toJson());
      if (success.result().isObject()) {
        builder.structuredContent(map(success.result()));
      }
      return builder.build();
    }
    return failure((Result.Failure) result);
  }

  /** Returns {@code failure} as an error result carrying its code, message and details. */
  static McpSchema.CallToolResult failure(Result.Failure failure) {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("code", failure.code());
    error.put("message", failure.message());
    error.put("details", map(failure.details()));
    return McpSchema.CallToolResult.builder()
        .isError(true)
        .addTextContent(JsonValue.from(error).toJson())
        .structuredContent(error)
        .build();
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(JsonValue object) {
    try {
      return MAPPER.readValue(object.toJson(), Map.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
