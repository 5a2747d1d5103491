package dev.xct.core.internal.json;

import dev.xct.core.XctException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a record's components, in declaration order, through their accessors; each record class's
 * accessors are looked up and made accessible once. On the module path the record must be public in
 * an exported package, or its package open to {@code dev.xct.core}; otherwise reading fails with an
 * {@link XctException} that says which. Thread-safe.
 */
final class RecordReader {
  private static final ClassValue<RecordReader> READERS =
      new ClassValue<>() {
        @Override
        protected RecordReader computeValue(Class<?> type) {
          return new RecordReader(type);
        }
      };

  private final Class<?> type;
  private final List<Method> accessors = new ArrayList<>();
  private final String problem;

  private RecordReader(Class<?> type) {
    this.type = type;
    String unreadable = null;
    for (RecordComponent component : type.getRecordComponents()) {
      Method accessor = component.getAccessor();
      if (!accessor.trySetAccessible()) {
        unreadable = component.getName();
      }
      accessors.add(accessor);
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

  /** Returns the reader of {@code record}'s class, made once per class. */
  static RecordReader of(Record record) {
    return READERS.get(record.getClass());
  }

  /** Returns the name of component {@code i}, in declaration order. */
  String name(int i) {
    return accessors.get(i).getName();
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
      Method accessor = accessors.get(i);
      try {
        values[i] = accessor.invoke(record);
      } catch (InvocationTargetException e) {
        throw new XctException(
            path.member(accessor.getName()) + ": the accessor of " + type.getName() + " threw",
            e.getCause());
      } catch (IllegalAccessException e) {
        throw new XctException(path + ": " + e.getMessage(), e);
      }
    }
    return values;
  }
}
