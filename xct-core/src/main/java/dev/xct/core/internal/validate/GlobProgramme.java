package dev.xct.core.internal.validate;

import java.util.Arrays;
import java.util.List;

/**
 * Matches text against parsed glob parts by a dynamic programme: at most {@code O(parts × text
 * length)} steps per part sequence, no backtracking, so no crafted text makes it slow. Stateless.
 */
public final class GlobProgramme {
  private GlobProgramme() {}

  /**
   * Returns whether {@code parts} match the text of {@code text} from {@code from} to its end, with
   * {@code separator} the character that {@code *} and {@code ?} do not match.
   */
  public static boolean matches(List<GlobPart> parts, char separator, String text, int from) {
    boolean[] reach = new boolean[text.length() - from + 1];
    reach[0] = true;
    return advance(parts, reach, text, from, separator)[text.length() - from];
  }

  /**
   * Returns which prefixes of the text {@code sequence} can reach from those marked in {@code
   * reach} ({@code reach[j]}: the text from {@code from} to {@code from + j} is matched so far),
   * reusing {@code reach} as scratch space.
   */
  private static boolean[] advance(
      List<GlobPart> sequence, boolean[] reach, String text, int from, char separator) {
    boolean[] next = new boolean[reach.length];
    for (GlobPart part : sequence) {
      boolean alive = step(part, reach, next, text, from, separator);
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
  private static boolean step(
      GlobPart part, boolean[] reach, boolean[] next, String text, int from, char separator) {
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
        for (List<GlobPart> alternative : part.alternatives()) {
          boolean[] reached = advance(alternative, reach.clone(), text, from, separator);
          for (int j = 0; j <= n; j++) {
            next[j] |= reached[j];
            alive |= reached[j];
          }
        }
      }
    }
    return alive;
  }
}
