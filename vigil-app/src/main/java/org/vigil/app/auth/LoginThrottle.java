package org.vigil.app.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Limits failed logins in a sliding window, separately per account (stops guessing one user's
 * password from many addresses) and per client address (stops one address from trying many
 * accounts). When either limit is reached, further attempts are refused before the password is
 * checked, until the oldest failure in the window has aged out. A successful login clears the
 * account's failures, not the address's.
 *
 * <p>Kept in memory: a restart forgets failures, which at worst grants one more window of attempts.
 * Thread-safe.
 */
final class LoginThrottle {
  private final Clock clock;
  private final Duration window;
  private final int perAccount;
  private final int perAddress;
  private final Map<String, Deque<Instant>> accounts = new HashMap<>();
  private final Map<String, Deque<Instant>> addresses = new HashMap<>();

  LoginThrottle(Clock clock, Duration window, int perAccount, int perAddress) {
    this.clock = clock;
    this.window = window;
    this.perAccount = perAccount;
    this.perAddress = perAddress;
  }

  /**
   * Refuses the attempt when the account or the address used up its failures.
   *
   * @throws TooManyAttemptsException with the time until the next attempt may be made
   */
  synchronized void check(String account, String address) {
    Instant now = clock.instant();
    Duration accountWait = waitFor(accounts, account, perAccount, now);
    Duration addressWait = waitFor(addresses, address, perAddress, now);
    Duration wait = accountWait.compareTo(addressWait) >= 0 ? accountWait : addressWait;
    if (!wait.isZero()) {
      throw new TooManyAttemptsException(
          "Too many failed logins for this account or from this address; wait "
              + Math.max(1, wait.toSeconds())
              + " s before trying again",
          wait);
    }
  }

  synchronized void failed(String account, String address) {
    Instant now = clock.instant();
    accounts.computeIfAbsent(account, k -> new ArrayDeque<>()).addLast(now);
    addresses.computeIfAbsent(address, k -> new ArrayDeque<>()).addLast(now);
    if (accounts.size() + addresses.size() > 50_000) {
      prune(accounts, now);
      prune(addresses, now);
    }
  }

  synchronized void succeeded(String account) {
    accounts.remove(account);
  }

  private Duration waitFor(Map<String, Deque<Instant>> map, String key, int limit, Instant now) {
    Deque<Instant> failures = map.get(key);
    if (failures == null) {
      return Duration.ZERO;
    }
    Instant cutoff = now.minus(window);
    while (!failures.isEmpty() && !failures.peekFirst().isAfter(cutoff)) {
      failures.removeFirst();
    }
    if (failures.size() < limit) {
      return Duration.ZERO;
    }
    return Duration.between(cutoff, failures.peekFirst());
  }

  private void prune(Map<String, Deque<Instant>> map, Instant now) {
    Instant cutoff = now.minus(window);
    map.values().removeIf(d -> d.isEmpty() || !d.peekLast().isAfter(cutoff));
  }
}
