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
  /** How a glob that matches one name at any depth is decided, cheapest first. */
  private enum NameMatch {
    NONE,
    EQUALS,
    STARTS_WITH,
    ENDS_WITH,
    PATTERN
  }

  private final String source;
  private final Pattern pattern;
  private final NameMatch nameMatch;
  private final String literal;
  private final Pattern namePattern;

  private Glob(
      String source, Pattern pattern, NameMatch nameMatch, String literal, Pattern namePattern) {
    this.source = source;
    this.pattern = pattern;
    this.nameMatch = nameMatch;
    this.literal = literal;
    this.namePattern = namePattern;
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
    Pattern pattern = Pattern.compile(regex.toString(), Pattern.DOTALL);
    if (anchored || body.contains("**")) {
      return new Glob(glob, pattern, NameMatch.NONE, null, null);
    }
    // Without '/' or '**' nothing in the glob can match a '/', so "(?:.*/)?glob" matches a path
    // exactly when the glob matches its last name; the usual shapes need no regex at all.
    if (!hasWildcards(body)) {
      return new Glob(glob, pattern, NameMatch.EQUALS, body, null);
    } else if (body.length() > 1
        && body.endsWith("*")
        && !hasWildcards(body.substring(0, body.length() - 1))) {
      return new Glob(
          glob, pattern, NameMatch.STARTS_WITH, body.substring(0, body.length() - 1), null);
    } else if (body.length() > 1 && body.startsWith("*") && !hasWildcards(body.substring(1))) {
      return new Glob(glob, pattern, NameMatch.ENDS_WITH, body.substring(1), null);
    }
    Pattern name = Pattern.compile(translate(glob, body), Pattern.DOTALL);
    return new Glob(glob, pattern, NameMatch.PATTERN, null, name);
  }

  private static boolean hasWildcards(String body) {
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (c == '*' || c == '?' || c == '{') {
        return true;
      }
    }
    return false;
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
    if (nameMatch == NameMatch.NONE) {
      return pattern.matcher(relativePath).matches();
    }
    String name = relativePath.substring(relativePath.lastIndexOf('/') + 1);
    if (nameMatch == NameMatch.EQUALS) {
      return name.equals(literal);
    } else if (nameMatch == NameMatch.STARTS_WITH) {
      return name.startsWith(literal);
    } else if (nameMatch == NameMatch.ENDS_WITH) {
      return name.endsWith(literal);
    }
    return namePattern.matcher(name).matches();
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
