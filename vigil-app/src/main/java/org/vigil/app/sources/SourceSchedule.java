package org.vigil.app.sources;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.vigil.app.PeriodicTask;
import org.vigil.model.AccessContext;
import org.vigil.model.VigilException;

/**
 * Pulls sources on a schedule: {@code VIGIL_SOURCES_SCHEDULE} is {@code off} (the default), {@code
 * daily@HH:mm} (UTC) or an interval ({@code 6h}, {@code 1d}); {@code VIGIL_SOURCES_SCHEDULE_NAMES}
 * lists the sources (comma-separated; default all) and {@code VIGIL_SOURCES_SCHEDULE_YEARS} how
 * many years back each scheduled pull asks for (default 3; revisions older than that wait for a
 * manual pull). Times come from the injected clock: {@link #tick} pulls when the due time has come
 * and sets the next one, so tests drive it with their own clock. A failed pull is logged and
 * counted and the others go on. Thread-safe.
 */
public final class SourceSchedule implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(SourceSchedule.class.getName());

  /**
   * When pulls are due: at a time of day (UTC), or every interval from the start.
   *
   * @param daily the time of day, or empty for an interval
   * @param every the interval (a day for daily plans)
   */
  public record Plan(Optional<LocalTime> daily, Duration every) {
    public Plan {
      if (every == null || every.compareTo(Duration.ofMinutes(1)) < 0) {
        throw new IllegalArgumentException(
            "A source schedule's interval is at least 1 minute, found " + every);
      }
    }

    /**
     * Parses {@code off}, {@code daily@03:00} or an interval such as {@code 90m}, {@code 6h},
     * {@code 1d}.
     *
     * @throws IllegalArgumentException naming the forms expected
     */
    public static Optional<Plan> parse(String text) {
      String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
      if (t.isEmpty() || t.equals("off")) {
        return Optional.empty();
      }
      try {
        if (t.startsWith("daily@")) {
          return Optional.of(
              new Plan(Optional.of(LocalTime.parse(t.substring(6))), Duration.ofDays(1)));
        }
        if (t.matches("\\d+[mhd]")) {
          long n = Long.parseLong(t.substring(0, t.length() - 1));
          Duration d =
              switch (t.charAt(t.length() - 1)) {
                case 'm' -> Duration.ofMinutes(n);
                case 'h' -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
              };
          return Optional.of(new Plan(Optional.empty(), d));
        }
      } catch (DateTimeParseException e) {
        // named below
      }
      throw new IllegalArgumentException(
          "VIGIL_SOURCES_SCHEDULE: expected off, daily@HH:mm (UTC) or an interval such as 6h or"
              + " 1d, found '"
              + text
              + "'");
    }

    /** The first due time after {@code start} (daily: the next HH:mm; interval: start + every). */
    Instant first(Instant start) {
      if (daily.isEmpty()) {
        return start.plus(every);
      }
      LocalDate day = LocalDate.ofInstant(start, ZoneOffset.UTC);
      Instant at = daily.get().atDate(day).toInstant(ZoneOffset.UTC);
      return at.isAfter(start) ? at : at.plus(Duration.ofDays(1));
    }

    /** The due time after one at {@code due} that ran at {@code now}: never in the past. */
    Instant next(Instant due, Instant now) {
      Instant n = due.plus(every);
      while (!n.isAfter(now)) {
        n = n.plus(every);
      }
      return n;
    }
  }

  private final SourceService service;
  private final Clock clock;
  private final Plan plan;
  private final List<String> names;
  private final int years;
  private final AtomicLong pulls = new AtomicLong();
  private final AtomicLong failures = new AtomicLong();
  private Instant due;
  private PeriodicTask timer;

  public SourceSchedule(
      SourceService service, Clock clock, Plan plan, List<String> names, int years) {
    if (years < 1) {
      throw new IllegalArgumentException(
          "VIGIL_SOURCES_SCHEDULE_YEARS: expected at least 1, found " + years);
    }
    names.forEach(service.catalog()::find);
    this.service = service;
    this.clock = clock;
    this.plan = plan;
    this.names = List.copyOf(names);
    this.years = years;
    this.due = plan.first(clock.instant());
  }

  /**
   * The schedule the environment asks for, or empty when it is off.
   *
   * @throws IllegalArgumentException when a setting is malformed or names an unknown source
   */
  public static Optional<SourceSchedule> fromEnvironment(
      SourceService service, Clock clock, Map<String, String> env) {
    Optional<Plan> plan = Plan.parse(env.get("VIGIL_SOURCES_SCHEDULE"));
    if (plan.isEmpty()) {
      return Optional.empty();
    }
    List<String> names = new ArrayList<>();
    String list = env.getOrDefault("VIGIL_SOURCES_SCHEDULE_NAMES", "");
    for (String n : list.split(",")) {
      if (!n.isBlank()) {
        names.add(n.trim());
      }
    }
    if (names.isEmpty()) {
      service.catalog().sources().forEach(s -> names.add(s.name()));
    }
    int years;
    try {
      years = Integer.parseInt(env.getOrDefault("VIGIL_SOURCES_SCHEDULE_YEARS", "3").trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "VIGIL_SOURCES_SCHEDULE_YEARS: expected a whole number of years, found '"
              + env.get("VIGIL_SOURCES_SCHEDULE_YEARS")
              + "'",
          e);
    }
    return Optional.of(new SourceSchedule(service, clock, plan.get(), names, years));
  }

  /** Checks the clock once a minute on one daemon thread until closed. */
  public synchronized SourceSchedule start() {
    if (timer == null) {
      timer =
          PeriodicTask.start(
              "vigil-source-schedule", Duration.ofSeconds(1), Duration.ofSeconds(60), this::tick);
    }
    return this;
  }

  /** The next time pulls are due. */
  public synchronized Instant due() {
    return due;
  }

  /**
   * Pulls every scheduled source if the due time has come, then sets the next due time.
   *
   * @return the pulls that succeeded (empty when nothing was due)
   */
  public synchronized List<SourcePull> tick() {
    Instant now = clock.instant();
    if (now.isBefore(due)) {
      return List.of();
    }
    LocalDate since = LocalDate.ofInstant(now, ZoneOffset.UTC).minusYears(years).withDayOfYear(1);
    AccessContext ctx = AccessContext.system().withOrigin("schedule");
    List<SourcePull> done = new ArrayList<>();
    for (String name : names) {
      try {
        done.add(service.pull(ctx, name, Optional.of(since)));
        pulls.incrementAndGet();
      } catch (VigilException | IllegalArgumentException e) {
        failures.incrementAndGet();
        LOG.log(Level.WARNING, "Scheduled pull of " + name + " failed: " + e.getMessage());
      }
    }
    due = plan.next(due, now);
    return done;
  }

  /** Pulls that succeeded since the start. */
  public long pulls() {
    return pulls.get();
  }

  /** Pulls that failed since the start. */
  public long failures() {
    return failures.get();
  }

  @Override
  public synchronized void close() {
    if (timer != null) {
      timer.halt();
    }
  }
}
