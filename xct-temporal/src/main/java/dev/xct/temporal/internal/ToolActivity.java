package dev.xct.temporal.internal;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/** Runs one validated tool call with the user's tool. */
@ActivityInterface
public interface ToolActivity {
  /**
   * Runs the call once and returns its outcome as a {@code tool_finished} journal line: every
   * outcome of the tool (a result, a crash, a timeout) is data, never an activity failure.
   */
  @ActivityMethod(name = "XctTool")
  String execute(ToolAsk ask);
}
