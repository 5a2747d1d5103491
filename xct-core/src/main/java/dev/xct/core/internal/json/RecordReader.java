package dev.xct.core.internal.json;

import dev.xct.core.XctException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a record's components, in declaration order, through their accessors; each record class's
 * accessors are looked up, made accessible and turned into method handles once. On the module path
 * the record must be public in an exported package, or its package open to {@code dev.xct.core};
 * otherwise reading fails with an {@link XctException} that says which. Thread-safe.
 */
final class RecordReader {
  private static final ClassValue<RecordReader> READERS =
      new ClassValue<>() {
        @Override
        protected RecordReader computeValue(Class<?> type) {
          return new RecordReader(type);
        }
      };

  private static final MethodType READ = MethodType.methodType(Object.class, Object.class);

  private final Class<?> type;
  private final List<String> names = new ArrayList<>();
  private final List<MethodHandle> accessors = new ArrayList<>();
  private final String problem;

  private RecordReader(Class<?> type) {
    this.type = type;
    String unreadable = null;
    for (RecordComponent component : type.getRecordComponents()) {
      Method accessor = component.getAccessor();
      names.add(accessor.getName());
      MethodHandle handle = null;
      try {
        if (accessor.trySetAccessible()) {
          handle = MethodHandles.lookup().unreflect(accessor).asType(READ);
        }
      } catch (IllegalAccessException e) {
        handle = null;
      }
      if (handle == null) {
        unreadable = component.getName();
      }
      accessors.add(handle);
    }
    this.problem =
        unreadable == null
            ? null
            : "cannot read record "
                + type.getName()
                + " (its accessor "
                + unreadable
                + "() is not accessible to XCT): make the record public in an exported package, or"
                + " open package "
                + type.getPackageName()
                + " to dev.xct.core";
  }

  /**
   * The reader asked for last, since results mostly come one record type after another. A benign
   * race: readers are immutable (final fields only), so any thread may see any one of them, and
   * each is checked against the class it is asked for.
   */
  private static RecordReader last; // NOPMD: deliberately not volatile

  /** Returns the reader of {@code record}'s class, made once per class. */
  static RecordReader of(Record record) {
    RecordReader reader = last;
    if (reader == null || reader.type != record.getClass()) {
      reader = READERS.get(record.getClass());
      last = reader;
    }
    return reader;
  }

  /** Returns the name of component {@code i}, in declaration order. */
  String name(int i) {
    return names.get(i);
  }

  /**
   * Returns the values of {@code record}'s components in declaration order, every one read before
   * any is used.
   *
   * @throws XctException naming {@code path} if the record cannot be read or an accessor throws
   */
  Object[] read(Record record, ValuePath path) {
    if (problem != null) {
      throw new XctException(path + ": " + problem);
    }
    Object[] values = new Object[accessors.size()];
    for (int i = 0; i < values.length; i++) {
      try {
        values[i] = (Object) accessors.get(i).invokeExact((Object) record);
      } catch (Error e) {
        throw e;
      } catch (Throwable e) { // NOPMD: whatever the accessor threw, reading the record failed
        throw new XctException(
            path.member(names.get(i)) + ": the accessor of " + type.getName() + " threw", e);
      }
    }
    return values;
  }
}
