package org.vigil.app.analytics;

import org.vigil.analytics.trend.TrendAnalyser;
import org.vigil.analytics.trend.TrendResult;
import org.vigil.analytics.trend.TrendSpec;
import org.vigil.app.Vigil;
import org.vigil.model.AccessContext;
import org.vigil.model.Indicator;
import org.vigil.model.NotFoundException;
import org.vigil.timeseries.TimeSeries;

/** The trend of one indicator in one area, from the values the caller can read. */
public final class TrendService {
  private final SeriesSource source;

  public TrendService(Vigil vigil) {
    this.source = new SeriesSource(vigil);
  }

  /**
   * One series' trend.
   *
   * @param indicator indicator code
   * @param area area code
   * @param result Mann-Kendall, Sen's slope, change points and the statement
   */
  public record TrendReport(Indicator indicator, String area, TrendResult result) {}

  /**
   * Analyses one series.
   *
   * @throws NotFoundException when the indicator or area is unknown or the caller can read no value
   */
  public TrendReport trend(AccessContext ctx, String indicator, String area, TrendSpec spec) {
    Indicator ind = source.indicator(ctx, indicator);
    source.area(ctx, area);
    TimeSeries s =
        source
            .series(ctx, indicator, area)
            .orElseThrow(
                () ->
                    new NotFoundException(
                        "No values of "
                            + indicator
                            + " for "
                            + area
                            + " that you can read: ingest them or ask the owner to share them"));
    return new TrendReport(ind, area, TrendAnalyser.analyse(s, spec, ind.unit()));
  }
}
