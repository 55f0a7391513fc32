package org.vigil.app.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Slows password guessing without locking anybody out. Failed logins are counted under three keys,
 * each with exponential back-off: after {@code free} failures the next attempt must wait {@code
 * base}, then twice as long after each further failure, up to {@code max}.
 *
 * <ul>
 *   <li><b>address</b>: all failures from one client address (one machine trying many accounts);
 *   <li><b>account at address</b>: one account's failures from one address (the owner mistyping, or
 *       one machine guessing one password);
 *   <li><b>account</b>: one account's failures from every address (many machines guessing one
 *       password). This key does not apply to an address that logged in to the account successfully
 *       before: the owner's usual address is never held back by someone else's guesses, which is
 *       what made the old fixed lock-out (five failures) a denial of service.
 * </ul>
 *
 * <p>An attempt that must wait is refused before the password is checked, so it teaches an attacker
 * nothing and is not counted. A success clears the account's counts at that address and across
 * addresses, never the address's own count (one valid account must not reset a guessing machine). A
 * count is forgotten a day after its last failure.
 *
 * <p>Kept in memory: a restart forgets failures, which at worst grants a few more free attempts.
 * Thread-safe.
 */
final class LoginThrottle {
  /** How one key backs off. */
  record Backoff(int free, Duration base, Duration max) {
    Duration after(int failures) {
      if (failures < free) {
        return Duration.ZERO;
      }
      int doublings = Math.min(failures - free, 30);
      Duration d = base.multipliedBy(1L << doublings);
      return d.compareTo(max) > 0 ? max : d;
    }
  }

  /** Ten free failures per address, three per account and address, ten per account. */
  static final Backoff ADDRESS = new Backoff(10, Duration.ofSeconds(1), Duration.ofMinutes(15));

  static final Backoff ACCOUNT_AT_ADDRESS =
      new Backoff(3, Duration.ofSeconds(1), Duration.ofMinutes(15));
  static final Backoff ACCOUNT = new Backoff(10, Duration.ofSeconds(1), Duration.ofMinutes(5));

  private static final Duration FORGET = Duration.ofDays(1);
  private static final Duration KNOWN_FOR = Duration.ofDays(30);
  private static final int MAX_KEYS = 50_000;

  private record Count(int failures, Instant last) {}

  private final Clock clock;
  private final Map<String, Count> addresses = new HashMap<>();
  private final Map<String, Count> pairs = new HashMap<>();
  private final Map<String, Count> accounts = new HashMap<>();
  private final Map<String, Instant> known = new LinkedHashMap<>();

  LoginThrottle(Clock clock) {
    this.clock = clock;
  }

  /**
   * Refuses the attempt while any key that applies is backing off.
   *
   * @throws TooManyAttemptsException with the time until the next attempt may be made
   */
  synchronized void check(String account, String address) {
    Instant now = clock.instant();
    Duration wait = waitFor(addresses, address, ADDRESS, now);
    wait = longer(wait, waitFor(pairs, pair(account, address), ACCOUNT_AT_ADDRESS, now));
    if (!isKnown(account, address, now)) {
      wait = longer(wait, waitFor(accounts, account, ACCOUNT, now));
    }
    if (!wait.isZero()) {
      long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
      throw new TooManyAttemptsException(
          "Too many failed logins for this account or from this address; wait "
              + seconds
              + " s before trying again (each further failure doubles the wait)",
          Duration.ofSeconds(seconds));
    }
  }

  synchronized void failed(String account, String address) {
    Instant now = clock.instant();
    count(addresses, address, now);
    count(pairs, pair(account, address), now);
    count(accounts, account, now);
    if (addresses.size() + pairs.size() + accounts.size() + known.size() > MAX_KEYS) {
      prune(now);
    }
  }

  synchronized void succeeded(String account, String address) {
    pairs.remove(pair(account, address));
    accounts.remove(account);
    known.put(pair(account, address), clock.instant());
  }

  private boolean isKnown(String account, String address, Instant now) {
    Instant last = known.get(pair(account, address));
    return last != null && last.plus(KNOWN_FOR).isAfter(now);
  }

  private static Duration waitFor(Map<String, Count> map, String key, Backoff b, Instant now) {
    Count c = map.get(key);
    if (c == null) {
      return Duration.ZERO;
    }
    if (!c.last().plus(FORGET).isAfter(now)) {
      map.remove(key);
      return Duration.ZERO;
    }
    Instant until = c.last().plus(b.after(c.failures()));
    return until.isAfter(now) ? Duration.between(now, until) : Duration.ZERO;
  }

  private static void count(Map<String, Count> map, String key, Instant now) {
    Count c = map.get(key);
    int before = c == null || !c.last().plus(FORGET).isAfter(now) ? 0 : c.failures();
    map.put(key, new Count(before + 1, now));
  }

  private static Duration longer(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  private static String pair(String account, String address) {
    return account + "\n" + address;
  }

  private void prune(Instant now) {
    addresses.values().removeIf(c -> !c.last().plus(FORGET).isAfter(now));
    pairs.values().removeIf(c -> !c.last().plus(FORGET).isAfter(now));
    accounts.values().removeIf(c -> !c.last().plus(FORGET).isAfter(now));
    known.values().removeIf(t -> !t.plus(KNOWN_FOR).isAfter(now));
  }
}
