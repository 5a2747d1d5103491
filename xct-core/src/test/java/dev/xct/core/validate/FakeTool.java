package dev.xct.core.validate;

import dev.xct.core.JsonValue;
import dev.xct.core.protocol.Result;
import dev.xct.core.tool.Tool;
import dev.xct.core.tool.ToolCall;
import dev.xct.core.tool.ToolContext;
import dev.xct.core.tool.ToolSpec;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiFunction;

/** A real tool for validator tests: records execute calls and previews with a given function. */
final class FakeTool implements Tool {
  private final ToolSpec spec;
  private final BiFunction<ToolCall, ToolContext, Optional<JsonValue>> preview;
  final List<ToolContext> previewContexts = new CopyOnWriteArrayList<>();
  final List<ToolCall> executed = new CopyOnWriteArrayList<>();

  private FakeTool(ToolSpec spec, BiFunction<ToolCall, ToolContext, Optional<JsonValue>> preview) {
    this.spec = spec;
    this.preview = preview;
  }

  /** A tool that changes state but is not destructive, and has no preview. */
  static FakeTool plain(String name) {
    return new FakeTool(ToolSpec.builder(name).build(), (call, context) -> Optional.empty());
  }

  /** A destructive tool without a preview. */
  static FakeTool destructive(String name) {
    return new FakeTool(
        ToolSpec.builder(name).destructive().build(), (call, context) -> Optional.empty());
  }

  /** A destructive tool whose preview is computed by {@code preview}. */
  static FakeTool destructive(
      String name, BiFunction<ToolCall, ToolContext, Optional<JsonValue>> preview) {
    return new FakeTool(ToolSpec.builder(name).destructive().build(), preview);
  }

  @Override
  public ToolSpec spec() {
    return spec;
  }

  @Override
  public Result execute(ToolCall call, ToolContext context) {
    executed.add(call);
    return Result.success(JsonValue.emptyObject());
  }

  @Override
  public Optional<JsonValue> preview(ToolCall call, ToolContext context) {
    previewContexts.add(context);
    return preview.apply(call, context);
  }
}
