package dev.xct.core.internal.json;

import java.lang.annotation.Annotation;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Binds the common case of a tool's arguments without Jackson's data binding: a record whose
 * components are all strings, booleans, {@code int}s or {@code long}s (primitive or boxed), with no
 * Jackson annotation anywhere on it, from an object that fits it exactly. It answers only when
 * {@link Json#BINDER} would bind the same object to an equal record, and declines ({@code null})
 * otherwise: an unknown, missing or {@code null} member that the record does not allow, a value of
 * another JSON type, a number out of range or written with a fraction. A declined object goes
 * through the general path, which binds it or says what is wrong exactly as before, so a record
 * whose constructor rejects its arguments is constructed a second time there, to report it. Data
 * binding costs about a tenth of a step for a two-string record; this path a small fraction of
 * that. Immutable and thread-safe.
 */
final class FlatRecords {
  private static final Set<Class<?>> FLAT_TYPES =
      Set.of(
          String.class,
          boolean.class,
          Boolean.class,
          int.class,
          Integer.class,
          long.class,
          Long.class);

  private static final FlatRecords NOT_FLAT = new FlatRecords(List.of(), null);

  /** One component: its JSON name, Java type and whether the object may omit it or give null. */
  private record Member(String name, Class<?> type, boolean mayBeNull) {}

  private final List<Member> members;
  private final MethodHandle constructor;

  private FlatRecords(List<Member> members, MethodHandle constructor) {
    this.members = members;
    this.constructor = constructor;
  }

  /** Returns {@code node} bound to the record type, or {@code null} to leave it to data binding. */
  Object bind(JsonNode node) {
    return this == NOT_FLAT || !node.isObject() ? null : construct(node);
  }

  private Object construct(JsonNode object) {
    Object[] values = new Object[members.size()];
    int present = 0;
    for (int i = 0; i < values.length; i++) {
      Member member = members.get(i);
      JsonNode value = object.get(member.name());
      if (value == null || value.isNull()) {
        if (!member.mayBeNull()) {
          return null;
        }
      } else {
        values[i] = value(value, member.type());
        if (values[i] == null) {
          return null;
        }
      }
      present += value == null ? 0 : 1;
    }
    if (present != object.size()) {
      return null; // a member the record does not have
    }
    try {
      return (Object) constructor.invokeExact(values);
    } catch (RuntimeException rejected) { // NOPMD: data binding calls it again and reports it
      return null;
    } catch (Error e) {
      throw e;
    } catch (Throwable checked) { // NOPMD: as above
      return null;
    }
  }

  /**
   * Returns the Java value of {@code node} for {@code type}, or {@code null} if it does not fit.
   */
  private static Object value(JsonNode node, Class<?> type) {
    if (type == String.class) {
      return node.isString() ? node.stringValue() : null;
    }
    if (type == boolean.class || type == Boolean.class) {
      return node.isBoolean() ? node.booleanValue() : null;
    }
    if (type == int.class || type == Integer.class) {
      return node.isInt() ? node.intValue() : null;
    }
    return node.isInt() || node.isLong() ? node.longValue() : null;
  }

  /** Returns the binder of {@code type}; {@link #bind} declines everything if it is not flat. */
  static FlatRecords of(Class<?> type) {
    if (!type.isRecord()
        || hasJacksonAnnotation(type)
        || type.getDeclaredConstructors().length != 1) {
      return NOT_FLAT;
    }
    RecordComponent[] components = type.getRecordComponents();
    List<Member> members = new ArrayList<>(components.length);
    Class<?>[] types = new Class<?>[components.length];
    for (int i = 0; i < components.length; i++) {
      RecordComponent component = components[i];
      types[i] = component.getType();
      if (!FLAT_TYPES.contains(types[i]) || hasJacksonAnnotation(component)) {
        return NOT_FLAT;
      }
      boolean mayBeNull = !types[i].isPrimitive() && RecordComponents.isOptional(component);
      members.add(new Member(component.getName(), types[i], mayBeNull));
    }
    for (var field : type.getDeclaredFields()) {
      if (hasJacksonAnnotation(field)) {
        return NOT_FLAT;
      }
    }
    for (var method : type.getDeclaredMethods()) {
      if (hasJacksonAnnotation(method) || hasJacksonAnnotatedParameter(method)) {
        return NOT_FLAT;
      }
    }
    try {
      Constructor<?> canonical = type.getDeclaredConstructor(types);
      if (hasJacksonAnnotation(canonical)
          || hasJacksonAnnotatedParameter(canonical)
          || !canonical.trySetAccessible()) {
        return NOT_FLAT;
      }
      MethodHandle constructor =
          MethodHandles.lookup()
              .unreflectConstructor(canonical)
              .asType(MethodType.genericMethodType(types.length))
              .asSpreader(Object[].class, types.length);
      return new FlatRecords(List.copyOf(members), constructor);
    } catch (ReflectiveOperationException | RuntimeException e) {
      return NOT_FLAT; // data binding reports whatever stands in the way
    }
  }

  private static boolean hasJacksonAnnotatedParameter(Executable executable) {
    for (Parameter parameter : executable.getParameters()) {
      if (hasJacksonAnnotation(parameter)) {
        return true;
      }
    }
    return false;
  }

  /** Whether a Jackson annotation, or one bundling Jackson annotations, is on {@code element}. */
  private static boolean hasJacksonAnnotation(AnnotatedElement element) {
    for (Annotation annotation : element.getAnnotations()) {
      Class<? extends Annotation> type = annotation.annotationType();
      if (isJackson(type)) {
        return true;
      }
      for (Annotation meta : type.getAnnotations()) {
        if (isJackson(meta.annotationType())) {
          return true; // @JacksonAnnotationsInside, or anything else of Jackson's
        }
      }
    }
    return false;
  }

  private static boolean isJackson(Class<? extends Annotation> type) {
    String name = type.getName();
    return name.startsWith("com.fasterxml.jackson.") || name.startsWith("tools.jackson.");
  }
}
