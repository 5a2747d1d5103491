package dev.xct.core.protocol;

import dev.xct.core.JsonValue;
import dev.xct.core.XctException;
import dev.xct.core.internal.codec.ReplyDecoder;
import dev.xct.core.internal.codec.WireEncoder;

/**
 * Translates between wire text and protocol values: the model's raw reply into a {@link Decision},
 * and a {@link Result} into the JSON the model reads back. The accepted replies are exactly those
 * that {@link ProtocolSchemas#modelReply()} accepts and that also pass the parse-level rules below;
 * every encoded result matches {@link ProtocolSchemas#systemResponse()}.
 *
 * <p>Decoding is strict by default. A reply is accepted only if it is exactly one JSON object (RFC
 * 8259, leading and trailing white space allowed, one leading byte order mark ignored) that holds
 * exactly one of the two decision shapes:
 *
 * <ul>
 *   <li>{@code {"next_step":{"tool":…,"arguments":{…},"goal":…}}}: {@code tool} a string that is
 *       not blank and has at most {@value #MAX_TOOL_NAME_LENGTH} characters, {@code arguments} an
 *       object, {@code goal} an optional string;
 *   <li>{@code {"done":true,"message":…}}: {@code done} the boolean {@code true}, {@code message}
 *       an optional string.
 * </ul>
 *
 * <p>No other members are allowed at the top level or in {@code next_step}. The codec does not
 * check the tool name against {@link dev.xct.core.tool.ToolSpec#NAME_PATTERN}: a well-formed reply
 * naming a tool that does not exist is the {@code UNKNOWN_TOOL} validator's to answer, with the
 * list of tools the model may use. Rejected at parse level, which no JSON Schema can express:
 * trailing content, duplicate member names at any depth ({@link ErrorCodes#DUPLICATE_KEY}),
 * comments, single quotes, unquoted names, NaN and Infinity, numbers (integers included) beyond a
 * double's range, number literals over {@value #MAX_NUMBER_LENGTH} characters, strings with
 * unpaired surrogates, replies over {@link #maxChars()} characters ({@link
 * ErrorCodes#REPLY_TOO_LARGE}) or nested deeper than {@link #maxDepth()} ({@link
 * ErrorCodes#REPLY_TOO_DEEP}). Integers within the double range (about 1.8e308) are kept exactly,
 * digit for digit, and every decoded number converts to a double without error; numbers with a
 * fraction or exponent are read as doubles, as {@link JsonValue#parse(String)} reads them.
 *
 * <p>Leniency is an explicit opt-in: {@link Builder#stripCodeFence(boolean)} strips one markdown
 * code fence around the reply. Bad input never throws: {@link #decode(String)} returns a {@link
 * DecodeResult.Invalid} with one of the six protocol codes of {@link ErrorCodes} and a message that
 * tells the model how to fix its reply, quoting at most a short fragment of it.
 *
 * <p>Immutable and thread-safe; build once and share.
 */
public final class ProtocolCodec {
  /** Default maximum reply length, in characters (UTF-16 code units). */
  public static final int DEFAULT_MAX_CHARS = 256 * 1024;

  /** Default maximum nesting depth of the reply; the reply object itself is depth 1. */
  public static final int DEFAULT_MAX_DEPTH = 64;

  /** The smallest allowed depth limit: the depth of a proposal with empty arguments. */
  public static final int MIN_MAX_DEPTH = 3;

  /**
   * The largest allowed depth limit. Validators, tools and journals walk decoded arguments
   * recursively, so the codec refuses to admit trees that would overflow their stacks.
   */
  public static final int MAX_MAX_DEPTH = 1000;

  /** The longest tool name the codec accepts, in Unicode code points. */
  public static final int MAX_TOOL_NAME_LENGTH = 200;

  /** The longest number literal the codec accepts, in characters; longer is REPLY_TOO_LARGE. */
  public static final int MAX_NUMBER_LENGTH = 1000;

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

  /** Returns a builder starting from this codec's settings. */
  public Builder toBuilder() {
    return new Builder().maxChars(maxChars).maxDepth(maxDepth).stripCodeFence(stripCodeFence);
  }

  /** Decodes one raw model reply; never throws for any input, including {@code null}. */
  public DecodeResult decode(String raw) {
    return decoder.decode(raw);
  }

  /**
   * Decodes a model client's reply as the loop does: a reply the client already {@link
   * dev.xct.core.ModelReply#rejected rejected} yields its fault, any other is decoded from its
   * text.
   */
  public DecodeResult decodeReply(dev.xct.core.ModelReply reply) {
    return reply.fault().isPresent()
        ? new DecodeResult.Invalid(reply.fault().get())
        : decoder.decode(reply.text());
  }

  /**
   * Returns the wire form of a result: {@code {"status":"success","result":…}} or {@code
   * {"status":"error","code":…,"message":…,"details":{…}}} (details omitted when empty).
   */
  public JsonValue toWire(Result result) {
    return WireEncoder.toWire(result);
  }

  /** Returns {@link #toWire(Result)} as compact JSON text. */
  public String encode(Result result) {
    return toWire(result).toJson();
  }

  /**
   * Returns the canonical reply for a decision, as compact JSON text: members in protocol order,
   * members of objects inside the arguments sorted by name, {@code goal} and {@code message} always
   * present (empty when the model sent them empty or left them out). Equal decisions encode to
   * equal text, and {@link #decode(String)} of the text returns an equal decision whenever it fits
   * this codec's limits.
   */
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

  @Override
  public String toString() {
    return "ProtocolCodec[maxChars="
        + maxChars
        + ", maxDepth="
        + maxDepth
        + ", stripCodeFence="
        + stripCodeFence
        + "]";
  }

  /** Configures a {@link ProtocolCodec}. Not thread-safe; {@link #build()} copies its state. */
  public static final class Builder {
    private int maxChars = DEFAULT_MAX_CHARS;
    private int maxDepth = DEFAULT_MAX_DEPTH;
    private boolean stripCodeFence;

    private Builder() {}

    /**
     * Sets the maximum reply length in characters (UTF-16 code units).
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
     * @throws XctException if below {@value ProtocolCodec#MIN_MAX_DEPTH}, the depth of a proposal
     *     with empty arguments, or above {@value ProtocolCodec#MAX_MAX_DEPTH}
     */
    public Builder maxDepth(int maxDepth) {
      if (maxDepth < MIN_MAX_DEPTH || maxDepth > MAX_MAX_DEPTH) {
        throw new XctException(
            "maxDepth must be between "
                + MIN_MAX_DEPTH
                + " and "
                + MAX_MAX_DEPTH
                + ", was: "
                + maxDepth);
      }
      this.maxDepth = maxDepth;
      return this;
    }

    /**
     * Opts in to stripping one markdown code fence (```` ```json … ``` ````) around the reply. Off
     * by default: a strict codec tells a model that wraps its reply to send the bare object, and
     * the model can correct itself.
     */
    public Builder stripCodeFence(boolean strip) {
      this.stripCodeFence = strip;
      return this;
    }

    /** Returns a new immutable codec; later changes to this builder do not affect it. */
    public ProtocolCodec build() {
      return new ProtocolCodec(this);
    }
  }
}
