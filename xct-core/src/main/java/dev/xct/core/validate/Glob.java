package dev.xct.core.validate;

import dev.xct.core.XctException;
import dev.xct.core.internal.validate.GlobParser;
import dev.xct.core.internal.validate.GlobPart;
import dev.xct.core.internal.validate.GlobProgramme;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Matches text against a glob in XCT's one glob dialect, the same for policy tool names, policy
 * conditions and the file tools' deny rules and {@code fs.find}. The whole text must match, case
 * included:
 *
 * <ul>
 *   <li>{@code *} matches any run of characters, the empty one included, except the separator
 *       ({@code /}, or {@code .} in tool names); {@code ?} matches one character except the
 *       separator;
 *   <li>{@code **} matches any run of characters, separators included. Written before a {@code /}
 *       it may also match nothing: {@code **}{@code /} matches the empty run or any run ending in
 *       {@code /}, so {@code src/**}{@code /*.java} matches {@code src/A.java}; and a {@code /**}
 *       ending the glob also matches nothing, so {@code build/**} matches {@code build} too;
 *   <li>{@code {a,b}} matches one of its alternatives, which may hold wildcards but not braces;
 *       outside braces, commas and closing braces match themselves;
 *   <li>a backslash makes the next character literal, and is allowed only before {@code \ * ? { } ,
 *       [ ]}, so that a Windows-style {@code dir\name} fails instead of matching nothing;
 *   <li>everything else matches itself, {@code [} and {@code ]} included: there are no character
 *       classes, and a name starting with a dot is matched like any other.
 * </ul>
 *
 * <p>The factories differ only in the separator and in how a glob is placed on the text: {@link
 * #of} matches whole values, {@link #forToolNames} restricts the characters to those of tool names,
 * and {@link #forRelativePaths} adds the {@code .gitignore} conventions of deny rules.
 *
 * <p>Matching is a dynamic programme over the glob's parts and the text, at most {@code O(glob
 * length × text length)} steps with no backtracking, so no text, however crafted, makes it slow;
 * the common shapes ({@code .env}, {@code *.pem}, {@code id_rsa*}) are a single string comparison.
 * Immutable and thread-safe.
 */
public final class Glob {
  private static final Pattern TOOL_GLOB = Pattern.compile("[a-z0-9_*]+(\\.[a-z0-9_*]+)*");

  /** How a match is decided: one string comparison when the glob is that simple. */
  private enum Shape {
    EQUALS,
    PREFIX,
    SUFFIX,
    PROGRAMME
  }

  private final String glob;
  private final char separator;

  /** Whether only the text after its last '/' is matched: the glob began with **&#47; only. */
  private final boolean lastName;

  private final List<GlobPart> parts;
  private final Shape shape;
  private final String fixed;

  private Glob(String glob, char separator, List<GlobPart> all) {
    this.glob = glob;
    this.separator = separator;
    // "**/" followed by parts that cannot match a '/' matches exactly when they match the text
    // after its last '/'.
    this.lastName =
        separator == '/'
            && !all.isEmpty()
            && all.get(0).kind() == GlobPart.Kind.DIRS
            && all.stream().skip(1).noneMatch(GlobPart::canMatchSlash);
    this.parts = List.copyOf(lastName ? all.subList(1, all.size()) : all);
    long wildcards = parts.stream().filter(p -> p.kind() != GlobPart.Kind.CHAR).count();
    boolean starFirst = !parts.isEmpty() && parts.get(0).kind() == GlobPart.Kind.STAR;
    boolean starLast = !parts.isEmpty() && parts.get(parts.size() - 1).kind() == GlobPart.Kind.STAR;
    if (wildcards == 0) {
      this.shape = Shape.EQUALS;
    } else if (wildcards == 1 && starLast) {
      this.shape = Shape.PREFIX;
    } else if (wildcards == 1 && starFirst) {
      this.shape = Shape.SUFFIX;
    } else {
      this.shape = Shape.PROGRAMME;
    }
    StringBuilder text = new StringBuilder();
    parts.stream().filter(p -> p.kind() == GlobPart.Kind.CHAR).forEach(p -> text.append(p.c()));
    this.fixed = text.toString();
  }

  /**
   * Returns the glob {@code glob} for whole values, with {@code /} as the separator: a condition's
   * string, an absolute path, a URL. The match is textual: {@code /srv/**} matches {@code
   * /srv/../etc/passwd}.
   *
   * @throws XctException if the glob is empty or malformed; the message quotes it
   */
  public static Glob of(String glob) {
    Objects.requireNonNull(glob, "glob");
    return new Glob(glob, '/', GlobParser.parse(glob, glob));
  }

  /**
   * Returns the glob {@code glob} for tool names, with {@code .} as the separator: dot-separated
   * segments of {@code [a-z0-9_*]}, so {@code fs.*} matches {@code fs.read} but not {@code fs.a.b},
   * and {@code fs.**} matches both but not {@code fs}.
   *
   * @throws XctException if the glob has other characters, an empty segment or is malformed; the
   *     message quotes it
   */
  public static Glob forToolNames(String glob) {
    Objects.requireNonNull(glob, "tool glob");
    if (!TOOL_GLOB.matcher(glob).matches()) {
      throw new XctException(
          "tool glob '" + glob + "' must be dot-separated segments of [a-z0-9_*]");
    }
    return new Glob(glob, '.', GlobParser.parse(glob, glob));
  }

  /**
   * Returns the glob {@code glob} for paths relative to a root, written with {@code /}, as deny
   * rules and {@code fs.find} use it. As in {@code .gitignore}, trailing {@code /} are ignored; a
   * glob with no other {@code /} matches at any depth, as if it began with {@code **}{@code /}, so
   * {@code *.pem} matches {@code keys/a.pem}; any other glob is anchored at the root, and a leading
   * {@code /} only says so: {@code /build} matches {@code build}, not {@code a/build}.
   *
   * @throws XctException if the glob is blank, holds a NUL, names no path ({@code /}) or is
   *     malformed; the message quotes it
   */
  public static Glob forRelativePaths(String glob) {
    Objects.requireNonNull(glob, "glob");
    if (glob.isBlank() || glob.indexOf('\0') >= 0) {
      throw new XctException(
          "path glob must be a non-blank string without NUL, was: '" + glob + "'");
    }
    int end = glob.length();
    while (end > 1 && glob.charAt(end - 1) == '/') {
      end--;
    }
    String body = glob.substring(0, end);
    boolean anchored = body.indexOf('/') >= 0;
    int start = 0;
    while (start < body.length() && body.charAt(start) == '/') {
      start++;
    }
    if (start == body.length()) {
      throw GlobParser.malformed(glob, "names no path below the root");
    }
    List<GlobPart> parts = new ArrayList<>(GlobParser.parse(glob, body.substring(start)));
    if (!anchored) {
      parts.add(0, GlobPart.DIRS);
    }
    return new Glob(glob, '/', parts);
  }

  /** Returns whether the whole of {@code text} matches. */
  public boolean matches(String text) {
    int from = lastName ? text.lastIndexOf('/') + 1 : 0;
    int length = text.length() - from;
    return switch (shape) {
      case EQUALS -> length == fixed.length() && text.startsWith(fixed, from);
      case PREFIX ->
          text.startsWith(fixed, from) && text.indexOf(separator, from + fixed.length()) < 0;
      case SUFFIX ->
          length >= fixed.length()
              && text.endsWith(fixed)
              && text.lastIndexOf(separator, text.length() - fixed.length() - 1) < from;
      case PROGRAMME -> GlobProgramme.matches(parts, separator, text, from);
    };
  }

  /** Returns the glob as written. */
  public String glob() {
    return glob;
  }

  /** Returns the glob as written. */
  @Override
  public String toString() {
    return glob;
  }
}
