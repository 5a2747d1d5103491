package dev.xct.benchmarks;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.List;
import java.util.concurrent.ThreadFactory;

/**
 * Makes the threads that benchmark runs start on: {@value #PLATFORM} threads on every JDK, {@value
 * #VIRTUAL} threads where the JDK has them (21 and later). The project compiles with {@code release
 * 17}, whose API has no {@code Thread.ofVirtual()}, so the virtual factory is looked up once with
 * method handles; on 17 it is absent and asking for it fails with a message saying so. Thread-safe.
 */
final class RunThreads {
  /** One platform (operating-system) thread per run. */
  static final String PLATFORM = "platform";

  /** One virtual thread per run, on the JDK's default carrier pool. */
  static final String VIRTUAL = "virtual";

  /** Every kind, in the order they are measured. */
  static final List<String> KINDS = List.of(PLATFORM, VIRTUAL);

  private static final ThreadFactory VIRTUAL_FACTORY = lookUpVirtualFactory();

  private RunThreads() {}

  /** Returns whether this JDK can start virtual threads. */
  static boolean virtualAvailable() {
    return VIRTUAL_FACTORY != null;
  }

  /** Returns why {@value #VIRTUAL} threads cannot be measured on this JDK. */
  static String virtualUnavailable() {
    return "virtual threads need JDK 21 or later; this is Java "
        + Runtime.version()
        + ": skipping the virtual-thread measurements";
  }

  /**
   * Returns a factory of threads of {@code kind}.
   *
   * @throws UnsupportedOperationException if {@code kind} is {@value #VIRTUAL} and this JDK has no
   *     virtual threads
   * @throws IllegalArgumentException if {@code kind} is neither kind
   */
  static ThreadFactory factory(String kind) {
    if (PLATFORM.equals(kind)) {
      return Thread::new;
    }
    if (VIRTUAL.equals(kind)) {
      if (VIRTUAL_FACTORY == null) {
        throw new UnsupportedOperationException(virtualUnavailable());
      }
      return VIRTUAL_FACTORY;
    }
    throw new IllegalArgumentException("unknown thread kind '" + kind + "', expected " + KINDS);
  }

  /** Returns {@code Thread.ofVirtual().factory()}, or {@code null} if this JDK has none. */
  private static ThreadFactory lookUpVirtualFactory() {
    MethodHandles.Lookup lookup = MethodHandles.publicLookup();
    try {
      Class<?> builder = Class.forName("java.lang.Thread$Builder");
      Class<?> ofVirtual = Class.forName("java.lang.Thread$Builder$OfVirtual");
      Object virtualBuilder =
          lookup.findStatic(Thread.class, "ofVirtual", MethodType.methodType(ofVirtual)).invoke();
      return (ThreadFactory)
          lookup
              .findVirtual(builder, "factory", MethodType.methodType(ThreadFactory.class))
              .invoke(virtualBuilder);
    } catch (ClassNotFoundException | NoSuchMethodException | IllegalAccessException e) {
      return null; // JDK 17: no virtual threads
    } catch (UnsupportedOperationException e) {
      return null; // JDK 19 and 20 without --enable-preview
    } catch (Throwable e) { // NOPMD: MethodHandle.invoke declares Throwable
      throw new IllegalStateException("Thread.ofVirtual().factory() failed", e);
    }
  }
}
