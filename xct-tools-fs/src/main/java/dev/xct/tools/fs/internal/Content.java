package dev.xct.tools.fs.internal;

import dev.xct.tools.fs.FsErrorCodes;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;

/** Reads bounded file content through a {@link Dir}, hashes it and tells text from binary. */
public final class Content {
  private Content() {}

  /**
   * Reads the regular file {@code name} in {@code dir}, at most {@code max} bytes; the size is
   * checked before opening and again while reading (files such as those in /proc lie about it).
   *
   * @throws Refusal {@code NOT_A_FILE} if it is not a regular file, {@code TOO_LARGE} past the cap,
   *     {@code CONFLICT} if it became a link after resolution
   */
  public static byte[] read(Dir dir, String name, long max, String raw) throws IOException {
    BasicFileAttributes attributes = dir.lstat(name);
    if (attributes.isSymbolicLink()) {
      throw Refusal.of(
          FsErrorCodes.CONFLICT, "path '" + Refusal.shown(raw) + "' changed while in use", raw);
    }
    if (!attributes.isRegularFile()) {
      throw notAFile(raw, attributes);
    }
    if (attributes.size() > max) {
      throw tooLarge(raw, attributes.size(), max);
    }
    try (SeekableByteChannel channel = dir.channel(name, Set.of(StandardOpenOption.READ))) {
      ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(attributes.size(), max));
      ByteBuffer buffer = ByteBuffer.allocate(8192);
      long total = 0;
      while (channel.read(buffer.clear()) > 0) {
        total += buffer.position();
        if (total > max) {
          throw tooLarge(raw, total, max);
        }
        out.write(buffer.array(), 0, buffer.position());
      }
      return out.toByteArray();
    }
  }

  /** Returns the refusal for something that is not a regular file. */
  public static Refusal notAFile(String raw, BasicFileAttributes attributes) {
    String what = attributes.isDirectory() ? "a directory" : "not a regular file";
    return Refusal.of(FsErrorCodes.NOT_A_FILE, "path '" + Refusal.shown(raw) + "' is " + what, raw);
  }

  /** Returns the refusal for content over a cap. */
  public static Refusal tooLarge(String raw, long size, long max) {
    return Refusal.of(
        FsErrorCodes.TOO_LARGE,
        "'" + Refusal.shown(raw) + "' is larger than the limit of " + max + " bytes",
        raw,
        "limit",
        max);
  }

  /** Returns the text if {@code bytes} are valid UTF-8 without NUL characters, else null. */
  public static String textOrNull(byte[] bytes) {
    for (byte b : bytes) {
      if (b == 0) {
        return null;
      }
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  /** Returns the lower-case hex SHA-256 of {@code bytes}. */
  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }
}
