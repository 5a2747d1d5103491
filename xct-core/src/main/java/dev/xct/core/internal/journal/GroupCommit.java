package dev.xct.core.internal.journal;

import java.io.IOException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Shares forces between concurrent appenders (leader/follower group commit). An appender whose
 * record is not yet durable either becomes the leader, forcing everything written so far in one
 * call, or waits for the leader in progress; when the leader finishes, every record it covered is
 * durable and its appenders return. No thread of its own and no timer: the batch is simply whatever
 * arrived while the previous force ran. Thread-safe.
 */
final class GroupCommit {
  /** What a force covers: every record up to {@code seq}, written to {@code segment}. */
  record Target(long seq, SegmentFile segment) {}

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition forced = lock.newCondition();
  private long durableSeq;
  private boolean forcing;
  private IOException failure;

  /** Blocks until record {@code seq} is durable. */
  void awaitDurable(long seq, Supplier<Target> target) throws IOException {
    lock.lock();
    try {
      while (durableSeq < seq) {
        if (failure != null) {
          throw failure;
        }
        if (forcing) {
          forced.awaitUninterruptibly();
          continue;
        }
        forcing = true;
        Target covered = null;
        IOException error = null;
        lock.unlock();
        try {
          covered = target.get();
          // Succeeds without a force when a roll already forced and closed the segment; fails when
          // it was closed unforced. Never reports an unforced record durable.
          covered.segment().force();
        } catch (IOException e) {
          error = e;
        } finally {
          lock.lock();
          forcing = false;
        }
        if (error != null) {
          failure = error;
        } else {
          durableSeq = Math.max(durableSeq, covered.seq());
        }
        forced.signalAll();
      }
    } finally {
      lock.unlock();
    }
  }
}
