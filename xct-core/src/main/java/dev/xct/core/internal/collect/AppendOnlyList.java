package dev.xct.core.internal.collect;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * Holds elements appended one at a time (a run's steps) and hands out immutable snapshots of them
 * in constant time: a snapshot shares the backing array, whose slots below its size never change.
 * So handing the transcript to the model client on every step costs nothing however long the run.
 * Depends on nothing but the JDK, so API value types may recognise its snapshots without depending
 * on the engine. Appending is confined to one thread; snapshots are immutable and thread-safe.
 *
 * @param <E> the element type
 */
public final class AppendOnlyList<E> {
  private Object[] elements = new Object[16];
  private int size;
  private Snapshot<E> last = new Snapshot<>(elements, 0);

  /** Appends {@code element}. */
  public void add(E element) {
    if (size == elements.length) {
      // Snapshots keep the old array; it is never written again.
      elements = Arrays.copyOf(elements, size * 2);
    }
    elements[size++] = element;
  }

  /** Returns the number of elements. */
  public int size() {
    return size;
  }

  /** Returns whether there are no elements yet. */
  public boolean isEmpty() {
    return size == 0;
  }

  /** Returns element {@code index}, counting from 0. */
  @SuppressWarnings("unchecked")
  public E get(int index) {
    return (E) elements[Objects.checkIndex(index, size)];
  }

  /** Returns the elements so far as an immutable list. */
  public List<E> snapshot() {
    if (last.size() != size) {
      last = new Snapshot<>(elements, size);
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
  private static final class Snapshot<E> extends AbstractList<E> implements RandomAccess {
    private final Object[] elements;
    private final int size;

    Snapshot(Object[] elements, int size) {
      this.elements = elements;
      this.size = size;
    }

    @Override
    @SuppressWarnings("unchecked")
    public E get(int index) {
      if (index < 0 || index >= size) {
        throw new IndexOutOfBoundsException("index " + index + ", size " + size);
      }
      return (E) elements[index];
    }

    @Override
    public int size() {
      return size;
    }
  }
}
