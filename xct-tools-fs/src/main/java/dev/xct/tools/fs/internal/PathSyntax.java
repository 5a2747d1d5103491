package dev.xct.tools.fs.internal;

import dev.xct.tools.fs.FsErrorCodes;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Checks a path as the model wrote it, before anything touches the file system, and splits it into
 * names. Paths are '/'-separated on every OS; anything a human approver or another layer could read
 * differently from the kernel is refused with {@code INVALID_PATH}: NUL and other control or format
 * characters (including bidirectional overrides), backslashes, percent-encoded dots, slashes,
 * backslashes, NUL or percent signs, names that Unicode compatibility normalization turns into
 * {@code .}, {@code ..} or a separator, over-long names and paths.
 */
public final class PathSyntax {
  /** The longest path accepted, in characters. */
  public static final int MAX_PATH_LENGTH = 4096;

  /** The longest single name accepted, in UTF-8 bytes (the usual NAME_MAX). */
  public static final int MAX_NAME_BYTES = 255;

  private static final Pattern ENCODED =
      Pattern.compile("%(2e|2f|5c|00|25)", Pattern.CASE_INSENSITIVE);

  private PathSyntax() {}

  /**
   * A checked path.
   *
   * @param absolute whether it started with '/'
   * @param names its names in order, without empty ones; may contain {@code .} and {@code ..}
   */
  public record Parsed(boolean absolute, List<String> names) {
    /** Copies the list. */
    public Parsed {
      names = List.copyOf(names);
    }
  }

  /**
   * Checks and splits {@code raw}.
   *
   * @throws Refusal with {@code INVALID_PATH} if the path is malformed
   */
  public static Parsed parse(String raw) {
    if (raw == null || raw.isEmpty()) {
      throw invalid(raw, "the path is empty");
    }
    if (raw.length() > MAX_PATH_LENGTH) {
      throw invalid(raw, "the path is longer than " + MAX_PATH_LENGTH + " characters");
    }
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      int type = Character.getType(c);
      if (c == '\0') {
        throw invalid(raw, "the path contains a NUL character");
      }
      if (type == Character.CONTROL || type == Character.FORMAT) {
        throw invalid(raw, "the path contains a control or formatting character");
      }
      if (c == '\\') {
        throw invalid(raw, "the path contains a backslash; use '/' to separate names");
      }
      if (Character.isSurrogate(c)
          && !(Character.isHighSurrogate(c)
              && i + 1 < raw.length()
              && Character.isLowSurrogate(raw.charAt(++i)))) {
        throw invalid(raw, "the path is not well-formed Unicode");
      }
    }
    if (ENCODED.matcher(raw).find()) {
      throw invalid(raw, "the path contains a percent-encoded dot, slash, NUL or percent sign");
    }
    List<String> names = new ArrayList<>();
    for (String name : raw.split("/", -1)) {
      if (name.isEmpty()) {
        continue;
      }
      if (name.getBytes(StandardCharsets.UTF_8).length > MAX_NAME_BYTES) {
        throw invalid(raw, "a name in the path is longer than " + MAX_NAME_BYTES + " bytes");
      }
      String folded = Normalizer.normalize(name, Normalizer.Form.NFKC);
      if (!folded.equals(name)
          && (folded.equals(".")
              || folded.equals("..")
              || folded.indexOf('/') >= 0
              || folded.indexOf('\\') >= 0)) {
        throw invalid(raw, "a name in the path looks like '.', '..' or a separator");
      }
      names.add(name);
    }
    return new Parsed(raw.startsWith("/"), names);
  }

  private static Refusal invalid(String raw, String why) {
    return Refusal.of(FsErrorCodes.INVALID_PATH, "invalid path: " + why, raw);
  }
}
