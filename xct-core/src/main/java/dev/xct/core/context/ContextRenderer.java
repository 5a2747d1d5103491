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

  /**
   * Returns the messages for the next model call. The loop calls it once per step, on the run's
   * thread, with the same task and tools each time and a transcript that only grows; an
   * implementation that wants to avoid rendering earlier steps again remembers them itself (as
   * {@link DefaultContextRenderer} does), since one renderer serves every run of a loop at once.
   */
  List<ChatMessage> render(String task, List<ToolSpec> tools, List<Step> transcript);
}
