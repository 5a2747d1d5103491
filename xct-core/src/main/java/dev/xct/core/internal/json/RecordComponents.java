package dev.xct.core.internal.json;

import java.lang.annotation.Annotation;
import java.lang.reflect.RecordComponent;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Decides which record components a JSON object may leave out, one rule shared by schema generation
 * and binding so that the two never disagree.
 *
 * <p>A component is optional when its type is {@link Optional}, {@link OptionalInt}, {@link
 * OptionalLong} or {@link OptionalDouble}, or when it is marked nullable: by JSpecify's {@link
 * Nullable}, recognised by type (the one XCT documents and its own tools use), or by any other
 * run-time-retained annotation whose simple name is {@code Nullable} (JSR-305's, Jakarta's, the
 * Checker Framework's, a project's own), so that records written for those keep their meaning.
 * Annotations kept only in class files, such as JetBrains', are invisible at run time and do not
 * count.
 */
public final class RecordComponents {
  private static final Set<Class<?>> OPTIONAL_TYPES =
      Set.of(Optional.class, OptionalInt.class, OptionalLong.class, OptionalDouble.class);

  private RecordComponents() {}

  /** Returns whether a JSON object may omit {@code component}. */
  public static boolean isOptional(RecordComponent component) {
    return OPTIONAL_TYPES.contains(component.getType()) || isNullable(component);
  }

  /** Returns whether {@code component} is marked {@code @Nullable}. */
  public static boolean isNullable(RecordComponent component) {
    return hasNullable(component.getAnnotations())
        || hasNullable(component.getAnnotatedType().getAnnotations());
  }

  /** Returns the component of {@code type} called {@code name}, or {@code null}. */
  public static RecordComponent find(Class<?> type, String name) {
    if (!type.isRecord()) {
      return null;
    }
    for (RecordComponent component : type.getRecordComponents()) {
      if (component.getName().equals(name)) {
        return component;
      }
    }
    return null;
  }

  private static boolean hasNullable(Annotation[] annotations) {
    for (Annotation annotation : annotations) {
      if (annotation instanceof Nullable
          || annotation.annotationType().getSimpleName().equals("Nullable")) {
        return true;
      }
    }
    return false;
  }
}
