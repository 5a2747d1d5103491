package dev.xct.core.validate;

import dev.xct.core.JsonValue;
import dev.xct.core.XctException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Identifies one exact action: a tool name and its canonical arguments, hashed with SHA-256. Two
 * proposals have the same digest exactly when they name the same tool with JSON-equal arguments.
 *
 * @param hex the lower-case hexadecimal SHA-256
 */
public record ActionDigest(String hex) {
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
      sha.update(tool.getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0); // separator: no tool name contains NUL
      sha.update(arguments.toCanonicalJson().getBytes(StandardCharsets.UTF_8));
      return new ActionDigest(HexFormat.of().formatHex(sha.digest()));
    } catch (NoSuchAlgorithmException e) {
      throw new XctException("SHA-256 is not available", e);
    }
  }
}
