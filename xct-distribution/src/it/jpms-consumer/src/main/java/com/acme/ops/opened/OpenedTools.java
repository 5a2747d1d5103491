package com.acme.ops.opened;

import dev.xct.core.protocol.Result;
import dev.xct.core.tool.Tools;
import dev.xct.core.tool.TypedTool;

/** Builds a tool whose package-private record lives in a package open to Jackson and XCT. */
public final class OpenedTools {
  private OpenedTools() {}

  /** Returns {@code ops.echo}, which answers with the arguments it was given. */
  public static TypedTool<?> echo() {
    return Tools.typed(
        "ops.echo", "Echoes its arguments", OpenedArgs.class, (a, c) -> Result.success(a));
  }
}
