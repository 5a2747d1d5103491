package dev.xct.core.internal.codec;

import dev.xct.core.ModelReply;
import dev.xct.core.protocol.DecodeResult;
import dev.xct.core.protocol.ErrorCodes;

/**
 * Bounds what the loop keeps of a reply it refused as too large to decode: the step, the events,
 * the journal and the model's next request hold its first {@value #KEPT_CHARS} characters, and the
 * failure's details its length and SHA-256, so a hostile model cannot make every step write
 * megabytes to the journal twice and send them back with every request. Stateless and thread-safe.
 */
public final class RecordedReply {
  /** The most characters kept of a reply refused as too large. */
  public static final int KEPT_CHARS = 4096;

  private RecordedReply() {}

  /**
   * Returns {@code reply} as it is recorded after {@code decoded}: cut to its first {@value
   * #KEPT_CHARS} characters if it was refused as {@link ErrorCodes#REPLY_TOO_LARGE} for its length,
   * unchanged otherwise.
   */
  public static ModelReply of(ModelReply reply, DecodeResult decoded) {
    boolean tooLarge =
        decoded instanceof DecodeResult.Invalid invalid
            && ErrorCodes.REPLY_TOO_LARGE.equals(invalid.failure().code());
    String text = reply.text();
    if (!tooLarge || text.length() <= KEPT_CHARS) {
      return reply;
    }
    return new ModelReply(text.substring(0, keptChars(text)), reply.usage(), reply.fault());
  }

  /** Returns how many characters of {@code text} are kept: never half a surrogate pair. */
  static int keptChars(String text) {
    if (text.length() <= KEPT_CHARS) {
      return text.length();
    }
    return Character.isHighSurrogate(text.charAt(KEPT_CHARS - 1)) ? KEPT_CHARS - 1 : KEPT_CHARS;
  }
}
