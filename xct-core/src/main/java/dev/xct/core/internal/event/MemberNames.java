package dev.xct.core.internal.event;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Decides whether a member name, ignoring case and everything but letters and digits, is or ends
 * with one of a set of names. It runs for every member of every value the loop records, so the
 * usual case allocates nothing: ASCII names are compared in place against only the names that end
 * in the same character, and the outcome for recently seen name instances is remembered.
 * Thread-safe.
 */
final class MemberNames {
  private static final int RECENT_SLOTS = 64;

  private final List<String> names;

  /** The names by their last character when it is ASCII; the rest under index 0. */
  private final String[][] byLastChar = new String[128][];

  /**
   * The outcome for recently seen member names, by identity (parsers hand out the same instance for
   * a name they have seen before): small, bounded, and racy, since a lost update only costs a
   * recomputation.
   */
  private final Recent[] recent = new Recent[RECENT_SLOTS];

  /** A member name and whether it matched; immutable, so racing threads see whole entries. */
  private record Recent(String name, boolean matches) {}

  /** Matches against {@code names}, each already {@linkplain #normalise normalised}. */
  MemberNames(List<String> names) {
    this.names = List.copyOf(names);
    for (String name : this.names) {
      char last = name.charAt(name.length() - 1);
      int slot = last < 128 ? last : 0;
      String[] list = byLastChar[slot] == null ? new String[0] : byLastChar[slot];
      list = Arrays.copyOf(list, list.length + 1);
      list[list.length - 1] = name;
      byLastChar[slot] = list;
    }
  }

  /** Returns {@code name} with only its letters and digits, lower-cased. */
  static String normalise(String name) {
    StringBuilder out = new StringBuilder(name.length());
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (Character.isLetterOrDigit(c)) {
        out.append(c);
      }
    }
    return out.toString().toLowerCase(Locale.ROOT);
  }

  /** Returns whether {@code name} matches. */
  boolean matches(String name) {
    int slot = System.identityHashCode(name) & (RECENT_SLOTS - 1);
    Recent seen = recent[slot];
    if (seen != null && seen.name == name) {
      return seen.matches;
    }
    boolean matches = matches(name, 0, name.length());
    recent[slot] = new Recent(name, matches);
    return matches;
  }

  /** Returns whether {@code text[from, to)} matches. */
  boolean matches(String text, int from, int to) {
    for (int i = from; i < to; i++) {
      if (text.charAt(i) >= 0x80) {
        return matchesNormalised(normalise(text.substring(from, to)));
      }
    }
    int last = to - 1;
    while (last >= from && !isAsciiLetterOrDigit(text.charAt(last))) {
      last--;
    }
    if (last < from) {
      return false;
    }
    char c = text.charAt(last);
    String[] candidates = byLastChar[c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c];
    if (candidates == null) {
      return false;
    }
    for (String suffix : candidates) {
      if (asciiEndsWith(text, from, last + 1, suffix)) {
        return true;
      }
    }
    return false;
  }

  /** Whether the ASCII {@code text[from, to)}, normalised, ends with {@code suffix}. */
  private static boolean asciiEndsWith(String text, int from, int to, String suffix) {
    int i = to;
    for (int k = suffix.length() - 1; k >= 0; k--) {
      char c;
      do {
        if (i <= from) {
          return false;
        }
        c = text.charAt(--i);
      } while (!isAsciiLetterOrDigit(c));
      char lower = c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
      if (lower != suffix.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isAsciiLetterOrDigit(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }

  private boolean matchesNormalised(String normalised) {
    for (String suffix : names) {
      if (normalised.endsWith(suffix)) {
        return true;
      }
    }
    return false;
  }
}
