package dev.xct.core.internal.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ToolThreadsTest {
  /** Where a call ran: the thread's name and whether it was virtual. */
  private record Ran(String thread, boolean virtual) {
    static Ran here() {
      return new Ran(Thread.currentThread().getName(), VirtualThreads.current());
    }
  }

  private static WorkerPool pool(int max) {
    return new WorkerPool("test-worker", max, 30, TimeUnit.SECONDS, 1_000, 1);
  }

  /** Occupies every thread of {@code pool} until {@code release} opens. */
  private static void fill(WorkerPool pool, int max, CountDownLatch release) throws Exception {
    CountDownLatch running = new CountDownLatch(max);
    for (int i = 0; i < max; i++) {
      pool.submit(
          () -> {
            running.countDown();
            release.await();
            return null;
          });
    }
    running.await();
  }

  @Test
  void virtualThreadsAreUsedExactlyWhereTheJdkHasThem() {
    assertThat(VirtualThreads.available()).isEqualTo(Runtime.version().feature() >= 21);
    assertThat(VirtualThreads.current()).isFalse();
  }

  @Test
  void aRunOnAPlatformThreadHandsItsCallsToThePool() throws Exception {
    ToolThreads threads = new ToolThreads(pool(2), VirtualThreads.available());

    Ran ran = threads.submit(Ran::here).get();

    assertThat(ran.thread()).startsWith("test-worker-");
    assertThat(ran.virtual()).isFalse();
  }

  @Test
  void withoutVirtualThreadsACallIsRefusedWhenThePoolIsFull() throws Exception {
    WorkerPool pool = pool(1);
    ToolThreads threads = new ToolThreads(pool, false);
    CountDownLatch release = new CountDownLatch(1);
    try {
      fill(pool, 1, release);

      assertThatThrownBy(() -> threads.submit(Ran::here))
          .isInstanceOf(RejectedExecutionException.class);
    } finally {
      release.countDown();
    }
  }

  @Test
  void withVirtualThreadsACallTheFullPoolCannotTakeRunsOnAVirtualThread() throws Exception {
    assumeTrue(VirtualThreads.available(), "needs JDK 21 or later");
    WorkerPool pool = pool(1);
    ToolThreads threads = new ToolThreads(pool, true);
    CountDownLatch release = new CountDownLatch(1);
    try {
      fill(pool, 1, release);

      Ran ran = threads.submit(Ran::here).get();

      assertThat(ran.virtual()).isTrue();
      assertThat(ran.thread()).startsWith("xct-call-");
      assertThat(pool.threads()).isEqualTo(1);
    } finally {
      release.countDown();
    }
  }

  @Test
  void aRunOnAVirtualThreadHandsItsCallsToVirtualThreads() throws Exception {
    assumeTrue(VirtualThreads.available(), "needs JDK 21 or later");
    WorkerPool pool = pool(1);
    ToolThreads threads = new ToolThreads(pool, true);
    CompletableFuture<Future<Ran>> handed = new CompletableFuture<>();
    VirtualThreads.start(() -> handed.complete(threads.submit(Ran::here)));

    Ran ran = handed.get().get();

    assertThat(ran.virtual()).isTrue();
    assertThat(pool.threads()).isZero();
  }

  @Test
  void theSharedExecutorCannotBeShutDown() {
    assertThatThrownBy(() -> ToolThreads.shared().shutdown())
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(ToolThreads.shared().isShutdown()).isFalse();
  }
}
