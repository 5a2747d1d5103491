package dev.xct.benchmarks.context;

import dev.xct.core.Step;
import dev.xct.core.context.ChatMessage;
import dev.xct.core.context.ContextRenderer;
import dev.xct.core.internal.context.ContextText;
import dev.xct.core.tool.ToolSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * XCT's default renderer before issue 17, kept here to compare against: steps are added from the
 * newest backwards while they fit the budget, and the task message says how many older ones were
 * omitted. Once the budget fills, every step drops the oldest step and rewrites that note, so the
 * reusable prefix shrinks to the system message. Same texts as today's renderer (its system prompt
 * has one line more, about masking); only the choice of steps differs. Not thread-safe-critical:
 * stateless.
 */
final class SlidingWindowRenderer implements ContextRenderer {
  private final int maxChars;
  private final int maxReplyChars;

  SlidingWindowRenderer(int maxChars, int maxReplyChars) {
    this.maxChars = maxChars;
    this.maxReplyChars = maxReplyChars;
  }

  @Override
  public List<ChatMessage> render(String task, List<ToolSpec> tools, List<Step> transcript) {
    ChatMessage system = ChatMessage.system(ContextText.systemPrompt(tools));
    int used = system.content().length() + task.length() + ContextText.TASK_PREFIX.length();
    List<ChatMessage> kept = new ArrayList<>();
    int firstKept = transcript.size();
    while (firstKept > 0) {
      Step step = transcript.get(firstKept - 1);
      String reply = ContextText.reply(step, maxReplyChars);
      String response = ContextText.response(step);
      int cost = reply.length() + response.length();
      if (used + cost + ContextText.ELISION_RESERVE > maxChars) {
        break;
      }
      used += cost;
      kept.add(ChatMessage.user(response));
      kept.add(ChatMessage.assistant(reply));
      firstKept--;
    }
    int failed = 0;
    for (int i = 0; i < firstKept; i++) {
      failed += transcript.get(i).failed() ? 1 : 0;
    }
    List<ChatMessage> messages = new ArrayList<>(kept.size() + 2);
    messages.add(system);
    messages.add(
        ChatMessage.user(ContextText.TASK_PREFIX + task + ContextText.elision(firstKept, failed)));
    for (int i = kept.size() - 1; i >= 0; i--) {
      messages.add(kept.get(i));
    }
    return List.copyOf(messages);
  }
}
