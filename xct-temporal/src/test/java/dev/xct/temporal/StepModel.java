package dev.xct.temporal;

import dev.xct.core.ModelClient;
import dev.xct.core.ModelReply;
import dev.xct.core.ModelRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * Replies by step number, not by call count, so a model activity run again, or run by another
 * worker after a restart, answers the same; records every request. Thread-safe.
 */
final class StepModel implements ModelClient {
  private final List<String> replies;
  private final List<ModelRequest> requests = new ArrayList<>();

  private StepModel(List<String> replies) {
    this.replies = List.copyOf(replies);
  }

  static StepModel of(String... replies) {
    return new StepModel(List.of(replies));
  }

  static String call(String tool, String argumentsJson) {
    return "{\"next_step\":{\"tool\":\"" + tool + "\",\"arguments\":" + argumentsJson + "}}";
  }

  static String done(String message) {
    return "{\"done\":true,\"message\":\"" + message + "\"}";
  }

  @Override
  public synchronized ModelReply next(ModelRequest request) {
    requests.add(request);
    if (request.step() > replies.size()) {
      throw new IllegalStateException("no reply scripted for step " + request.step());
    }
    return ModelReply.of(replies.get(request.step() - 1));
  }

  synchronized List<ModelRequest> requests() {
    return List.copyOf(requests);
  }
}
