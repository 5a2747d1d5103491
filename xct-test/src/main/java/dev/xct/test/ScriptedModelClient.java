package dev.xct.test;

import dev.xct.core.ModelClient;
import dev.xct.core.ModelReply;
import dev.xct.core.ModelRequest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Plays a model from a script: each call returns the next scripted reply, verbatim, and every
 * request is recorded for assertions. A reply may also be computed from the request (to echo a run
 * id or react to the last result).
 *
 * <p>When the script runs out, the next call throws {@link IllegalStateException} naming how many
 * replies were scripted, so the loop ends the run with {@code MODEL_FAILED} instead of hanging.
 *
 * <p>Thread-safe, but a script is one sequence: give each concurrent run its own client.
 */
public final class ScriptedModelClient implements ModelClient {
  private final List<Function<ModelRequest, String>> script;
  private final List<ModelRequest> requests = new ArrayList<>();

  private ScriptedModelClient(List<Function<ModelRequest, String>> script) {
    this.script = List.copyOf(script);
  }

  /** Returns a client replying with {@code replies}, one per call, in order. */
  public static ScriptedModelClient of(String... replies) {
    return of(Arrays.asList(replies));
  }

  /** Returns a client replying with {@code replies}, one per call, in order. */
  public static ScriptedModelClient of(List<String> replies) {
    List<Function<ModelRequest, String>> script = new ArrayList<>();
    for (String reply : replies) {
      Objects.requireNonNull(reply, "scripted reply");
      script.add(request -> reply);
    }
    return new ScriptedModelClient(script);
  }

  /** Returns a builder mixing fixed and computed replies. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public boolean honoursCancellation() {
    return true; // it answers at once
  }

  @Override
  public synchronized ModelReply next(ModelRequest request) {
    int index = requests.size();
    requests.add(request);
    if (index >= script.size()) {
      throw new IllegalStateException(
          "scripted model ran out of replies: "
              + script.size()
              + " scripted, call "
              + (index + 1)
              + " asked for another");
    }
    return ModelReply.of(script.get(index).apply(request));
  }

  /** Returns every request received so far, in order. */
  public synchronized List<ModelRequest> requests() {
    return List.copyOf(requests);
  }

  /** Returns how many scripted replies have not been used yet. */
  public synchronized int remaining() {
    return Math.max(0, script.size() - requests.size());
  }

  /** Builds a {@link ScriptedModelClient}. Not thread-safe. */
  public static final class Builder {
    private final List<Function<ModelRequest, String>> script = new ArrayList<>();

    private Builder() {}

    /** Appends a fixed reply. */
    public Builder reply(String reply) {
      Objects.requireNonNull(reply, "reply");
      script.add(request -> reply);
      return this;
    }

    /** Appends a reply computed from the request it answers. */
    public Builder reply(Function<ModelRequest, String> reply) {
      script.add(Objects.requireNonNull(reply, "reply"));
      return this;
    }

    /** Appends the same reply {@code times} times. */
    public Builder repeat(String reply, int times) {
      for (int i = 0; i < times; i++) {
        reply(reply);
      }
      return this;
    }

    /** Returns the client. */
    public ScriptedModelClient build() {
      return new ScriptedModelClient(script);
    }
  }
}
