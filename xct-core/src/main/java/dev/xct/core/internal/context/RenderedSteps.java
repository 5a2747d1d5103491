package dev.xct.core.internal.context;

import dev.xct.core.Step;
import dev.xct.core.context.ChatMessage;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Holds what {@link dev.xct.core.context.DefaultContextRenderer} rendered for each step of a
 * transcript and which of them it still sends. It replays the transcript one step at a time, as the
 * run saw it grow, because where the context was last compacted depends on every earlier step:
 * after each step it masks whole batches of old results ({@link Compaction#maskedBefore}) and, when
 * the budget overflows, drops the oldest steps down to {@link Compaction#lowWater}. Rendering a
 * list from scratch and following a live run therefore give the same messages.
 *
 * <p>A render of a transcript that is not a live run's uses a fresh one; a run's transcript keeps
 * one as its memo, which starts again if the transcript it is given is not the one it saw grow.
 * Used by one thread at a time: a thread {@linkplain #claim() claims} a shared one before use and
 * {@linkplain #release() releases} it after, which also hands over what it wrote.
 */
public final class RenderedSteps {
  private final AtomicBoolean busy = new AtomicBoolean();
  private final Compaction rule;
  private Step[] steps;
  private ChatMessage[] replies;
  private ChatMessage[] responses;
  private ChatMessage[] stubs;
  private boolean[] failed;
  private long[] fullSum;
  private long[] maskedSum;
  private int seen;
  private Step last;
  private long fixed = -1;
  private int firstKept;
  private int failedDropped;
  private int freedBelow;
  private String lastTask;
  private int noteFor;
  private ChatMessage taskMessage;

  /** Starts with nothing rendered, compacting by {@code rule}. */
  public RenderedSteps(Compaction rule) {
    this.rule = rule;
    reset(-1);
  }

  /** Returns whether the calling thread may use this now; if so, it must {@link #release()} it. */
  public boolean claim() {
    return !busy.get() && busy.compareAndSet(false, true);
  }

  /** Lets another thread claim this. */
  public void release() {
    busy.set(false);
  }

  /**
   * Brings this up to {@code transcript}, whose system and task messages take {@code fixed}
   * characters (with room for the elision note); starts again if either is not what it saw.
   */
  public void follow(List<Step> transcript, long fixed) {
    int n = transcript.size();
    if (fixed != this.fixed || n < seen || (seen > 0 && transcript.get(seen - 1) != last)) {
      reset(fixed);
    }
    while (seen < n) {
      add(transcript.get(seen));
    }
  }

  /** Returns the index of the first step still sent. */
  public int firstKept() {
    return firstKept;
  }

  /** Puts step {@code i}'s two messages, as sent now, into {@code out} at {@code at} and next. */
  public void put(int i, ChatMessage[] out, int at) {
    out[at] = replies[i];
    out[at + 1] = i < freedBelow ? stubs[i] : responses[i];
  }

  /**
   * Returns the task message, with the note on the steps no longer sent; the same instance while
   * the task and the first step kept stay.
   */
  public ChatMessage task(String task) {
    if (task != lastTask || firstKept != noteFor) {
      lastTask = task;
      noteFor = firstKept;
      taskMessage =
          ChatMessage.user(
              ContextText.TASK_PREFIX + task + ContextText.elision(firstKept, failedDropped));
    }
    return taskMessage;
  }

  private void reset(long fixed) {
    this.fixed = fixed;
    steps = new Step[16];
    replies = new ChatMessage[16];
    responses = new ChatMessage[16];
    stubs = new ChatMessage[16];
    failed = new boolean[16];
    fullSum = new long[17];
    maskedSum = new long[17];
    seen = firstKept = failedDropped = freedBelow = 0;
    last = null;
    lastTask = null;
  }

  private void add(Step step) {
    int i = seen;
    if (i == replies.length) {
      int size = 2 * i;
      steps = Arrays.copyOf(steps, size);
      replies = Arrays.copyOf(replies, size);
      responses = Arrays.copyOf(responses, size);
      stubs = Arrays.copyOf(stubs, size);
      failed = Arrays.copyOf(failed, size);
      fullSum = Arrays.copyOf(fullSum, size + 1);
      maskedSum = Arrays.copyOf(maskedSum, size + 1);
    }
    steps[i] = step;
    replies[i] = ChatMessage.assistant(ContextText.reply(step, rule.maxReplyChars()));
    responses[i] = ChatMessage.user(ContextText.response(step));
    failed[i] = step.failed();
    fullSum[i + 1] = fullSum[i] + replies[i].content().length() + responses[i].content().length();
    seen = i + 1;
    last = step;
    compact();
  }

  /** Masks the batches due at {@link #seen} steps, then drains the budget if it overflowed. */
  private void compact() {
    int masked = rule.maskedBefore(seen);
    for (; freedBelow < masked; freedBelow++) {
      mask(freedBelow);
    }
    long total = fixed + cost(firstKept, seen);
    if (total <= rule.maxChars()) {
      return;
    }
    long low = rule.lowWater(fixed);
    while (firstKept < seen && total > low) {
      total -= cost(firstKept, firstKept + 1);
      failedDropped += failed[firstKept] ? 1 : 0;
      replies[firstKept] = responses[firstKept] = stubs[firstKept] = null;
      steps[firstKept] = null;
      firstKept++;
    }
  }

  /**
   * Replaces step {@code i}'s response with its stub, made only now, and forgets the full text.
   * Masked costs are needed from the first kept step on; a dropped step's entry is a placeholder.
   */
  private void mask(int i) {
    ChatMessage stub = responses[i];
    if (i >= firstKept) {
      String masked = ContextText.masked(steps[i]);
      stub = masked == null ? responses[i] : ChatMessage.user(masked);
      stubs[i] = stub;
    }
    long cost = stub == null ? 0 : replies[i].content().length() + stub.content().length();
    maskedSum[i + 1] = maskedSum[i] + cost;
    responses[i] = null;
    steps[i] = null;
  }

  /** Returns the characters steps {@code from} to {@code to} (exclusive) take as sent now. */
  private long cost(int from, int to) {
    int split = Math.max(from, Math.min(to, freedBelow));
    return maskedSum[split] - maskedSum[from] + fullSum[to] - fullSum[split];
  }
}
