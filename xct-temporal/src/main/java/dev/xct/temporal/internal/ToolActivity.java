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

  /**
   * Returns the tool's preview of the call ({@code fingerprint} false) or its fingerprint of the
   * call's target (true), without running it; what the tool throws is data, never an activity
   * failure.
   */
  @ActivityMethod(name = "XctToolLook")
  ToolLook look(ToolAsk ask, boolean fingerprint);
}
