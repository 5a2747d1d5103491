package dev.xct.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CancellationTokenTest {

  @Test
  void aNewTokenIsNotCancelled() {
    assertThat(CancellationToken.create().isCancelled()).isFalse();
  }

  @Test
  void cancelRunsEachCallbackExactlyOnceEvenWhenCalledAgain() {
    CancellationToken token = new CancellationToken();
    AtomicInteger runs = new AtomicInteger();
    token.onCancel(runs::incrementAndGet);

    token.cancel();
    token.cancel();

    assertThat(token.isCancelled()).isTrue();
    assertThat(runs).hasValue(1);
  }

  @Test
  void aCallbackRegisteredAfterCancelRunsAtOnceAndOnlyOnce() {
    CancellationToken token = new CancellationToken();
    token.cancel();
    AtomicInteger runs = new AtomicInteger();

    token.onCancel(runs::incrementAndGet);
    token.cancel();

    assertThat(runs).hasValue(1);
  }

  @Test
  void theSameRunnableRegisteredTwiceRunsTwice() {
    CancellationToken token = new CancellationToken();
    AtomicInteger runs = new AtomicInteger();
    Runnable callback = runs::incrementAndGet;
    token.onCancel(callback);
    token.onCancel(callback);

    token.cancel();

    assertThat(runs).hasValue(2);
  }

  @Test
  void aClosedRegistrationNeverRunsAndTheOthersRunInTheOrderTheyCame() {
    CancellationToken token = new CancellationToken();
    List<String> ran = new ArrayList<>();
    token.onCancel(() -> ran.add("first"));
    CancellationToken.Registration second = token.onCancel(() -> ran.add("second"));
    CancellationToken.Registration third = token.onCancel(() -> ran.add("third"));
    token.onCancel(() -> ran.add("fourth"));

    second.close();
    second.close();
    token.cancel();
    third.close();

    assertThat(ran).containsExactly("first", "third", "fourth");
  }

  @Test
  void aThrowingCallbackDoesNotStopTheOthers() {
    CancellationToken token = new CancellationToken();
    AtomicInteger runs = new AtomicInteger();
    token.onCancel(runs::incrementAndGet);
    token.onCancel(
        () -> {
          throw new IllegalStateException("boom (expected by the test)");
        });
    token.onCancel(runs::incrementAndGet);

    token.cancel();

    assertThat(runs).hasValue(2);
  }

  @Test
  void aNullCallbackIsRefused() {
    assertThatThrownBy(() -> new CancellationToken().onCancel(null))
        .isInstanceOf(XctException.class);
  }

  @Test
  void callbacksRunExactlyOnceWhenRegistrationRacesWithCancel() throws Exception {
    for (int round = 0; round < 200; round++) {
      CancellationToken token = new CancellationToken();
      int registrars = 4;
      int perRegistrar = 25;
      List<AtomicInteger> counters = new ArrayList<>();
      for (int i = 0; i < registrars * perRegistrar; i++) {
        counters.add(new AtomicInteger());
      }
      CountDownLatch start = new CountDownLatch(1);
      List<Thread> threads = new ArrayList<>();
      for (int r = 0; r < registrars; r++) {
        int first = r * perRegistrar;
        threads.add(
            new Thread(
                () -> {
                  await(start);
                  for (int i = first; i < first + perRegistrar; i++) {
                    token.onCancel(counters.get(i)::incrementAndGet);
                  }
                }));
      }
      for (int c = 0; c < 2; c++) {
        threads.add(
            new Thread(
                () -> {
                  await(start);
                  token.cancel();
                }));
      }
      threads.forEach(Thread::start);

      start.countDown();
      for (Thread thread : threads) {
        thread.join(TimeUnit.SECONDS.toMillis(10));
        assertThat(thread.isAlive()).as("thread finished").isFalse();
      }

      assertThat(counters)
          .as("round %d", round)
          .allSatisfy(counter -> assertThat(counter).hasValue(1));
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
