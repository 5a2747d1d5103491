package dev.xct.core.internal.json;

import dev.xct.core.XctException;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.util.HashSet;
import java.util.Set;
import tools.jackson.databind.ObjectMapper;

/**
 * Decides, before anything is bound, whether Jackson can construct a record and every class it
 * reaches through its components, and says what to export or open when it cannot.
 *
 * <p>Jackson calls the canonical constructor reflectively from its own module, {@code
 * tools.jackson.databind}. Tried on JDK 17 with Jackson 3.3: that works when the package is open to
 * Jackson (any class), or exported to it (unqualified or {@code to tools.jackson.databind}) and the
 * class is {@code public}; an export to {@code dev.xct.core} alone does not help, and a {@code
 * protected} member record fails like a package-private one. Enums need neither. On the class path
 * everything is in the unnamed module, which opens every package, so every record passes. Without
 * this check the failure surfaces only when the model calls the tool, as an {@code
 * INVALID_ARGUMENTS} result the model cannot fix. Stateless and thread-safe.
 */
public final class RecordAccess {
  private static final Module JACKSON = ObjectMapper.class.getModule();

  /** Jackson's module as the advice names it; on the class path no advice is ever given. */
  private static final String JACKSON_NAME =
      JACKSON.isNamed() ? JACKSON.getName() : "tools.jackson.databind";

  private RecordAccess() {}

  /**
   * Checks {@code type} and every class reachable through its components.
   *
   * @param subject what the type is for, such as {@code "tool 'orders.refund'"}, to open the
   *     message
   * @throws XctException naming the class, the module and the {@code exports} or {@code opens}
   *     directive that would fix it
   */
  public static void check(Class<?> type, String subject) {
    String problem = problem(type);
    if (problem != null) {
      throw new XctException(subject + ": " + problem);
    }
  }

  /** Returns why Jackson cannot construct {@code type} or a class it reaches, or {@code null}. */
  public static String problem(Class<?> type) {
    return problem(type, "", type, new HashSet<>());
  }

  private static String problem(Type type, String path, Class<?> root, Set<Class<?>> seen) {
    if (type instanceof ParameterizedType parameterized) {
      for (Type argument : parameterized.getActualTypeArguments()) {
        String problem = problem(argument, path, root, seen);
        if (problem != null) {
          return problem;
        }
      }
      return problem(parameterized.getRawType(), path, root, seen);
    }
    if (type instanceof GenericArrayType array) {
      return problem(array.getGenericComponentType(), path, root, seen);
    }
    if (type instanceof WildcardType wildcard) {
      for (Type bound : wildcard.getUpperBounds()) {
        String problem = problem(bound, path, root, seen);
        if (problem != null) {
          return problem;
        }
      }
      return null;
    }
    if (!(type instanceof Class<?> cls) || !seen.add(cls)) {
      return null;
    }
    if (cls.isArray()) {
      return problem(cls.getComponentType(), path, root, seen);
    }
    if (!constructedByJackson(cls)) {
      return null;
    }
    String own = inaccessible(cls, path.isEmpty() ? null : "'" + path + "' of " + root.getName());
    if (own != null || !cls.isRecord()) {
      return own;
    }
    for (RecordComponent component : cls.getRecordComponents()) {
      String child = path.isEmpty() ? component.getName() : path + "." + component.getName();
      String problem = problem(component.getGenericType(), child, root, seen);
      if (problem != null) {
        return problem;
      }
    }
    return null;
  }

  /** Records and other concrete classes of the application; not enums, not the JDK's types. */
  private static boolean constructedByJackson(Class<?> cls) {
    ClassLoader loader = cls.getClassLoader();
    return !cls.isPrimitive()
        && !cls.isEnum()
        && !cls.isInterface()
        && !Modifier.isAbstract(cls.getModifiers())
        && loader != null
        && loader != ClassLoader.getPlatformClassLoader();
  }

  private static String inaccessible(Class<?> cls, String at) {
    Module module = cls.getModule();
    String pkg = cls.getPackageName();
    if (module.isOpen(pkg, JACKSON)) {
      return null;
    }
    boolean exported = module.isExported(pkg, JACKSON);
    boolean isPublic = Modifier.isPublic(cls.getModifiers());
    if (exported && isPublic) {
      return null;
    }
    String kind = cls.isRecord() ? "record " : "class ";
    String what =
        at == null
            ? "Jackson cannot construct the argument " + kind + cls.getName()
            : "Jackson cannot construct the " + kind + cls.getName() + " at " + at;
    String opens = "'opens " + pkg + " to " + JACKSON_NAME + ";'";
    String where = " to the module-info.java of " + module.getName();
    if (!isPublic) {
      String makePublic =
          (cls.isLocalClass() || cls.isAnonymousClass()
                  ? "declare it outside the method as a public " + kind.trim()
                  : "make it public")
              + (exported ? "" : " and add 'exports " + pkg + ";'");
      return what
          + ": it is not public and package "
          + pkg
          + " of module "
          + module.getName()
          + " is not open to "
          + JACKSON_NAME
          + "; "
          + makePublic
          + ", or add "
          + opens
          + where;
    }
    Module core = RecordAccess.class.getModule();
    String coreOnly =
        module != core && module.isExported(pkg, core)
            ? " (exporting it to " + core.getName() + " is not enough)"
            : "";
    return what
        + ": package "
        + pkg
        + " of module "
        + module.getName()
        + " is not exported to "
        + JACKSON_NAME
        + coreOnly
        + "; add 'exports "
        + pkg
        + ";' or "
        + opens
        + where;
  }
}
