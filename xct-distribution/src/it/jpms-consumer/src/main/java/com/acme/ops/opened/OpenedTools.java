package com.acme.ops.opened;

import dev.xct.core.protocol.Result;
import dev.xct.core.tool.Tools;
import dev.xct.core.tool.TypedTool;

/** Builds a tool whose package-private argument record lives in a package open to Jackson. */
public final class OpenedTools {
  private OpenedTools() {}

  /** Returns {@code ops.echo}, which answers with the name it was given. */
  public static TypedTool<?> echo() {
    return Tools.typed(
        "ops.echo", "Echoes a name", OpenedArgs.class, (a, c) -> Result.success(a.name()));
  }
}
