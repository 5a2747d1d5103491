package dev.xct.cli.internal.agent;

import dev.xct.core.ModelClient;
import dev.xct.core.ModelReply;
import dev.xct.core.ModelRequest;
import dev.xct.core.XctException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Plays recorded replies back, one per request, and fails the run, as a real model that stops
 * answering would, when they run out. Thread-safe; one instance serves one run.
 */
public final class RecordedModel implements ModelClient {
  private final List<String> replies;
  private final String source;
  private final AtomicInteger next = new AtomicInteger();

  /** Plays {@code replies}, read from {@code source}. */
  public RecordedModel(List<String> replies, String source) {
    this.replies = List.copyOf(replies);
    this.source = source;
  }

  @Override
  public boolean honoursCancellation() {
    return true; // it answers at once, from memory
  }

  @Override
  public ModelReply next(ModelRequest request) {
    int index = next.getAndIncrement();
    if (index >= replies.size()) {
      throw new XctException(
          source + " ran out after " + replies.size() + " replies without the model saying done");
    }
    return ModelReply.of(replies.get(index));
  }
}
