package dev.xct.test;

import dev.xct.core.protocol.Result;
import dev.xct.core.tool.Tool;
import dev.xct.core.tool.ToolCall;
import dev.xct.core.tool.ToolContext;
import dev.xct.core.tool.ToolSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;

/**
 * Records every call it receives and answers with a fixed result or a function of the call. Use it
 * to assert that a tool ran exactly once, or never.
 *
 * <p>Thread-safe.
 */
public final class RecordingTool implements Tool {
  private final ToolSpec spec;
  private final BiFunction<ToolCall, ToolContext, Result> behaviour;
  private final List<ToolCall> calls = new ArrayList<>();

  private RecordingTool(ToolSpec spec, BiFunction<ToolCall, ToolContext, Result> behaviour) {
    this.spec = Objects.requireNonNull(spec, "spec");
    this.behaviour = Objects.requireNonNull(behaviour, "behaviour");
  }

  /** Returns a tool that answers every call with {@code result}. */
  public static RecordingTool returning(ToolSpec spec, Result result) {
    Objects.requireNonNull(result, "result");
    return new RecordingTool(spec, (call, context) -> result);
  }

  /** Returns a tool that answers with {@code behaviour} (which may throw, to test crashes). */
  public static RecordingTool answering(
      ToolSpec spec, BiFunction<ToolCall, ToolContext, Result> behaviour) {
    return new RecordingTool(spec, behaviour);
  }

  @Override
  public ToolSpec spec() {
    return spec;
  }

  @Override
  public Result execute(ToolCall call, ToolContext context) {
    synchronized (this) {
      calls.add(call);
    }
    return behaviour.apply(call, context);
  }

  /** Returns every call received, in order. */
  public synchronized List<ToolCall> calls() {
    return List.copyOf(calls);
  }

  /** Returns how many calls were received. */
  public synchronized int callCount() {
    return calls.size();
  }
}
