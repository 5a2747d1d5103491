package dev.xct.core.tool;

import dev.xct.core.JsonValue;
import dev.xct.core.internal.json.Hashes;
import dev.xct.core.protocol.Result;
import java.util.Optional;

/**
 * Executes one kind of action deterministically, and describes itself to the model and to the
 * validators. Tools are the only place where state changes in an XCT system.
 *
 * <p>The loop calls {@link #execute} exactly once per allowed proposal, after every validator has
 * allowed it and the arguments have matched {@link ToolSpec#inputSchema()}. Implementations should
 * report expected problems as {@link Result.Failure} values with a stable code; anything they throw
 * becomes a {@code TOOL_CRASHED} failure (logged with its stack trace, never shown to the model).
 * They should honour {@link ToolContext#deadline()} and {@link ToolContext#cancellation()}.
 *
 * <p>Implementations must be thread-safe: one instance serves every run of a loop.
 */
public interface Tool {

  /** Returns the tool's name, description, input schema and hints; the same value on every call. */
  ToolSpec spec();

  /** Performs the call and reports its outcome as data. */
  Result execute(ToolCall call, ToolContext context);

  /**
   * Describes what {@link #execute} would change, without changing anything, so that an {@link
   * dev.xct.core.validate.Approver} can show it to a person (for a file write: a diff). Must be
   * free of side effects. The default describes nothing.
   */
  default Optional<JsonValue> preview(ToolCall call, ToolContext context) {
    return Optional.empty();
  }

  /**
   * Returns a short text that changes whenever what {@link #preview} showed a person no longer
   * holds (for a file tool: the hash of the target's content), without changing anything. A
   * deferred approval records it when the question is asked and compares it again before the
   * approved call runs; if they differ the approval is void and nothing runs. The default hashes
   * the preview (the SHA-256 of its canonical JSON), and is empty when there is no preview.
   */
  default Optional<String> fingerprint(ToolCall call, ToolContext context) {
    return preview(call, context).map(preview -> Hashes.sha256(preview.toCanonicalJson()));
  }

  /**
   * Finds out, without changing anything, what became of an earlier {@code call} whose outcome a
   * crash left unknown (for a file write: whether the file now holds the content). When a resumed
   * run cannot re-run such a call, the loop calls this once and passes what it returns to the model
   * under {@code "check"} in the {@code OUTCOME_UNKNOWN} error's details. Must be free of side
   * effects and quick; it runs under the tool's timeout. The default knows nothing.
   */
  default Optional<JsonValue> checkOutcome(ToolCall call, ToolContext context) {
    return Optional.empty();
  }
}
