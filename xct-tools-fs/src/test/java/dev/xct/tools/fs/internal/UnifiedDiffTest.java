package dev.xct.tools.fs.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class UnifiedDiffTest {
  private static final Pattern HUNK = Pattern.compile("@@ -(\\d+),(\\d+) \\+(\\d+),(\\d+) @@");

  @Test
  void equalTextsHaveNoDiff() {
    assertThat(UnifiedDiff.of("a\nb\n", "a\nb\n", "f", 1000).text()).isEmpty();
  }

  @Test
  void oneChangedLineShowsThreeLinesOfContext() {
    String before = "1\n2\n3\n4\n5\n6\n7\n8\n";
    String after = "1\n2\n3\n4\nfive\n6\n7\n8\n";

    assertThat(UnifiedDiff.of(before, after, "f.txt", 1000).text())
        .isEqualTo(
            "--- a/f.txt\n+++ b/f.txt\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n");
  }

  @Test
  void newFileAndMissingFinalNewlineAreShownAsGitDoes() {
    assertThat(UnifiedDiff.of("", "x\n", "n", 1000).text())
        .isEqualTo("--- a/n\n+++ b/n\n@@ -0,0 +1,1 @@\n+x\n");
    assertThat(UnifiedDiff.of("a\n", "a", "n", 1000).text())
        .isEqualTo("--- a/n\n+++ b/n\n@@ -1,1 +1,1 @@\n-a\n+a\n\\ No newline at end of file\n");
  }

  @Test
  void longDiffIsCutOnALineBoundary() {
    UnifiedDiff.Rendered diff = UnifiedDiff.of("", "line\n".repeat(1000), "big", 200);

    assertThat(diff.truncated()).isTrue();
    assertThat(diff.text().length()).isLessThanOrEqualTo(200);
    assertThat(diff.text()).endsWith("\n");
  }

  @Test
  void patchingTheOldTextWithTheDiffGivesTheNewTextForRandomEdits() {
    Random random = new Random(42);
    for (int round = 0; round < 300; round++) {
      List<String> before = randomLines(random, random.nextInt(30));
      List<String> after = new ArrayList<>(before);
      for (int edits = random.nextInt(6); edits > 0; edits--) {
        int at = after.isEmpty() ? 0 : random.nextInt(after.size() + 1);
        switch (random.nextInt(3)) {
          case 0 -> after.add(at, "new" + random.nextInt(4) + "\n");
          case 1 -> {
            if (at < after.size()) {
              after.remove(at);
            }
          }
          default -> {
            if (at < after.size()) {
              after.set(at, "changed\n");
            }
          }
        }
      }
      String diff =
          UnifiedDiff.of(String.join("", before), String.join("", after), "f", 1 << 20).text();
      assertThat(apply(before, diff)).as("round %d:\n%s", round, diff).isEqualTo(after);
    }
  }

  @Test
  void veryDifferentLargeTextsStillGiveACorrectDiff() {
    Random random = new Random(7);
    List<String> before = randomLines(random, 3000);
    List<String> after = randomLines(random, 3000);

    String diff =
        UnifiedDiff.of(String.join("", before), String.join("", after), "f", 1 << 24).text();

    assertThat(apply(before, diff)).isEqualTo(after);
  }

  private static List<String> randomLines(Random random, int count) {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      lines.add("l" + random.nextInt(5) + "\n");
    }
    return lines;
  }

  /** Applies a unified diff of newline-terminated lines, checking every context and removal. */
  private static List<String> apply(List<String> before, String diff) {
    List<String> out = new ArrayList<>();
    int next = 0;
    String[] lines = diff.split("\n", -1);
    for (int i = 2; i < lines.length; i++) {
      Matcher hunk = HUNK.matcher(lines[i]);
      if (hunk.matches()) {
        int start =
            Integer.parseInt(hunk.group(1)) - (Integer.parseInt(hunk.group(2)) == 0 ? 0 : 1);
        while (next < start) {
          out.add(before.get(next++));
        }
      } else if (lines[i].startsWith(" ")) {
        assertThat(before.get(next)).isEqualTo(lines[i].substring(1) + "\n");
        out.add(before.get(next++));
      } else if (lines[i].startsWith("-")) {
        assertThat(before.get(next++)).isEqualTo(lines[i].substring(1) + "\n");
      } else if (lines[i].startsWith("+")) {
        out.add(lines[i].substring(1) + "\n");
      }
    }
    while (next < before.size()) {
      out.add(before.get(next++));
    }
    return out;
  }
}
