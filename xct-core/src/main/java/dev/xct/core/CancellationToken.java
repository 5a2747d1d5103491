package dev.xct.core;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
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

  private final AtomicBoolean cancelled = new AtomicBoolean();
  private final Queue<Callback> callbacks = new ConcurrentLinkedQueue<>();

  /** Creates a token that is not cancelled. */
  public CancellationToken() {}

  /** Returns a fresh, uncancelled token. */
  public static CancellationToken create() {
    return new CancellationToken();
  }

  /** Cancels; the first call runs every registered callback, later calls do nothing. */
  public void cancel() {
    if (cancelled.compareAndSet(false, true)) {
      Callback callback;
      while ((callback = callbacks.poll()) != null) {
        callback.runOnce();
      }
    }
  }

  /** Returns whether {@link #cancel()} has been called. */
  public boolean isCancelled() {
    return cancelled.get();
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
    callbacks.add(registered);
    // cancel() may have drained the queue before the add: then nobody else will run it.
    if (cancelled.get()) {
      callbacks.remove(registered);
      registered.runOnce();
    }
    return () -> callbacks.remove(registered);
  }

  /** Removes a callback registered with {@link #onCancel(Runnable)}; idempotent, thread-safe. */
  @FunctionalInterface
  public interface Registration extends AutoCloseable {
    /** Removes the callback if it has not run yet; it then never runs. */
    @Override
    void close();
  }

  /** One registration; identity-based, so equal Runnables stay separate registrations. */
  private static final class Callback {
    private final Runnable action;
    private final AtomicBoolean ran = new AtomicBoolean();

    Callback(Runnable action) {
      this.action = action;
    }

    void runOnce() {
      if (!ran.compareAndSet(false, true)) {
        return;
      }
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
