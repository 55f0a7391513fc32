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
 * @param shocks planted spikes and level shifts, in time order (empty for most series)
 * @param gaps months with no report at all (reporting gaps)
 * @param revised months whose first release was later revised (a later vintage)
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
    List<Period> gaps,
    List<Period> revised) {
  public PlantedSeries {
    shocks = List.copyOf(shocks);
    gaps = List.copyOf(gaps);
    revised = List.copyOf(revised);
  }

  /** True when nothing was planted that a trend test should find: no trend and no level shift. */
  public boolean isTrendless() {
    return !trendPlanted && shocks.stream().noneMatch(s -> s.kind() == ShockKind.LEVEL_SHIFT);
  }
}
