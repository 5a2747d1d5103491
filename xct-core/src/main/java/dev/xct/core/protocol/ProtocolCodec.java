package dev.xct.core.protocol;

import dev.xct.core.JsonValue;
import dev.xct.core.XctException;
import dev.xct.core.internal.ReplyDecoder;
import dev.xct.core.internal.WireEncoder;

/**
 * Translates between wire text and protocol values: the model's raw reply into a {@link Decision},
 * and a {@link Result} into the JSON the model reads back.
 *
 * <p>Decoding is strict by default: exactly one JSON object holding exactly one of the two decision
 * shapes, no duplicate keys, no unknown members, no trailing content, no NaN, bounded size and
 * depth. Leniency (stripping one markdown code fence) is an explicit opt-in. Bad input never
 * throws: {@link #decode(String)} returns a {@link DecodeResult.Invalid} with a code from {@link
 * ErrorCodes}.
 *
 * <p>Immutable and thread-safe; build once and share.
 */
public final class ProtocolCodec {
  /** Default maximum reply length, in characters. */
  public static final int DEFAULT_MAX_CHARS = 256 * 1024;

  /** Default maximum nesting depth of the reply. */
  public static final int DEFAULT_MAX_DEPTH = 64;

  private static final ProtocolCodec STRICT = builder().build();

  private final int maxChars;
  private final int maxDepth;
  private final boolean stripCodeFence;
  private final ReplyDecoder decoder;

  private ProtocolCodec(Builder builder) {
    this.maxChars = builder.maxChars;
    this.maxDepth = builder.maxDepth;
    this.stripCodeFence = builder.stripCodeFence;
    this.decoder = new ReplyDecoder(maxChars, maxDepth, stripCodeFence);
  }

  /** Returns the strict codec with default limits. */
  public static ProtocolCodec strict() {
    return STRICT;
  }

  /** Returns a builder starting from the strict defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** Decodes one raw model reply; never throws for any input, including {@code null}. */
  public DecodeResult decode(String raw) {
    return decoder.decode(raw);
  }

  /**
   * Returns the wire form of a result: {@code {"status":"success","result":…}} or {@code
   * {"status":"error","code":…,"message":…,"details":…}} (details omitted when empty).
   */
  public JsonValue toWire(Result result) {
    return WireEncoder.toWire(result);
  }

  /** Returns {@link #toWire(Result)} as compact JSON text. */
  public String encode(Result result) {
    return toWire(result).toJson();
  }

  /** Returns the canonical wire form of a decision, as a well-behaved model would have sent it. */
  public String encode(Decision decision) {
    return WireEncoder.toWire(decision).toJson();
  }

  /** Returns the maximum reply length in characters. */
  public int maxChars() {
    return maxChars;
  }

  /** Returns the maximum nesting depth. */
  public int maxDepth() {
    return maxDepth;
  }

  /** Returns whether one surrounding markdown code fence is stripped before decoding. */
  public boolean stripsCodeFence() {
    return stripCodeFence;
  }

  /** Configures a {@link ProtocolCodec}. Not thread-safe; {@link #build()} copies its state. */
  public static final class Builder {
    private int maxChars = DEFAULT_MAX_CHARS;
    private int maxDepth = DEFAULT_MAX_DEPTH;
    private boolean stripCodeFence;

    private Builder() {}

    /**
     * Sets the maximum reply length in characters.
     *
     * @throws XctException if not positive
     */
    public Builder maxChars(int maxChars) {
      if (maxChars <= 0) {
        throw new XctException("maxChars must be positive, was: " + maxChars);
      }
      this.maxChars = maxChars;
      return this;
    }

    /**
     * Sets the maximum nesting depth of the reply (the decision object itself is depth 1).
     *
     * @throws XctException if below 3, the depth of a proposal with empty arguments
     */
    public Builder maxDepth(int maxDepth) {
      if (maxDepth < 3) {
        throw new XctException("maxDepth must be at least 3, was: " + maxDepth);
      }
      this.maxDepth = maxDepth;
      return this;
    }

    /**
     * Opts in to stripping one markdown code fence (```` ```json … ``` ````) around the reply. Off
     * by default: a model that wraps its reply is told so and can correct itself.
     */
    public Builder stripCodeFence(boolean strip) {
      this.stripCodeFence = strip;
      return this;
    }

    /** Returns a new immutable codec. */
    public ProtocolCodec build() {
      return new ProtocolCodec(this);
    }
  }
}
