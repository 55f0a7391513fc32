package org.vigil.analytics.run;

import java.util.Objects;
import org.vigil.timeseries.TimeSeries;

/**
 * One series handed to the per-series stage.
 *
 * @param subject the result key, {@code INDICATOR|AREA} (the area may be a district)
 * @param series the series as stored (latest value per period, up to today)
 * @param vintage the batch of its latest value (recorded in the anomaly result)
 * @param forecast whether the series is a risk input: forecast and trend on its monthly form
 * @param sum whether the monthly form sums (counts) rather than averages finer periods
 * @param anomalies whether its anomalies are wanted
 */
public record SeriesTask(
    String subject,
    TimeSeries series,
    long vintage,
    boolean forecast,
    boolean sum,
    boolean anomalies) {
  public SeriesTask {
    Objects.requireNonNull(series, "series");
    if (subject == null || subject.indexOf('|') < 1 || subject.contains("\t")) {
      throw new IllegalArgumentException(
          "A task's subject must read INDICATOR|AREA without tabs, found '" + subject + "'");
    }
  }
}
