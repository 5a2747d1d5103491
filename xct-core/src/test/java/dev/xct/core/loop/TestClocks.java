package dev.xct.core.loop;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/** Deterministic clocks for tests in any package. */
public final class TestClocks {
  private TestClocks() {}

  /** Advances {@code tick} on every read, starting at 2026-01-01T00:00Z. */
  public static final class Ticking extends Clock {
    private final Duration tick;
    private final AtomicLong reads = new AtomicLong();

    /** Creates the clock. */
    public Ticking(Duration tick) {
      this.tick = tick;
    }

    @Override
    public Instant instant() {
      return Instant.parse("2026-01-01T00:00:00Z").plus(tick.multipliedBy(reads.getAndIncrement()));
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }

  /** Stands still until a test moves it. */
  public static final class Manual extends Clock {
    private volatile Instant now;

    /** Creates the clock at {@code now}. */
    public Manual(Instant now) {
      this.now = now;
    }

    /** Moves the clock on by {@code by}. */
    public void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }
}
