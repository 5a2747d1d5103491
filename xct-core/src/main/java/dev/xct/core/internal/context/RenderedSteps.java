package dev.xct.core.internal.context;

import dev.xct.core.Step;
import dev.xct.core.context.ChatMessage;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Holds what {@link dev.xct.core.context.DefaultContextRenderer} rendered for each step seen, by
 * index, and how many steps before an index failed. A render of a transcript that is not a live
 * run's uses a fresh one; a run's transcript keeps one as its memo, and it drops it all if the
 * transcript it is given ever stops being the one it saw grow. Used by one thread at a time: a
 * thread {@linkplain #claim() claims} a shared one before use and {@linkplain #release() releases}
 * it after, which also hands over what it wrote.
 */
public final class RenderedSteps {
  private final AtomicBoolean busy = new AtomicBoolean();
  private final int maxReplyChars;
  private Step[] steps = new Step[0];
  private ChatMessage[] replies = new ChatMessage[0];
  private ChatMessage[] responses = new ChatMessage[0];
  private int[] failedBefore = {0};
  private int counted;
  private String lastTask;
  private String lastElision;
  private ChatMessage taskMessage;

  /** Starts with nothing rendered; replies are cut to {@code maxReplyChars}. */
  public RenderedSteps(int maxReplyChars) {
    this.maxReplyChars = maxReplyChars;
  }

  /** Returns whether the calling thread may use this now; if so, it must {@link #release()} it. */
  public boolean claim() {
    return !busy.get() && busy.compareAndSet(false, true);
  }

  /** Lets another thread claim this. */
  public void release() {
    busy.set(false);
  }

  /** Forgets everything unless {@code transcript} still starts with the steps seen so far. */
  public void follow(List<Step> transcript) {
    int n = transcript.size();
    int last = Math.min(n, steps.length) - 1;
    boolean same =
        n >= counted && (last < 0 || steps[last] == null || steps[last] == transcript.get(last));
    if (!same) {
      steps = new Step[0];
      replies = new ChatMessage[0];
      responses = new ChatMessage[0];
      failedBefore = new int[] {0};
      counted = 0;
    }
    if (steps.length < n) {
      int size = Math.max(n, steps.length * 2);
      steps = Arrays.copyOf(steps, size);
      replies = Arrays.copyOf(replies, size);
      responses = Arrays.copyOf(responses, size);
    }
  }

  /** Returns the characters step {@code i} adds to the context. */
  public int cost(int i, Step step) {
    ensure(i, step);
    return replies[i].content().length() + responses[i].content().length();
  }

  /** Puts step {@code i}'s two messages into {@code out} at {@code at} and the next index. */
  public void put(int i, Step step, ChatMessage[] out, int at) {
    ensure(i, step);
    out[at] = replies[i];
    out[at + 1] = responses[i];
  }

  /** Returns the task message; the same instance while the task and the elision stay. */
  public ChatMessage task(String task, String elision) {
    if (task != lastTask || !elision.equals(lastElision)) {
      lastTask = task;
      lastElision = elision;
      taskMessage = ChatMessage.user(ContextText.TASK_PREFIX + task + elision);
    }
    return taskMessage;
  }

  /** Returns how many of the first {@code k} steps failed. */
  public int failedBefore(int k, List<Step> transcript) {
    if (failedBefore.length <= k) {
      failedBefore = Arrays.copyOf(failedBefore, Math.max(k + 1, failedBefore.length * 2));
    }
    for (; counted < k; counted++) {
      boolean failed = transcript.get(counted).failed();
      failedBefore[counted + 1] = failedBefore[counted] + (failed ? 1 : 0);
    }
    return failedBefore[k];
  }

  private void ensure(int i, Step step) {
    if (steps[i] != step) {
      steps[i] = step;
      replies[i] = ChatMessage.assistant(ContextText.reply(step, maxReplyChars));
      responses[i] = ChatMessage.user(ContextText.response(step));
    }
  }
}
