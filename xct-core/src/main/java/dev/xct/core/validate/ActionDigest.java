package dev.xct.core.validate;

import dev.xct.core.JsonValue;
import dev.xct.core.XctException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Identifies one exact action: a tool name and its canonical arguments, hashed with SHA-256. Two
 * proposals have the same digest exactly when they name the same tool with JSON-equal arguments
 * (see {@link JsonValue#equals}): member order and number spelling do not matter, anything else
 * does.
 *
 * <p>The hashed bytes are a version tag, the length of the tool name's UTF-8 bytes as four bytes,
 * those bytes, then the canonical JSON of the arguments. The length prefix makes the split between
 * name and arguments unambiguous whatever either contains. Immutable and thread-safe.
 *
 * @param hex the lower-case hexadecimal SHA-256
 */
public record ActionDigest(String hex) {
  private static final byte[] VERSION = "xct.action.v1\n".getBytes(StandardCharsets.US_ASCII);

  /**
   * @throws XctException if {@code hex} is not 64 lower-case hex digits
   */
  public ActionDigest {
    Objects.requireNonNull(hex, "hex");
    if (!hex.matches("[0-9a-f]{64}")) {
      throw new XctException("action digest must be 64 lower-case hex digits, was: " + hex);
    }
  }

  /** Returns the digest of calling {@code tool} with {@code arguments}. */
  public static ActionDigest of(String tool, JsonValue arguments) {
    Objects.requireNonNull(tool, "tool");
    Objects.requireNonNull(arguments, "arguments");
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      byte[] name = tool.getBytes(StandardCharsets.UTF_8);
      sha.update(VERSION);
      sha.update(ByteBuffer.allocate(Integer.BYTES).putInt(name.length).array());
      sha.update(name);
      sha.update(arguments.toCanonicalJson().getBytes(StandardCharsets.UTF_8));
      return new ActionDigest(HexFormat.of().formatHex(sha.digest()));
    } catch (NoSuchAlgorithmException e) {
      throw new XctException("SHA-256 is not available", e);
    }
  }
}
