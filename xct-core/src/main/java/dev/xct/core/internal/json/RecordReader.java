package dev.xct.core.internal.json;

import dev.xct.core.XctException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

  /**
   * Returns the components of {@code record} by name, in declaration order.
   *
   * @throws XctException naming {@code path} if the record cannot be read or an accessor throws
   */
  static Map<String, Object> components(Record record, ValuePath path) {
    return READERS.get(record.getClass()).read(record, path);
  }

  private Map<String, Object> read(Record record, ValuePath path) {
    if (problem != null) {
      throw new XctException(path + ": " + problem);
    }
    Map<String, Object> values = new LinkedHashMap<>();
    for (Method accessor : accessors) {
      try {
        values.put(accessor.getName(), accessor.invoke(record));
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
