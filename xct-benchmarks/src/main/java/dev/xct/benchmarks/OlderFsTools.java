package dev.xct.benchmarks;

import dev.xct.core.Toolkit;
import dev.xct.core.tool.Tool;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads the fs tools of an older {@code xct-tools-fs} jar next to the current ones, so that {@link
 * FsCrossCheck} can measure a change against its predecessor in the same rounds. Only {@code
 * dev.xct.tools.fs} classes come from the jar (child-first); {@code Tool} and everything else come
 * from the benchmark's own class path, so the old tools are called through the same interface.
 */
final class OlderFsTools {
  private static final String PACKAGE = "dev.xct.tools.fs.";

  private OlderFsTools() {}

  /** Returns the older jar's tools for one read-write root. */
  static List<Tool> load(Path jar, Path root) throws IOException {
    ClassLoader loader = new ChildFirst(new URL[] {jar.toUri().toURL()});
    try {
      Class<?> type = Class.forName(PACKAGE + "FsTools", true, loader);
      Object fs = type.getMethod("forRoot", Path.class).invoke(null, root);
      List<Tool> tools = new ArrayList<>();
      for (Object tool : tools(type, fs)) {
        tools.add((Tool) tool);
      }
      return tools;
    } catch (ClassNotFoundException
        | NoSuchMethodException
        | IllegalAccessException
        | InvocationTargetException e) {
      throw new IOException("cannot load the fs tools from " + jar, e);
    }
  }

  /**
   * Returns the tools of {@code fs}: {@code toolkit().tools()}, or {@code tools()} in older jars.
   */
  private static List<?> tools(Class<?> type, Object fs)
      throws NoSuchMethodException, IllegalAccessException, InvocationTargetException {
    try {
      return ((Toolkit) type.getMethod("toolkit").invoke(fs)).tools();
    } catch (NoSuchMethodException e) {
      return (List<?>) type.getMethod("tools").invoke(fs);
    }
  }

  /** Loads {@code dev.xct.tools.fs} classes from its own jar first. */
  private static final class ChildFirst extends URLClassLoader {
    ChildFirst(URL[] urls) {
      super(urls, OlderFsTools.class.getClassLoader());
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      if (!name.startsWith(PACKAGE)) {
        return super.loadClass(name, resolve);
      }
      synchronized (getClassLoadingLock(name)) {
        Class<?> loaded = findLoadedClass(name);
        if (loaded == null) {
          loaded = findClass(name);
        }
        if (resolve) {
          resolveClass(loaded);
        }
        return loaded;
      }
    }
  }
}
