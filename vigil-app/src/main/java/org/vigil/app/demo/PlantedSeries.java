package org.vigil.app.demo;

import java.util.List;
import org.vigil.timeseries.Period;

/**
 * The ground truth of one synthetic series: what the generator planted, for tests of trend,
 * change-point, anomaly and data-quality detection.
 *
 * <p>Expected level at month t (t = 0 in 2015-01): {@code base * (1 + trendPerYear * t / 12) * (1 +
 * seasonalAmplitude * sin(2 pi (month - seasonalPeakMonth + 3) / 12)) * shocks}, then count noise
 * (Poisson with 5% extra spread) or, for levels, 6% Gaussian noise; independent month to month.
 *
 * @param indicator indicator code
 * @param area area code
 * @param base expected level in 2015-01 before seasonality, in the indicator's unit
 * @param trendPlanted true when a linear trend was planted (about half the series)
 * @param trendPerYear the trend as a fraction of {@code base} per year (0 when none)
 * @param slopePerMonth the trend in units per month ({@code base * trendPerYear / 12})
 * @param seasonalAmplitude relative amplitude of the yearly cycle
 * @param seasonalPeakMonth month (1-12) of the seasonal peak
 * @param shocks planted spikes and level shifts of the history, in time order, all in 2015-06 ..
 *     2025-06 whatever the end month (empty for most series)
 * @param recentShocks the recent event planted in about one series in eight, placed by the end
 *     month: a spike in one of the last two months, or a level shift over the last two or three
 *     months (the "news" the alert rules should raise); empty for most series
 * @param gaps months with no report at all (reporting gaps)
 * @param revised months whose first release was later revised (a later vintage)
 * @param trendOnset the first month of a planted rise that starts near the end of the series (one
 *     documented series, {@link SyntheticGenerator#ONSET_SERIES}: the case a "trend start" rule
 *     should find); empty for every other series
 * @param onsetPerMonth the rise from {@code trendOnset} on, as a fraction of the expected level per
 *     month (0 when none)
 */
public record PlantedSeries(
    String indicator,
    String area,
    double base,
    boolean trendPlanted,
    double trendPerYear,
    double slopePerMonth,
    double seasonalAmplitude,
    int seasonalPeakMonth,
    List<PlantedShock> shocks,
    List<PlantedShock> recentShocks,
    List<Period> gaps,
    List<Period> revised,
    java.util.Optional<Period> trendOnset,
    double onsetPerMonth) {
  public PlantedSeries {
    shocks = List.copyOf(shocks);
    recentShocks = List.copyOf(recentShocks);
    gaps = List.copyOf(gaps);
    revised = List.copyOf(revised);
  }

  /** The history's shocks and then the recent one, in time order. */
  public List<PlantedShock> allShocks() {
    List<PlantedShock> all = new java.util.ArrayList<>(shocks);
    all.addAll(recentShocks);
    return List.copyOf(all);
  }

  /**
   * True when nothing was planted that a trend test should find: no trend, no trend onset and no
   * level shift.
   */
  public boolean isTrendless() {
    return !trendPlanted
        && trendOnset.isEmpty()
        && allShocks().stream().noneMatch(s -> s.kind() == ShockKind.LEVEL_SHIFT);
  }
}
