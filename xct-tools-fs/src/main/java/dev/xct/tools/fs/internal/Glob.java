package dev.xct.tools.fs.internal;

import dev.xct.core.XctException;
import java.util.regex.Pattern;

/**
 * Matches '/'-separated relative paths against a glob: {@code *} and {@code ?} stay within one
 * name, {@code **} crosses directories, {@code {a,b}} picks an alternative; everything else is
 * literal. As in {@code .gitignore}, a glob without a '/' (other than a trailing one) matches at
 * any depth, and a glob with one is anchored at the root; {@code dir/**} also matches {@code dir}.
 *
 * <p>Immutable and thread-safe.
 */
public final class Glob {
  private final String source;
  private final Pattern pattern;

  private Glob(String source, Pattern pattern) {
    this.source = source;
    this.pattern = pattern;
  }

  /**
   * Compiles {@code glob}.
   *
   * @throws XctException if the glob is empty or its braces do not balance
   */
  public static Glob compile(String glob) {
    if (glob == null || glob.isBlank() || glob.indexOf('\0') >= 0) {
      throw new XctException("glob must be a non-blank string, was: '" + glob + "'");
    }
    String body = glob;
    while (body.length() > 1 && body.endsWith("/")) {
      body = body.substring(0, body.length() - 1);
    }
    boolean anchored = body.indexOf('/') >= 0;
    while (body.startsWith("/")) {
      body = body.substring(1);
    }
    StringBuilder regex = new StringBuilder(anchored ? "" : "(?:.*/)?");
    if (body.endsWith("/**")) {
      regex.append(translate(glob, body.substring(0, body.length() - 3))).append("(?:/.*)?");
    } else {
      regex.append(translate(glob, body));
    }
    return new Glob(glob, Pattern.compile(regex.toString(), Pattern.DOTALL));
  }

  private static String translate(String glob, String body) {
    StringBuilder out = new StringBuilder();
    boolean inAlternatives = false;
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (c == '*') {
        if (i + 1 < body.length() && body.charAt(i + 1) == '*') {
          while (i + 1 < body.length() && body.charAt(i + 1) == '*') {
            i++;
          }
          if (i + 1 < body.length() && body.charAt(i + 1) == '/') {
            i++;
            out.append("(?:.*/)?");
          } else {
            out.append(".*");
          }
        } else {
          out.append("[^/]*");
        }
      } else if (c == '?') {
        out.append("[^/]");
      } else if (c == '{') {
        if (inAlternatives) {
          throw new XctException("nested braces are not supported in glob '" + glob + "'");
        }
        inAlternatives = true;
        out.append("(?:");
      } else if (c == '}' && inAlternatives) {
        inAlternatives = false;
        out.append(')');
      } else if (c == ',' && inAlternatives) {
        out.append('|');
      } else {
        out.append(Pattern.quote(String.valueOf(c)));
      }
    }
    if (inAlternatives) {
      throw new XctException("unclosed '{' in glob '" + glob + "'");
    }
    return out.toString();
  }

  /** Returns whether the whole of {@code relativePath} matches. */
  public boolean matches(String relativePath) {
    return pattern.matcher(relativePath).matches();
  }

  /** Returns the glob as configured. */
  public String source() {
    return source;
  }

  @Override
  public String toString() {
    return source;
  }
}
