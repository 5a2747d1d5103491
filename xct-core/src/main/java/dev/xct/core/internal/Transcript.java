package dev.xct.core.internal;

import dev.xct.core.Step;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * Holds a run's steps, appended one at a time, and hands out immutable snapshots of them in
 * constant time: a snapshot shares the backing array, whose slots below its size never change. So
 * handing the transcript to the model client on every step costs nothing however long the run.
 * Appending is confined to the run's thread; snapshots are immutable and thread-safe.
 */
public final class Transcript {
  private Step[] steps = new Step[16];
  private int size;
  private Snapshot last = new Snapshot(steps, 0);

  /** Appends {@code step}. */
  void add(Step step) {
    if (size == steps.length) {
      // Snapshots keep the old array; it is never written again.
      steps = Arrays.copyOf(steps, size * 2);
    }
    steps[size++] = step;
  }

  /** Returns the number of steps. */
  int size() {
    return size;
  }

  /** Returns whether there are no steps yet. */
  boolean isEmpty() {
    return size == 0;
  }

  /** Returns step {@code index}, counting from 0. */
  Step get(int index) {
    return steps[Objects.checkIndex(index, size)];
  }

  /** Returns the steps so far as an immutable list. */
  List<Step> snapshot() {
    if (last.size() != size) {
      last = new Snapshot(steps, size);
    }
    return last;
  }

  /**
   * Returns whether {@code list} is a snapshot made here, and so already immutable: value types
   * that would copy a list may keep it as it is.
   */
  public static boolean isSnapshot(List<?> list) {
    return list instanceof Snapshot;
  }

  /** An immutable view of the first {@code size} slots of an array that only grows past them. */
  private static final class Snapshot extends AbstractList<Step> implements RandomAccess {
    private final Step[] steps;
    private final int size;

    Snapshot(Step[] steps, int size) {
      this.steps = steps;
      this.size = size;
    }

    @Override
    public Step get(int index) {
      if (index < 0 || index >= size) {
        throw new IndexOutOfBoundsException("index " + index + ", size " + size);
      }
      return steps[index];
    }

    @Override
    public int size() {
      return size;
    }
  }
}
