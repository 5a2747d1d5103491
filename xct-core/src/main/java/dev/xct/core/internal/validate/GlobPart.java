package dev.xct.core.internal.validate;

import java.util.List;

/**
 * One part of a parsed {@link dev.xct.core.validate.Glob}: a literal character, a wildcard, or a
 * brace group of alternatives. Immutable.
 *
 * @param kind what the part matches
 * @param c the literal character ({@link Kind#CHAR}), otherwise informational
 * @param alternatives the alternatives of a brace group, each a sequence of parts
 */
public record GlobPart(Kind kind, char c, List<List<GlobPart>> alternatives) {
  public static final GlobPart ONE = new GlobPart(Kind.ONE, '?', List.of());
  public static final GlobPart STAR = new GlobPart(Kind.STAR, '*', List.of());
  public static final GlobPart ANY = new GlobPart(Kind.ANY, '*', List.of());
  public static final GlobPart DIRS = new GlobPart(Kind.DIRS, '*', List.of());
  public static final GlobPart TAIL = new GlobPart(Kind.TAIL, '*', List.of());

  /** What a part matches. */
  public enum Kind {
    /** One given character. */
    CHAR,
    /** {@code ?}: one character but the separator. */
    ONE,
    /** {@code *}: any run without the separator. */
    STAR,
    /** {@code **}: any run. */
    ANY,
    /** {@code **}{@code /}: the empty run or any run ending in '/'. */
    DIRS,
    /** A final {@code /**}: the empty run or '/' and any run. */
    TAIL,
    /** {@code {a,b}}: one of the alternatives. */
    ALTERNATIVES
  }

  /** Returns the part matching the character {@code c}. */
  public static GlobPart literal(char c) {
    return new GlobPart(Kind.CHAR, c, List.of());
  }

  /** Returns whether this part can match a text holding '/'. */
  public boolean canMatchSlash() {
    return switch (kind) {
      case CHAR -> c == '/';
      case ONE, STAR -> false;
      case ANY, DIRS, TAIL -> true;
      case ALTERNATIVES ->
          alternatives.stream().flatMap(List::stream).anyMatch(GlobPart::canMatchSlash);
    };
  }
}
