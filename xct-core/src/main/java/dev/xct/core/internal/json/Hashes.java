package dev.xct.core.internal.json;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Hashes text the way the journal and fingerprints record it. Stateless and thread-safe. */
public final class Hashes {
  private Hashes() {}

  /** Returns the lower-case hexadecimal SHA-256 of {@code text}'s UTF-8 bytes. */
  public static String sha256(String text) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
