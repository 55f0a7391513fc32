package org.vigil.app.demo;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * What the synthetic generator produces: its seed and the months it covers. Same spec, same series.
 * The planted trends, shocks and gaps do not depend on {@code last} (they all fall in 2015-06 ..
 * 2025-06, and each series draws its plan before its noise), so that part of the ground truth of
 * the default spec holds for any later end month; the recent events ({@link
 * PlantedSeries#recentShocks}) are placed by {@code last} and move with it.
 *
 * @param seed the generator's seed
 * @param first first month (2015-01 by default)
 * @param last last month, at least 2025-12
 */
public record DemoSpec(long seed, YearMonth first, YearMonth last) {
  public static final long DEFAULT_SEED = 20_150_101L;
  public static final YearMonth FIRST = YearMonth.of(2015, 1);
  public static final YearMonth MIN_LAST = YearMonth.of(2025, 12);

  /** The default: seed 20150101, 2015-01 .. 2025-12. */
  public static final DemoSpec DEFAULT = new DemoSpec(DEFAULT_SEED, FIRST, MIN_LAST);

  public DemoSpec {
    if (first == null || last == null || !first.equals(FIRST) || last.isBefore(MIN_LAST)) {
      throw new IllegalArgumentException(
          "Demo months must run from "
              + FIRST
              + " to "
              + MIN_LAST
              + " or later, found "
              + first
              + " .. "
              + last);
    }
  }

  /** The default seed, up to the last full month before {@code today} (at least 2025-12). */
  public static DemoSpec endingBefore(LocalDate today) {
    YearMonth last = YearMonth.from(today).minusMonths(1);
    return new DemoSpec(DEFAULT_SEED, FIRST, last.isBefore(MIN_LAST) ? MIN_LAST : last);
  }

  /** Number of months covered. */
  public int months() {
    return (int) (first.until(last, java.time.temporal.ChronoUnit.MONTHS) + 1);
  }
}
