package org.vigil.server;

import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Requests per client address in fixed one-minute windows. Cheap and good enough to stop a single
 * client from flooding the server; not a defence against distributed floods (put a proxy in front).
 */
final class RequestRateLimiter {
  private record Window(long minute, int count) {}

  private final int perMinute;
  private final Clock clock;
  private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();

  RequestRateLimiter(int perMinute, Clock clock) {
    this.perMinute = perMinute;
    this.clock = clock;
  }

  /** Counts a request; false when the address has used up its minute. */
  boolean tryAcquire(String address) {
    if (perMinute == 0) {
      return true;
    }
    long minute = clock.millis() / 60_000;
    if (windows.size() > 100_000) {
      windows.values().removeIf(w -> w.minute() < minute);
    }
    Window w =
        windows.compute(
            address,
            (k, old) ->
                old == null || old.minute() != minute
                    ? new Window(minute, 1)
                    : new Window(minute, old.count() + 1));
    return w.count() <= perMinute;
  }

  long secondsLeftInWindow() {
    return 60 - (clock.millis() / 1000) % 60;
  }
}
