package dev.xct.core.internal.run;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.ThreadFactory;

/**
 * Gives the loop virtual threads where the JDK has them (21 and later). The project compiles for
 * Java 17, whose API has neither {@code Thread.ofVirtual()} nor {@code Thread.isVirtual()}, so both
 * are looked up once, at class initialisation, with method handles; on 17 they are absent, no
 * thread is virtual and none can be started. Thread-safe.
 */
final class VirtualThreads {
  private static final ThreadFactory FACTORY = factory("xct-call-");
  private static final MethodHandle IS_VIRTUAL = isVirtualHandle();

  private VirtualThreads() {}

  /** Returns whether this JDK can start virtual threads. */
  static boolean available() {
    return FACTORY != null;
  }

  /** Returns whether the calling thread is virtual; always false before JDK 21. */
  static boolean current() {
    if (IS_VIRTUAL == null) {
      return false;
    }
    try {
      return (boolean) IS_VIRTUAL.invokeExact(Thread.currentThread());
    } catch (Throwable e) { // NOPMD: invokeExact declares Throwable; isVirtual() throws nothing
      throw new IllegalStateException("Thread.isVirtual() failed", e);
    }
  }

  /**
   * Starts {@code task} on a new virtual thread.
   *
   * @throws IllegalStateException if this JDK has none (check {@link #available()} first)
   */
  static void start(Runnable task) {
    if (FACTORY == null) {
      throw new IllegalStateException("virtual threads need JDK 21 or later");
    }
    FACTORY.newThread(task).start();
  }

  /** Returns {@code Thread.ofVirtual().name(prefix, 1).factory()}, or null before JDK 21. */
  private static ThreadFactory factory(String prefix) {
    MethodHandles.Lookup lookup = MethodHandles.publicLookup();
    try {
      Class<?> builder = Class.forName("java.lang.Thread$Builder");
      Class<?> ofVirtual = Class.forName("java.lang.Thread$Builder$OfVirtual");
      Object virtual =
          lookup.findStatic(Thread.class, "ofVirtual", MethodType.methodType(ofVirtual)).invoke();
      Object named =
          lookup
              .findVirtual(
                  ofVirtual, "name", MethodType.methodType(ofVirtual, String.class, long.class))
              .invoke(virtual, prefix, 1L);
      return (ThreadFactory)
          lookup
              .findVirtual(builder, "factory", MethodType.methodType(ThreadFactory.class))
              .invoke(named);
    } catch (ClassNotFoundException | NoSuchMethodException | IllegalAccessException e) {
      return null; // JDK 17: no virtual threads
    } catch (UnsupportedOperationException e) {
      return null; // JDK 19 and 20 without --enable-preview
    } catch (Throwable e) { // NOPMD: MethodHandle.invoke declares Throwable
      throw new ExceptionInInitializerError(e);
    }
  }

  private static MethodHandle isVirtualHandle() {
    try {
      return MethodHandles.publicLookup()
          .findVirtual(Thread.class, "isVirtual", MethodType.methodType(boolean.class));
    } catch (NoSuchMethodException | IllegalAccessException e) {
      return null; // JDK 17
    }
  }
}
