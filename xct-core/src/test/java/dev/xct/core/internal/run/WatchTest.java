package dev.xct.core.internal.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WatchTest {
  /** Counts the waits that go straight to sleep before the next watch. */
  private static int skipped(Watch watch) {
    int skipped = 0;
    while (!watch.due()) {
      skipped++;
    }
    return skipped;
  }

  @Test
  void aThreadWatchesWhileWatchingPays() {
    Watch watch = new Watch();

    for (int i = 0; i < 10; i++) {
      assertThat(watch.due()).isTrue();
      watch.paid();
    }
  }

  @Test
  void eachWastedWatchDoublesTheWaitsSkippedUpToALimit() {
    Watch watch = new Watch();
    List<Integer> skips = new ArrayList<>();

    for (int i = 0; i < 9; i++) {
      assertThat(watch.due()).isTrue();
      watch.wasted();
      skips.add(skipped(watch));
    }

    assertThat(skips).containsExactly(1, 2, 4, 8, 16, 32, 64, 64, 64);
  }

  @Test
  void oneWatchThatPaysBringsWatchingBack() {
    Watch watch = new Watch();
    for (int i = 0; i < 5; i++) {
      watch.wasted();
      skipped(watch);
    }

    watch.paid();
    watch.wasted();

    assertThat(skipped(watch)).isEqualTo(1);
  }
}
