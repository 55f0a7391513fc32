package org.vigil.app.programme;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.vigil.app.Vigil;
import org.vigil.app.VigilConfig;
import org.vigil.app.demo.DemoData;

/** A fresh in-memory Vigil with the demo and its programmes, on a clock that starts 2026-03-15. */
final class DemoVigil {
  private static final AtomicInteger COUNTER = new AtomicInteger();

  private DemoVigil() {}

  static Vigil open() {
    Vigil v =
        Vigil.open(
            VigilConfig.h2InMemory("programme_" + COUNTER.incrementAndGet())
                .withClock(new TickingClock(Instant.parse("2026-03-15T08:00:00Z"))));
    DemoData.load(v);
    ProgrammeDemo.load(v);
    return v;
  }

  /** One millisecond later on every reading, so that every write has its own time. */
  static final class TickingClock extends Clock {
    private Instant now;

    TickingClock(Instant start) {
      this.now = start;
    }

    @Override
    public synchronized Instant instant() {
      now = now.plusMillis(1);
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
