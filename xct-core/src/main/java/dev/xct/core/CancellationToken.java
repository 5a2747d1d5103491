package dev.xct.core;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets a caller cancel a run, and lets tools notice and react to cancellation.
 *
 * <p>Cancellation is one-way and idempotent: once {@link #cancel()} has been called, {@link
 * #isCancelled()} stays {@code true}. Callbacks registered with {@link #onCancel(Runnable)} run
 * exactly once, on the thread that cancels (or immediately, if already cancelled).
 *
 * <p>Thread-safe.
 */
public final class CancellationToken {
  private static final Logger LOG = LoggerFactory.getLogger(CancellationToken.class);

  private final AtomicBoolean cancelled = new AtomicBoolean();
  private final List<Runnable> callbacks = new CopyOnWriteArrayList<>();

  /** Creates a token that is not cancelled. */
  public CancellationToken() {}

  /** Returns a fresh, uncancelled token. */
  public static CancellationToken create() {
    return new CancellationToken();
  }

  /** Cancels; the first call runs every registered callback, later calls do nothing. */
  public void cancel() {
    if (cancelled.compareAndSet(false, true)) {
      for (Runnable callback : callbacks) {
        // remove() is atomic: whoever removes a callback runs it, so it runs exactly once.
        if (callbacks.remove(callback)) {
          runQuietly(callback);
        }
      }
    }
  }

  /** Returns whether {@link #cancel()} has been called. */
  public boolean isCancelled() {
    return cancelled.get();
  }

  /**
   * Registers a callback that runs once when the token is cancelled; runs it at once if the token
   * is already cancelled.
   */
  public void onCancel(Runnable callback) {
    if (callback == null) {
      throw new XctException("callback must not be null");
    }
    callbacks.add(callback);
    if (cancelled.get() && callbacks.remove(callback)) {
      runQuietly(callback);
    }
  }

  private static void runQuietly(Runnable callback) {
    try {
      callback.run();
    } catch (RuntimeException e) {
      LOG.warn("cancellation callback failed", e);
    }
  }
}
