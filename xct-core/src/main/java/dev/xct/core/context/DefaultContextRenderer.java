package dev.xct.core.context;

import dev.xct.core.Step;
import dev.xct.core.XctException;
import dev.xct.core.internal.collect.AppendOnlyList;
import dev.xct.core.internal.context.ContextText;
import dev.xct.core.internal.context.RenderedSteps;
import dev.xct.core.tool.ToolSpec;
import java.util.List;
import java.util.function.Supplier;

/**
 * Renders the context as chat messages: one system message (the protocol and the tool catalog with
 * schemas and hints), one user message with the task, then for every step the model's reply as an
 * assistant message and the system's labelled response as a user message:
 *
 * <pre>{"step":3,"tool":"fs.write","response":{"status":"error","code":"PATH_OUTSIDE_ROOT",…}}
 * </pre>
 *
 * <p><b>Context budget.</b> The system and task messages are always sent. Steps are added from the
 * newest backwards while the total stays within {@link Builder#maxChars(int)}; the oldest steps
 * that do not fit are replaced by one line in the task message saying how many were omitted and how
 * many of them failed. A single reply longer than {@link Builder#maxReplyChars(int)} is cut and
 * marked. Rendering cost is therefore bounded by the budget, not by the length of the run.
 *
 * <p>Thread-safe, and immutable as far as callers can tell: one renderer serves every run of a loop
 * at once. It remembers the system prompt of the last tool catalog it rendered, which a loop passes
 * unchanged on every step, and, for the transcript of a run in progress, each step's rendered
 * messages, so that a step costs what its own messages cost, not the whole kept window. Those are
 * kept with the run's transcript, not in the renderer: each run has its own, nothing is kept once
 * the run has ended, and any other list is rendered from scratch.
 */
public final class DefaultContextRenderer implements ContextRenderer {
  private static final DefaultContextRenderer DEFAULT = builder().build();

  private final int maxChars;
  private final int maxReplyChars;
  private final Supplier<RenderedSteps> fresh;

  /** The last catalog rendered: a loop passes the same immutable list on every step. */
  private volatile Prompt lastPrompt;

  private DefaultContextRenderer(Builder builder) {
    this.maxChars = builder.maxChars;
    this.maxReplyChars = builder.maxReplyChars;
    this.fresh = () -> new RenderedSteps(maxReplyChars);
  }

  /** Returns the renderer with default limits (120,000 characters, 8,000 per reply). */
  public static DefaultContextRenderer create() {
    return DEFAULT;
  }

  /** Returns a builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public List<ChatMessage> render(String task, List<ToolSpec> tools, List<Step> transcript) {
    // The run's transcript remembers what this renderer rendered for it; another thread rendering
    // the same transcript at the same moment renders from scratch instead of waiting.
    RenderedSteps memo = AppendOnlyList.memo(transcript, this, fresh);
    if (memo == null || !memo.claim()) {
      return render(task, tools, transcript, fresh.get());
    }
    try {
      return render(task, tools, transcript, memo);
    } finally {
      memo.release();
    }
  }

  private List<ChatMessage> render(
      String task, List<ToolSpec> tools, List<Step> transcript, RenderedSteps texts) {
    texts.follow(transcript);
    ChatMessage system = systemPrompt(tools);
    int used = system.content().length() + task.length() + ContextText.TASK_PREFIX.length();
    int firstKept = transcript.size();
    while (firstKept > 0) {
      int cost = texts.cost(firstKept - 1, transcript.get(firstKept - 1));
      if (used + cost + ContextText.ELISION_RESERVE > maxChars) {
        break;
      }
      used += cost;
      firstKept--;
    }
    // Filled in place and copied once into the immutable list, which the request keeps as it is.
    ChatMessage[] messages = new ChatMessage[2 * (transcript.size() - firstKept) + 2];
    messages[0] = system;
    String elision =
        firstKept == 0
            ? ""
            : ContextText.elision(firstKept, texts.failedBefore(firstKept, transcript));
    messages[1] = texts.task(task, elision);
    for (int i = firstKept, at = 2; i < transcript.size(); i++, at += 2) {
      texts.put(i, transcript.get(i), messages, at);
    }
    return List.of(messages);
  }

  private ChatMessage systemPrompt(List<ToolSpec> tools) {
    Prompt cached = lastPrompt;
    if (cached != null && (cached.tools() == tools || cached.tools().equals(tools))) {
      return cached.message();
    }
    // List.copyOf keeps an immutable list as is, so the next step hits the identity check.
    Prompt fresh =
        new Prompt(List.copyOf(tools), ChatMessage.system(ContextText.systemPrompt(tools)));
    lastPrompt = fresh;
    return fresh.message();
  }

  /** A rendered system prompt and the catalog it was rendered from. */
  private record Prompt(List<ToolSpec> tools, ChatMessage message) {}

  /** Configures a {@link DefaultContextRenderer}. Not thread-safe. */
  public static final class Builder {
    private int maxChars = 120_000;
    private int maxReplyChars = 8_000;

    private Builder() {}

    /**
     * Sets the context budget in characters (roughly four per token for English text).
     *
     * @throws XctException if below 1,000
     */
    public Builder maxChars(int maxChars) {
      if (maxChars < 1_000) {
        throw new XctException("maxChars must be at least 1000, was: " + maxChars);
      }
      this.maxChars = maxChars;
      return this;
    }

    /**
     * Sets the most characters of one model reply repeated back to the model.
     *
     * @throws XctException if below 100
     */
    public Builder maxReplyChars(int maxReplyChars) {
      if (maxReplyChars < 100) {
        throw new XctException("maxReplyChars must be at least 100, was: " + maxReplyChars);
      }
      this.maxReplyChars = maxReplyChars;
      return this;
    }

    /** Returns the renderer. */
    public DefaultContextRenderer build() {
      return new DefaultContextRenderer(this);
    }
  }
}
