package dev.xct.core.internal.validate;

import dev.xct.core.XctException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Matches strings against a glob in which {@code *} matches any run of characters except the
 * separator, {@code **} any run at all, and (in value globs) {@code ?} one character other than the
 * separator.
 *
 * <p>Matching is a dynamic programme over the tokens and the input, {@code O(tokens × length)} with
 * no backtracking, so a hostile input cannot make it slow. Immutable and thread-safe.
 */
public final class Glob {
  private static final Pattern TOOL_GLOB = Pattern.compile("[a-z0-9_*]+(\\.[a-z0-9_*]+)*");

  private enum Kind {
    LITERAL,
    ONE,
    STAR,
    DOUBLE_STAR
  }

  private record Token(Kind kind, char literal) {}

  private final String pattern;
  private final char separator;
  private final List<Token> tokens;

  /** The text every match must equal when the glob has no wildcard; null otherwise. */
  private final String literal;

  private Glob(String pattern, char separator, List<Token> tokens) {
    this.pattern = pattern;
    this.separator = separator;
    this.tokens = List.copyOf(tokens);
    StringBuilder text = new StringBuilder(tokens.size());
    for (Token token : tokens) {
      if (token.kind() != Kind.LITERAL) {
        text = null;
        break;
      }
      text.append(token.literal());
    }
    this.literal = text == null ? null : text.toString();
  }

  /**
   * Compiles a tool-name glob: dot-separated segments of {@code [a-z0-9_*]}, {@code *} staying
   * within a segment and {@code **} crossing dots.
   *
   * @throws XctException if the glob is malformed
   */
  public static Glob forToolNames(String pattern) {
    Objects.requireNonNull(pattern, "tool glob");
    if (!TOOL_GLOB.matcher(pattern).matches()) {
      throw new XctException(
          "tool glob '" + pattern + "' must be dot-separated segments of [a-z0-9_*]");
    }
    return compile(pattern, '.', false);
  }

  /**
   * Compiles a glob on string values with {@code /} as separator; {@code ?} matches one character
   * and a backslash makes the next character literal.
   *
   * @throws XctException if the glob is malformed
   */
  public static Glob forValues(String pattern) {
    Objects.requireNonNull(pattern, "glob");
    return compile(pattern, '/', true);
  }

  private static Glob compile(String pattern, char separator, boolean valueSyntax) {
    List<Token> tokens = new ArrayList<>();
    int i = 0;
    while (i < pattern.length()) {
      char c = pattern.charAt(i);
      if (c == '*') {
        int run = 0;
        while (i < pattern.length() && pattern.charAt(i) == '*') {
          run++;
          i++;
        }
        if (run > 2) {
          throw new XctException("glob '" + pattern + "' has more than two '*' in a row");
        }
        tokens.add(new Token(run == 1 ? Kind.STAR : Kind.DOUBLE_STAR, c));
        continue;
      }
      if (valueSyntax && c == '?') {
        tokens.add(new Token(Kind.ONE, c));
      } else if (valueSyntax && c == '\\') {
        if (i + 1 == pattern.length()) {
          throw new XctException("glob '" + pattern + "' ends with a lone backslash");
        }
        tokens.add(new Token(Kind.LITERAL, pattern.charAt(++i)));
      } else {
        tokens.add(new Token(Kind.LITERAL, c));
      }
      i++;
    }
    return new Glob(pattern, separator, tokens);
  }

  /** Returns whether the whole of {@code text} matches. */
  public boolean matches(String text) {
    if (literal != null) {
      return literal.equals(text);
    }
    int n = text.length();
    // reach[j]: the tokens consumed so far can match exactly text[0, j).
    boolean[] reach = new boolean[n + 1];
    boolean[] next = new boolean[n + 1];
    reach[0] = true;
    for (Token token : tokens) {
      for (int j = 0; j <= n; j++) {
        switch (token.kind()) {
          case LITERAL -> next[j] = j > 0 && reach[j - 1] && text.charAt(j - 1) == token.literal();
          case ONE -> next[j] = j > 0 && reach[j - 1] && text.charAt(j - 1) != separator;
          case STAR ->
              next[j] = reach[j] || (j > 0 && next[j - 1] && text.charAt(j - 1) != separator);
          case DOUBLE_STAR -> next[j] = reach[j] || (j > 0 && next[j - 1]);
        }
      }
      boolean[] swap = reach;
      reach = next;
      next = swap;
    }
    return reach[n];
  }

  /** Returns the glob as written. */
  @Override
  public String toString() {
    return pattern;
  }
}
