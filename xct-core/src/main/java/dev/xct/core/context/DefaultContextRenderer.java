package dev.xct.core.context;

import dev.xct.core.Step;
import dev.xct.core.XctException;
import dev.xct.core.internal.collect.AppendOnlyList;
import dev.xct.core.internal.context.Compaction;
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
 * <p><b>Append-only between compactions.</b> Each request's messages are the previous request's
 * plus the new step's two, so a provider's prompt cache can reuse everything already sent, except
 * at two kinds of compaction point, both rare and batched:
 *
 * <ul>
 *   <li><b>Masking</b>: once every {@link Builder#recentSteps(int) recentSteps} steps (default 10),
 *       the successful results of a whole batch of steps that have left the recent window are
 *       replaced by a one-line stub, {@code {"step":N,"tool":…,"response":{"status":"success",
 *       "masked":"2345 characters"}}}. The last {@code recentSteps} to {@code 2 × recentSteps − 1}
 *       steps are always verbatim; the model's replies and every error stay in full.
 *   <li><b>Draining</b>: when the context would exceed {@link Builder#maxChars(int) maxChars}, the
 *       oldest steps are dropped at once until the steps fill at most half the room left after the
 *       system and task messages, and one line appended to the task message says how many were
 *       omitted and how many of them failed.
 * </ul>
 *
 * <p>Nothing that changes from step to step is written before the newest step. Where the last
 * compaction happened depends only on the transcript, so rendering is deterministic, and the
 * context never exceeds the budget unless the system and task messages alone do. A single reply
 * longer than {@link Builder#maxReplyChars(int)} is cut and marked.
 *
 * <p>Thread-safe, and immutable as far as callers can tell: one renderer serves every run of a loop
 * at once. It remembers the system prompt of the last tool catalog it rendered, which a loop passes
 * unchanged on every step, and, for the transcript of a run in progress, each step's rendered
 * messages and where it compacted, so that a step costs what its own messages cost. Those are kept
 * with the run's transcript, not in the renderer: each run has its own, nothing is kept once the
 * run has ended, and any other list is rendered from scratch (in time linear in its length).
 */
public final class DefaultContextRenderer implements ContextRenderer {
  private static final DefaultContextRenderer DEFAULT = builder().build();

  private final Compaction rule;
  private final Supplier<RenderedSteps> fresh;

  /** The last catalog rendered: a loop passes the same immutable list on every step. */
  private volatile Prompt lastPrompt;

  private DefaultContextRenderer(Builder builder) {
    this.rule = new Compaction(builder.maxChars, builder.maxReplyChars, builder.recentSteps);
    this.fresh = () -> new RenderedSteps(rule);
  }

  /**
   * Returns the renderer with default limits (120,000 characters, 8,000 per reply, the last 10
   * steps verbatim).
   */
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
    ChatMessage system = systemPrompt(tools);
    long fixed =
        (long) system.content().length()
            + ContextText.TASK_PREFIX.length()
            + task.length()
            + ContextText.ELISION_RESERVE;
    texts.follow(transcript, fixed);
    int firstKept = texts.firstKept();
    // Filled in place and copied once into the immutable list, which the request keeps as it is.
    ChatMessage[] messages = new ChatMessage[2 * (transcript.size() - firstKept) + 2];
    messages[0] = system;
    messages[1] = texts.task(task);
    for (int i = firstKept, at = 2; i < transcript.size(); i++, at += 2) {
      texts.put(i, messages, at);
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
    private int recentSteps = 10;

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

    /**
     * Sets how many of the latest steps are always shown verbatim; older successful results are
     * masked, a batch of this many at a time. The default, 10, is the window of the last ten turns
     * with which observation masking halved the cost of coding agents without lowering their solve
     * rate ("The Complexity Trap", JetBrains and TUM, 2025). {@code Integer.MAX_VALUE} turns
     * masking off.
     *
     * @throws XctException if below 1
     */
    public Builder recentSteps(int recentSteps) {
      if (recentSteps < 1) {
        throw new XctException("recentSteps must be at least 1, was: " + recentSteps);
      }
      this.recentSteps = recentSteps;
      return this;
    }

    /** Returns the renderer. */
    public DefaultContextRenderer build() {
      return new DefaultContextRenderer(this);
    }
  }
}
