package dev.xct.core.context;

import dev.xct.core.Step;
import dev.xct.core.tool.ToolSpec;
import java.util.List;

/**
 * Turns what the system knows about a run into the messages sent to the model. Because the model is
 * stateless, this is all it ever sees: the protocol, the tool catalog, the task and the transcript.
 *
 * <p>Implementations must be deterministic (same input, same messages) and thread-safe. Replace
 * {@link DefaultContextRenderer} to change the prompt; the protocol itself does not change.
 */
@FunctionalInterface
public interface ContextRenderer {

  /** Returns the messages for the next model call. */
  List<ChatMessage> render(String task, List<ToolSpec> tools, List<Step> transcript);

  /**
   * Returns the renderer to use for one run. The loop calls it once per run and then renders every
   * step of that run, on the run's thread, with the result: the same task and tools each time and a
   * transcript that only grows. A renderer may therefore return a run-scoped copy that remembers
   * what it rendered for earlier steps instead of rendering them again. The result must render
   * exactly what {@code this} would. The default returns {@code this}.
   */
  default ContextRenderer forRun() {
    return this;
  }
}
