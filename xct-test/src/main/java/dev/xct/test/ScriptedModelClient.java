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
 * <p>A scripted reply is either text, which the loop decodes as it would a real model's, or a whole
 * {@link ModelReply}: with the {@link dev.xct.core.TokenUsage} the call used, to test token
 * budgets, or {@linkplain ModelReply#rejected rejected} with the fault a model adapter reports for
 * a refusal or a reply cut off at the token limit, to test that the model is told and the run goes
 * on:
 *
 * <pre>{@code
 * TokenUsage usage = new TokenUsage(900, 100);
 * String ping = "{\"next_step\":{\"tool\":\"probe.ping\",\"arguments\":{}}}";
 * ScriptedModelClient model = ScriptedModelClient.builder()
 *     .reply(ModelReply.rejected("I can't help with that", usage,
 *         Result.failure(ErrorCodes.MODEL_REFUSED, "the model refused to answer")))
 *     .repeat(new ModelReply(ping, usage), 5)
 *     .build();
 * }</pre>
 *
 * <p>With {@code xct-model-support} on the class path, {@code
 * ModelFault.refused(text).toReply(usage)} and {@code new Completion(text, "", Finish.LENGTH,
 * List.of(), usage).toReply()} give exactly the replies the adapters give for a refusal and a
 * truncated reply.
 *
 * <p>When the script runs out, the next call throws {@link IllegalStateException} naming how many
 * replies were scripted, so the loop ends the run with {@code MODEL_FAILED} instead of hanging.
 *
 * <p>Thread-safe, but a script is one sequence: give each concurrent run its own client.
 */
public final class ScriptedModelClient implements ModelClient {
  private final List<Function<ModelRequest, ModelReply>> script;
  private final List<ModelRequest> requests = new ArrayList<>();

  private ScriptedModelClient(List<Function<ModelRequest, ModelReply>> script) {
    this.script = List.copyOf(script);
  }

  /** Returns a client replying with {@code replies}, one per call, in order. */
  public static ScriptedModelClient of(String... replies) {
    return of(Arrays.asList(replies));
  }

  /** Returns a client replying with {@code replies}, one per call, in order. */
  public static ScriptedModelClient of(List<String> replies) {
    Builder builder = builder();
    for (String reply : replies) {
      builder.reply(Objects.requireNonNull(reply, "scripted reply"));
    }
    return builder.build();
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
    return script.get(index).apply(request);
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
    private final List<Function<ModelRequest, ModelReply>> script = new ArrayList<>();

    private Builder() {}

    /** Appends a fixed reply text, without token usage. */
    public Builder reply(String reply) {
      return reply(ModelReply.of(Objects.requireNonNull(reply, "reply")));
    }

    /**
     * Appends a fixed reply as a client would return it: text, the tokens it used, and a fault such
     * as {@code MODEL_REFUSED} or {@code OUTPUT_TRUNCATED} if the model is at fault.
     */
    public Builder reply(ModelReply reply) {
      Objects.requireNonNull(reply, "reply");
      script.add(request -> reply);
      return this;
    }

    /** Appends a reply text computed from the request it answers. */
    public Builder reply(Function<ModelRequest, String> reply) {
      Objects.requireNonNull(reply, "reply");
      script.add(request -> ModelReply.of(reply.apply(request)));
      return this;
    }

    /** Appends the same reply text {@code times} times. */
    public Builder repeat(String reply, int times) {
      return repeat(ModelReply.of(Objects.requireNonNull(reply, "reply")), times);
    }

    /** Appends the same reply {@code times} times, usage and fault included. */
    public Builder repeat(ModelReply reply, int times) {
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
