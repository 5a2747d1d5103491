package dev.xct.core.internal.collect;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.ref.WeakReference;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.function.Supplier;

/**
 * Holds elements appended one at a time (a run's steps) and hands out immutable snapshots of them
 * in constant time: a snapshot shares the backing array, whose slots below its size never change.
 * So handing the transcript to the model client on every step costs nothing however long the run.
 * Depends on nothing but the JDK, so API value types may recognise its snapshots without depending
 * on the engine.
 *
 * <p>A reader that derives something from the growing list (the default renderer's rendered steps)
 * may keep it in a {@linkplain #memo memo} on the list itself: it then lives exactly as long as the
 * list, which the run's engine holds, so nothing is kept once the run has ended, and concurrent
 * runs never see each other's memos. Snapshots reach their list only weakly, so a kept result does
 * not keep the memos.
 *
 * <p>Appending is confined to one thread; snapshots are immutable and thread-safe; memos are
 * thread-safe.
 *
 * @param <E> the element type
 */
public final class AppendOnlyList<E> {
  /** At most this many memos per list: a reader that makes a new key per call gets none. */
  static final int MAX_MEMOS = 4;

  private static final Object[] NO_MEMOS = {};
  private static final VarHandle MEMOS;

  static {
    try {
      MEMOS = MethodHandles.lookup().findVarHandle(AppendOnlyList.class, "memos", Object[].class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private final WeakReference<AppendOnlyList<?>> self = new WeakReference<>(this);
  private Object[] elements = new Object[16];
  private int size;
  private Snapshot<E> last = new Snapshot<>(elements, 0, self);

  /** Keys and values, alternating; replaced as a whole, never written in place. */
  private volatile Object[] memos = NO_MEMOS;

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
      last = new Snapshot<>(elements, size, self);
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

  /**
   * Returns the memo under {@code key} of the list that {@code snapshot} was taken from, made with
   * {@code create} the first time; {@code null} if {@code snapshot} is not a snapshot, its list is
   * no longer reachable, or the list already holds {@value #MAX_MEMOS} memos under other keys. Keys
   * are compared by identity. {@code create} may run more than once when threads race; one result
   * wins and is returned to all.
   */
  public static <V> V memo(List<?> snapshot, Object key, Supplier<? extends V> create) {
    if (!(snapshot instanceof Snapshot<?> s)) {
      return null;
    }
    AppendOnlyList<?> owner = s.owner.get();
    return owner == null ? null : owner.memo(key, create);
  }

  @SuppressWarnings("unchecked")
  private <V> V memo(Object key, Supplier<? extends V> create) {
    while (true) {
      Object[] current = (Object[]) MEMOS.getAcquire(this);
      for (int i = 0; i < current.length; i += 2) {
        if (current[i] == key) {
          return (V) current[i + 1];
        }
      }
      if (current.length == 2 * MAX_MEMOS) {
        return null;
      }
      V value = Objects.requireNonNull(create.get(), "memo");
      Object[] next = Arrays.copyOf(current, current.length + 2);
      next[current.length] = key;
      next[current.length + 1] = value;
      if (MEMOS.compareAndSet(this, current, next)) {
        return value;
      }
    }
  }

  /** An immutable view of the first {@code size} slots of an array that only grows past them. */
  private static final class Snapshot<E> extends AbstractList<E> implements RandomAccess {
    private final Object[] elements;
    private final int size;
    private final WeakReference<AppendOnlyList<?>> owner;

    Snapshot(Object[] elements, int size, WeakReference<AppendOnlyList<?>> owner) {
      this.elements = elements;
      this.size = size;
      this.owner = owner;
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
