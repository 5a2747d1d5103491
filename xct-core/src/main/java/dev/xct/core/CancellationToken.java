package dev.xct.core;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets a caller cancel a run, and lets tools notice and react to cancellation.
 *
 * <p>Cancellation is one-way and idempotent: once {@link #cancel()} has been called, {@link
 * #isCancelled()} stays {@code true}. Callbacks registered with {@link #onCancel(Runnable)} run
 * exactly once, on the thread that cancels (or immediately, if already cancelled), also when {@code
 * cancel} and {@code onCancel} race on different threads. After cancellation the token holds no
 * references to callbacks.
 *
 * <p>Thread-safe.
 */
public final class CancellationToken {
  private static final Logger LOG = LoggerFactory.getLogger(CancellationToken.class);

  /** The state once cancelled; before, the callbacks to run, oldest first. */
  private static final Object CANCELLED = new Object();

  private static final Callback[] NONE = {};
  private static final VarHandle STATE;

  static {
    try {
      STATE = MethodHandles.lookup().findVarHandle(CancellationToken.class, "state", Object.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  // One field, replaced as a whole: a token is made for every model and tool call, and most are
  // never cancelled and never get a callback.
  private volatile Object state = NONE;

  /** Creates a token that is not cancelled. */
  public CancellationToken() {}

  /** Returns a fresh, uncancelled token. */
  public static CancellationToken create() {
    return new CancellationToken();
  }

  /** Cancels; the first call runs every registered callback, later calls do nothing. */
  public void cancel() {
    Object before = STATE.getAndSet(this, CANCELLED);
    if (before != CANCELLED) {
      for (Callback callback : (Callback[]) before) {
        callback.run();
      }
    }
  }

  /** Returns whether {@link #cancel()} has been called. */
  public boolean isCancelled() {
    return state == CANCELLED;
  }

  /**
   * Registers a callback that runs once when the token is cancelled; runs it at once, on the
   * calling thread, if the token is already cancelled. Registering the same callback twice runs it
   * twice. A callback that throws is logged and does not stop the others. Closing the returned
   * registration removes the callback, so a long-lived token does not keep it reachable.
   *
   * @throws XctException if {@code callback} is null
   */
  public Registration onCancel(Runnable callback) {
    if (callback == null) {
      throw new XctException("callback must not be null");
    }
    Callback registered = new Callback(callback);
    while (true) {
      Object current = state;
      if (current == CANCELLED) {
        registered.run();
        return () -> {};
      }
      Callback[] callbacks = (Callback[]) current;
      Callback[] next = Arrays.copyOf(callbacks, callbacks.length + 1);
      next[callbacks.length] = registered;
      if (STATE.compareAndSet(this, current, next)) {
        return () -> remove(registered);
      }
    }
  }

  private void remove(Callback registered) {
    while (true) {
      Object current = state;
      if (current == CANCELLED) {
        return;
      }
      Callback[] callbacks = (Callback[]) current;
      int at = 0;
      while (at < callbacks.length && callbacks[at] != registered) {
        at++;
      }
      if (at == callbacks.length) {
        return;
      }
      Callback[] next = new Callback[callbacks.length - 1];
      System.arraycopy(callbacks, 0, next, 0, at);
      System.arraycopy(callbacks, at + 1, next, at, next.length - at);
      if (STATE.compareAndSet(this, current, next)) {
        return;
      }
    }
  }

  /** Removes a callback registered with {@link #onCancel(Runnable)}; idempotent, thread-safe. */
  @FunctionalInterface
  public interface Registration extends AutoCloseable {
    /** Removes the callback if it has not run yet; it then never runs. */
    @Override
    void close();
  }

  /**
   * One registration; identity-based, so equal Runnables stay separate registrations. It runs at
   * most once: only the thread whose {@code cancel} ended the callbacks' state runs them, and a
   * registration that finds the token cancelled is never added.
   */
  private static final class Callback {
    private final Runnable action;

    Callback(Runnable action) {
      this.action = action;
    }

    void run() {
      try {
        action.run();
      } catch (Throwable e) { // NOPMD: a callback's failure short of a JVM error is only logged
        if (e instanceof VirtualMachineError error) {
          throw error;
        }
        LOG.warn("cancellation callback failed", e);
      }
    }
  }
}
