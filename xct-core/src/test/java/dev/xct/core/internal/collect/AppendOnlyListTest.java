package dev.xct.core.internal.collect;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AppendOnlyListTest {
  @Test
  void aSnapshotKeepsWhatItSawWhileTheListGrows() {
    AppendOnlyList<Integer> list = new AppendOnlyList<>();
    List<List<Integer>> snapshots = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      snapshots.add(list.snapshot());
      list.add(i);
    }

    for (int i = 0; i < 40; i++) {
      assertThat(snapshots.get(i)).hasSize(i).isEqualTo(rangeTo(i));
    }
    assertThat(AppendOnlyList.isSnapshot(list.snapshot())).isTrue();
    assertThat(AppendOnlyList.isSnapshot(rangeTo(3))).isFalse();
  }

  @Test
  void everySnapshotOfAListSharesItsMemoUnderOneKey() {
    AppendOnlyList<Integer> list = new AppendOnlyList<>();
    Object key = new Object();
    Object memo = AppendOnlyList.memo(list.snapshot(), key, Object::new);
    list.add(1);

    assertThat(AppendOnlyList.memo(list.snapshot(), key, Object::new)).isSameAs(memo);
    assertThat(AppendOnlyList.memo(list.snapshot(), new Object(), Object::new)).isNotSameAs(memo);
  }

  @Test
  void differentListsNeverShareAMemo() {
    AppendOnlyList<Integer> one = new AppendOnlyList<>();
    AppendOnlyList<Integer> two = new AppendOnlyList<>();
    Object key = new Object();

    assertThat(AppendOnlyList.memo(one.snapshot(), key, Object::new))
        .isNotSameAs(AppendOnlyList.memo(two.snapshot(), key, Object::new));
  }

  @Test
  void otherListsHaveNoMemo() {
    assertThat(AppendOnlyList.memo(List.of(1, 2), new Object(), Object::new)).isNull();
  }

  @Test
  void aListHoldsAFewMemosAndNoMore() {
    AppendOnlyList<Integer> list = new AppendOnlyList<>();
    for (int i = 0; i < AppendOnlyList.MAX_MEMOS; i++) {
      assertThat(AppendOnlyList.memo(list.snapshot(), new Object(), Object::new)).isNotNull();
    }

    assertThat(AppendOnlyList.memo(list.snapshot(), new Object(), Object::new)).isNull();
  }

  @Test
  void aKeptSnapshotDoesNotKeepItsListsMemos() {
    List<List<Integer>> kept = new ArrayList<>();
    WeakReference<Object> memo = memoOfADroppedList(kept);

    for (int i = 0; i < 50 && memo.get() != null; i++) {
      System.gc();
    }

    assertThat(memo.get()).isNull();
    assertThat(kept.get(0)).containsExactly(7);
    assertThat(AppendOnlyList.memo(kept.get(0), new Object(), Object::new)).isNull();
  }

  private static WeakReference<Object> memoOfADroppedList(List<List<Integer>> kept) {
    AppendOnlyList<Integer> list = new AppendOnlyList<>();
    list.add(7);
    kept.add(list.snapshot());
    return new WeakReference<>(AppendOnlyList.memo(list.snapshot(), new Object(), Object::new));
  }

  private static List<Integer> rangeTo(int n) {
    List<Integer> values = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      values.add(i);
    }
    return values;
  }
}
