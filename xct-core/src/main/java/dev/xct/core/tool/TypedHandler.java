package dev.xct.core.tool;

import dev.xct.core.protocol.Result;

/**
 * Performs a tool call whose arguments are already bound to a record; the behaviour half of a tool
 * made with {@link Tools#typed}.
 *
 * <p>Report expected problems as {@link Result.Failure} values with a stable code; anything thrown
 * becomes a {@code TOOL_CRASHED} failure. Implementations must be thread-safe.
 *
 * @param <A> the record the arguments bind to
 */
@FunctionalInterface
public interface TypedHandler<A extends Record> {
  /** Performs the call and reports its outcome as data. */
  Result execute(A arguments, ToolContext context);
}
