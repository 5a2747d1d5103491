package dev.xct.core.validate;

import dev.xct.core.XctException;
import java.util.ArrayList;
import java.util.Arrays;
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
  private static final String ESCAPABLE = "\\*?{},[]";

  private enum Kind {
    CHAR,
    ONE,
    STAR,
    ANY,
    /** {@code **}{@code /}: the empty run or any run ending in '/'. */
    DIRS,
    /** A final {@code /**}: the empty run or '/' and any run. */
    TAIL,
    ALTERNATIVES
  }

  private record Part(Kind kind, char c, List<List<Part>> alternatives) {
    static final Part ONE = new Part(Kind.ONE, '?', List.of());
    static final Part STAR = new Part(Kind.STAR, '*', List.of());
    static final Part ANY = new Part(Kind.ANY, '*', List.of());
    static final Part DIRS = new Part(Kind.DIRS, '*', List.of());
    static final Part TAIL = new Part(Kind.TAIL, '*', List.of());

    static Part literal(char c) {
      return new Part(Kind.CHAR, c, List.of());
    }

    boolean canMatchSlash() {
      return switch (kind) {
        case CHAR -> c == '/';
        case ONE, STAR -> false;
        case ANY, DIRS, TAIL -> true;
        case ALTERNATIVES ->
            alternatives.stream().flatMap(List::stream).anyMatch(Part::canMatchSlash);
      };
    }
  }

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

  private final List<Part> parts;
  private final Shape shape;
  private final String fixed;

  private Glob(String glob, char separator, List<Part> all) {
    this.glob = glob;
    this.separator = separator;
    // "**/" followed by parts that cannot match a '/' matches exactly when they match the text
    // after its last '/'.
    this.lastName =
        separator == '/'
            && !all.isEmpty()
            && all.get(0).kind() == Kind.DIRS
            && all.stream().skip(1).noneMatch(Part::canMatchSlash);
    this.parts = List.copyOf(lastName ? all.subList(1, all.size()) : all);
    long wildcards = parts.stream().filter(p -> p.kind() != Kind.CHAR).count();
    boolean starFirst = !parts.isEmpty() && parts.get(0).kind() == Kind.STAR;
    boolean starLast = !parts.isEmpty() && parts.get(parts.size() - 1).kind() == Kind.STAR;
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
    parts.stream().filter(p -> p.kind() == Kind.CHAR).forEach(p -> text.append(p.c()));
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
    return new Glob(glob, '/', parse(glob, glob));
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
    return new Glob(glob, '.', parse(glob, glob));
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
      throw malformed(glob, "names no path below the root");
    }
    List<Part> parts = new ArrayList<>(parse(glob, body.substring(start)));
    if (!anchored) {
      parts.add(0, Part.DIRS);
    }
    return new Glob(glob, '/', parts);
  }

  private static List<Part> parse(String glob, String body) {
    if (body.isEmpty()) {
      throw malformed(glob, "is empty");
    }
    List<Part> top = new ArrayList<>();
    List<List<Part>> group = null;
    List<Part> current = top;
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
          current.add(Part.STAR);
        } else if (i < body.length() && body.charAt(i) == '/') {
          current.add(Part.DIRS);
          i++;
        } else if (i == body.length() && group == null && endsWithNamedDirectory(top)) {
          top.set(top.size() - 1, Part.TAIL);
        } else {
          current.add(Part.ANY);
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
        current.add(Part.literal(escaped));
      } else if (c == '?') {
        current.add(Part.ONE);
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
        top.add(new Part(Kind.ALTERNATIVES, c, group.stream().map(List::copyOf).toList()));
        group = null;
        current = top;
      } else {
        current.add(Part.literal(c));
      }
    }
    if (group != null) {
      throw malformed(glob, "has an unclosed '{'");
    }
    return top;
  }

  /** Whether {@code parts} end with a '/' after something, so that "/**" may match nothing. */
  private static boolean endsWithNamedDirectory(List<Part> parts) {
    return parts.size() >= 2 && parts.get(parts.size() - 1).equals(Part.literal('/'));
  }

  private static XctException malformed(String glob, String problem) {
    return new XctException("glob '" + glob + "' " + problem);
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
      case PROGRAMME -> {
        boolean[] reach = new boolean[length + 1];
        reach[0] = true;
        yield advance(parts, reach, text, from)[length];
      }
    };
  }

  /**
   * Returns which prefixes of the text {@code sequence} can reach from those marked in {@code
   * reach} ({@code reach[j]}: the text from {@code from} to {@code from + j} is matched so far),
   * reusing {@code reach} as scratch space.
   */
  private boolean[] advance(List<Part> sequence, boolean[] reach, String text, int from) {
    boolean[] next = new boolean[reach.length];
    for (Part part : sequence) {
      boolean alive = step(part, reach, next, text, from);
      boolean[] swap = reach;
      reach = next;
      next = swap;
      if (!alive) {
        break;
      }
    }
    return reach;
  }

  /** Fills {@code next} from {@code reach} across one part; returns whether any entry is set. */
  private boolean step(Part part, boolean[] reach, boolean[] next, String text, int from) {
    int n = reach.length - 1;
    boolean alive = false;
    switch (part.kind()) {
      case CHAR -> {
        next[0] = false;
        for (int j = 1; j <= n; j++) {
          next[j] = reach[j - 1] && text.charAt(from + j - 1) == part.c();
          alive |= next[j];
        }
      }
      case ONE -> {
        next[0] = false;
        for (int j = 1; j <= n; j++) {
          char c = text.charAt(from + j - 1);
          // One character is one code point: a surrogate pair counts once.
          next[j] =
              (reach[j - 1] && c != separator)
                  || (j >= 2
                      && reach[j - 2]
                      && Character.isLowSurrogate(c)
                      && Character.isHighSurrogate(text.charAt(from + j - 2)));
          alive |= next[j];
        }
      }
      case STAR -> {
        next[0] = reach[0];
        alive = next[0];
        for (int j = 1; j <= n; j++) {
          next[j] = reach[j] || (next[j - 1] && text.charAt(from + j - 1) != separator);
          alive |= next[j];
        }
      }
      case ANY -> {
        next[0] = reach[0];
        alive = next[0];
        for (int j = 1; j <= n; j++) {
          next[j] = reach[j] || next[j - 1];
          alive |= next[j];
        }
      }
      case DIRS -> {
        boolean started = false;
        for (int j = 0; j <= n; j++) {
          next[j] = reach[j] || (started && text.charAt(from + j - 1) == '/');
          started |= reach[j];
          alive |= next[j];
        }
      }
      case TAIL -> {
        boolean slash = false;
        for (int j = 0; j <= n; j++) {
          next[j] = reach[j] || slash;
          slash |= j < n && reach[j] && text.charAt(from + j) == '/';
          alive |= next[j];
        }
      }
      case ALTERNATIVES -> {
        Arrays.fill(next, false);
        for (List<Part> alternative : part.alternatives()) {
          boolean[] reached = advance(alternative, reach.clone(), text, from);
          for (int j = 0; j <= n; j++) {
            next[j] |= reached[j];
            alive |= reached[j];
          }
        }
      }
    }
    return alive;
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
