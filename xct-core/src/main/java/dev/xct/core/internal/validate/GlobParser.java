package dev.xct.core.internal.validate;

import dev.xct.core.XctException;
import java.util.ArrayList;
import java.util.List;

/** Parses the glob dialect of {@link dev.xct.core.validate.Glob} into parts. Stateless. */
public final class GlobParser {
  private static final String ESCAPABLE = "\\*?{},[]";

  private GlobParser() {}

  /**
   * Parses {@code body}, the part of {@code glob} that holds wildcards, into parts.
   *
   * @throws XctException if it is empty or malformed; the message quotes {@code glob}
   */
  public static List<GlobPart> parse(String glob, String body) {
    if (body.isEmpty()) {
      throw malformed(glob, "is empty");
    }
    List<GlobPart> top = new ArrayList<>();
    List<List<GlobPart>> group = null;
    List<GlobPart> current = top;
    int i = 0;
    while (i < body.length()) {
      char c = body.charAt(i++);
      if (c == '*') {
        int run = 1;
        while (i < body.length() && body.charAt(i) == '*') {
          run++;
          i++;
        }
        if (run > 2) {
          throw malformed(glob, "has more than two '*' in a row");
        }
        if (run == 1) {
          current.add(GlobPart.STAR);
        } else if (i < body.length() && body.charAt(i) == '/') {
          current.add(GlobPart.DIRS);
          i++;
        } else if (i == body.length() && group == null && endsWithNamedDirectory(top)) {
          top.set(top.size() - 1, GlobPart.TAIL);
        } else {
          current.add(GlobPart.ANY);
        }
      } else if (c == '\\') {
        if (i == body.length()) {
          throw malformed(glob, "ends with a lone backslash");
        }
        char escaped = body.charAt(i++);
        if (ESCAPABLE.indexOf(escaped) < 0) {
          throw malformed(
              glob,
              "escapes '"
                  + escaped
                  + "': a backslash may only precede one of \\ * ? { } , [ ], and '/' is the"
                  + " only separator");
        }
        current.add(GlobPart.literal(escaped));
      } else if (c == '?') {
        current.add(GlobPart.ONE);
      } else if (c == '{') {
        if (group != null) {
          throw malformed(glob, "nests braces, which is not supported");
        }
        group = new ArrayList<>();
        current = new ArrayList<>();
      } else if (c == ',' && group != null) {
        group.add(current);
        current = new ArrayList<>();
      } else if (c == '}' && group != null) {
        group.add(current);
        top.add(
            new GlobPart(GlobPart.Kind.ALTERNATIVES, c, group.stream().map(List::copyOf).toList()));
        group = null;
        current = top;
      } else {
        current.add(GlobPart.literal(c));
      }
    }
    if (group != null) {
      throw malformed(glob, "has an unclosed '{'");
    }
    return top;
  }

  /** Whether {@code parts} end with a '/' after something, so that "/**" may match nothing. */
  private static boolean endsWithNamedDirectory(List<GlobPart> parts) {
    return parts.size() >= 2 && parts.get(parts.size() - 1).equals(GlobPart.literal('/'));
  }

  /** Returns the error for {@code glob}, which {@code problem} describes. */
  public static XctException malformed(String glob, String problem) {
    return new XctException("glob '" + glob + "' " + problem);
  }
}
