package dev.xct.tools.fs.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Renders a unified diff (as {@code diff -u} and git do) of two texts, line by line, for an
 * approver to read. The edit script is Myers' shortest one while the texts differ in at most
 * {@value #MAX_EDITS} lines; beyond that the changed middle is shown as removed and re-added. The
 * output is cut at a byte budget, on a line boundary.
 */
public final class UnifiedDiff {
  private static final int MAX_EDITS = 2000;
  private static final int CONTEXT = 3;

  /**
   * A rendered diff.
   *
   * @param text the diff, empty when the texts are equal
   * @param truncated whether it was cut at the budget
   */
  public record Rendered(String text, boolean truncated) {}

  private record Op(char kind, String line) {}

  private UnifiedDiff() {}

  /** Returns the diff of {@code before} and {@code after}, labelled with {@code label}. */
  public static Rendered of(String before, String after, String label, int maxChars) {
    List<String> a = lines(before);
    List<String> b = lines(after);
    List<Op> ops = script(a, b);
    StringBuilder out = new StringBuilder();
    out.append("--- a/").append(label).append('\n').append("+++ b/").append(label).append('\n');
    int header = out.length();
    int i = 0;
    int oldLine = 1;
    int newLine = 1;
    while (i < ops.size()) {
      if (ops.get(i).kind() == ' ') {
        i++;
        oldLine++;
        newLine++;
        continue;
      }
      int start = Math.max(0, i - CONTEXT);
      int end = i;
      int lastChange = i;
      while (end < ops.size() && end - lastChange <= 2 * CONTEXT) {
        if (ops.get(end).kind() != ' ') {
          lastChange = end;
        }
        end++;
      }
      end = Math.min(ops.size(), lastChange + CONTEXT + 1);
      int hunkOld = oldLine - (i - start);
      int hunkNew = newLine - (i - start);
      int oldCount = 0;
      int newCount = 0;
      StringBuilder body = new StringBuilder();
      for (int j = start; j < end; j++) {
        Op op = ops.get(j);
        oldCount += op.kind() == '+' ? 0 : 1;
        newCount += op.kind() == '-' ? 0 : 1;
        body.append(op.kind()).append(op.line().replace("\n", "")).append('\n');
        if (!op.line().endsWith("\n")) {
          body.append("\\ No newline at end of file\n");
        }
      }
      for (int j = i; j < end; j++) {
        oldLine += ops.get(j).kind() == '+' ? 0 : 1;
        newLine += ops.get(j).kind() == '-' ? 0 : 1;
      }
      out.append("@@ -")
          .append(range(hunkOld, oldCount))
          .append(" +")
          .append(range(hunkNew, newCount))
          .append(" @@\n")
          .append(body);
      i = end;
    }
    if (out.length() == header) {
      return new Rendered("", false);
    }
    if (out.length() <= maxChars) {
      return new Rendered(out.toString(), false);
    }
    int cut = out.lastIndexOf("\n", Math.max(0, maxChars - 1));
    return new Rendered(out.substring(0, cut + 1), true);
  }

  private static String range(int start, int count) {
    return count == 0 ? (start - 1) + ",0" : start + "," + count;
  }

  /** Splits keeping each line's terminating newline (the last line may lack one). */
  static List<String> lines(String text) {
    List<String> lines = new ArrayList<>();
    int from = 0;
    while (from < text.length()) {
      int nl = text.indexOf('\n', from);
      int to = nl < 0 ? text.length() : nl + 1;
      lines.add(text.substring(from, to));
      from = to;
    }
    return lines;
  }

  private static List<Op> script(List<String> a, List<String> b) {
    int prefix = 0;
    while (prefix < a.size() && prefix < b.size() && a.get(prefix).equals(b.get(prefix))) {
      prefix++;
    }
    int suffix = 0;
    while (suffix < a.size() - prefix
        && suffix < b.size() - prefix
        && a.get(a.size() - 1 - suffix).equals(b.get(b.size() - 1 - suffix))) {
      suffix++;
    }
    List<Op> ops = new ArrayList<>();
    a.subList(0, prefix).forEach(line -> ops.add(new Op(' ', line)));
    List<String> midA = a.subList(prefix, a.size() - suffix);
    List<String> midB = b.subList(prefix, b.size() - suffix);
    List<Op> middle = myers(midA, midB);
    if (middle == null) {
      middle = new ArrayList<>();
      for (String line : midA) {
        middle.add(new Op('-', line));
      }
      for (String line : midB) {
        middle.add(new Op('+', line));
      }
    }
    ops.addAll(middle);
    a.subList(a.size() - suffix, a.size()).forEach(line -> ops.add(new Op(' ', line)));
    return ops;
  }

  /** Returns Myers' shortest edit script, or null past {@link #MAX_EDITS}. */
  private static List<Op> myers(List<String> a, List<String> b) {
    int n = a.size();
    int m = b.size();
    int max = Math.min(n + m, MAX_EDITS);
    int offset = max + 1;
    int[] v = new int[2 * max + 3];
    List<int[]> trace = new ArrayList<>();
    for (int d = 0; d <= max; d++) {
      for (int k = -d; k <= d; k += 2) {
        int x =
            (k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]))
                ? v[offset + k + 1]
                : v[offset + k - 1] + 1;
        int y = x - k;
        while (x < n && y < m && a.get(x).equals(b.get(y))) {
          x++;
          y++;
        }
        v[offset + k] = x;
        if (x >= n && y >= m) {
          trace.add(java.util.Arrays.copyOfRange(v, offset - d, offset + d + 1));
          return backtrack(a, b, trace);
        }
      }
      trace.add(java.util.Arrays.copyOfRange(v, offset - d, offset + d + 1));
    }
    return null;
  }

  private static List<Op> backtrack(List<String> a, List<String> b, List<int[]> trace) {
    List<Op> reversed = new ArrayList<>();
    int x = a.size();
    int y = b.size();
    for (int d = trace.size() - 1; d > 0; d--) {
      int[] previous = trace.get(d - 1); // index k + (d - 1)
      int k = x - y;
      int prevK =
          (k == -d || (k != d && previous[k - 1 + d - 1] < previous[k + 1 + d - 1]))
              ? k + 1
              : k - 1;
      int prevX = previous[prevK + d - 1];
      int prevY = prevX - prevK;
      while (x > prevX && y > prevY) {
        reversed.add(new Op(' ', a.get(--x)));
        y--;
      }
      if (x == prevX) {
        reversed.add(new Op('+', b.get(--y)));
      } else {
        reversed.add(new Op('-', a.get(--x)));
      }
    }
    while (x > 0 && y > 0) {
      reversed.add(new Op(' ', a.get(--x)));
      y--;
    }
    List<Op> ops = new ArrayList<>(reversed.size());
    for (int i = reversed.size() - 1; i >= 0; i--) {
      ops.add(reversed.get(i));
    }
    return ops;
  }
}
