package dev.xct.core.internal.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class WorkerPoolTest {
  private static WorkerPool pool(int max) {
    return new WorkerPool("test-worker", max, 30, TimeUnit.SECONDS, 1_000, 1);
  }

  /** Submits {@code call} once a thread is free: a thread that just finished may not be yet. */
  private static <T> Future<T> submitWhenFree(WorkerPool pool, Callable<T> call) {
    while (true) {
      try {
        return pool.submit(call);
      } catch (RejectedExecutionException e) {
        Thread.yield();
      }
    }
  }

  @Test
  void aCallRunsOnANamedDaemonThreadOfThePool() throws Exception {
    Thread ran = pool(2).submit(Thread::currentThread).get();

    assertThat(ran.getName()).startsWith("test-worker-");
    assertThat(ran.isDaemon()).isTrue();
  }

  @Test
  void whenEveryThreadIsBusyTheNextCallIsRefusedNotQueued() throws Exception {
    WorkerPool pool = pool(2);
    CountDownLatch running = new CountDownLatch(2);
    CountDownLatch release = new CountDownLatch(1);
    List<Future<?>> busy = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      busy.add(
          pool.submit(
              () -> {
                running.countDown();
                release.await();
                return null;
              }));
    }
    running.await();
    List<String> ran = new ArrayList<>();

    assertThatThrownBy(() -> pool.execute(() -> ran.add("third")))
        .isInstanceOf(RejectedExecutionException.class)
        .hasMessageContaining("all 2 threads of test-worker are busy");
    assertThat(pool.threads()).isEqualTo(2);

    release.countDown();
    for (Future<?> call : busy) {
      call.get();
    }
    submitWhenFree(pool, () -> ran.add("later")).get();
    assertThat(ran).containsExactly("later");
    assertThat(pool.threads()).isLessThanOrEqualTo(2);
  }

  @Test
  void aThreadThatFinishedACallTakesTheNext() throws Exception {
    WorkerPool pool = pool(1);
    Thread first = pool.submit(Thread::currentThread).get();

    for (int i = 0; i < 20; i++) {
      assertThat(submitWhenFree(pool, Thread::currentThread).get()).isSameAs(first);
    }
  }

  @Test
  void anInterruptAimedAtOneCallDoesNotReachTheNext() throws Exception {
    WorkerPool pool = pool(1);
    pool.submit(() -> Thread.currentThread().interrupt()).get();

    assertThat(submitWhenFree(pool, () -> Thread.currentThread().isInterrupted()).get()).isFalse();
  }

  @Test
  void idleThreadsEndAfterTheKeepAliveTime() throws Exception {
    WorkerPool pool = new WorkerPool("test-worker", 4, 1, TimeUnit.MILLISECONDS, 0, 1);
    pool.submit(() -> null).get();

    while (pool.threads() > 0) {
      Thread.yield();
    }
    assertThat(pool.submit(() -> "again").get()).isEqualTo("again");
  }

  @Test
  void theSharedPoolCannotBeShutDown() {
    WorkerPool pool = pool(1);

    assertThatThrownBy(pool::shutdown).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(pool::shutdownNow).isInstanceOf(UnsupportedOperationException.class);
    assertThat(pool.isShutdown()).isFalse();
  }
}
