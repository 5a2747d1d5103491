package dev.xct.core;

import dev.xct.core.context.ChatMessage;
import dev.xct.core.internal.Transcript;
import dev.xct.core.tool.ToolSpec;
import java.util.List;
import java.util.Objects;

/**
 * Holds everything the model gets for one decision: the rendered messages, and the structured
 * context they were rendered from (for clients that build their own prompt or derive a response
 * schema from the tool catalog).
 *
 * @param runId the run's id
 * @param step the number of the step this request is for, starting at 1
 * @param task the task the run was given
 * @param tools every registered tool's spec
 * @param transcript the steps so far, in order
 * @param messages the rendered context, ready for a chat API
 */
public record ModelRequest(
    String runId,
    int step,
    String task,
    List<ToolSpec> tools,
    List<Step> transcript,
    List<ChatMessage> messages) {
  /**
   * @throws NullPointerException if a component is null
   */
  public ModelRequest {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(task, "task");
    tools = List.copyOf(tools);
    // The loop passes an immutable snapshot; copying it each step would cost O(run length).
    transcript = Transcript.isSnapshot(transcript) ? transcript : List.copyOf(transcript);
    messages = List.copyOf(messages);
  }
}
