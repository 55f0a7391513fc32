package org.vigil.app.analytics;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.vigil.analytics.anomaly.Anomaly;
import org.vigil.analytics.anomaly.AnomalyMemo;
import org.vigil.analytics.anomaly.AnomalySpec;
import org.vigil.app.Vigil;
import org.vigil.model.AccessContext;
import org.vigil.timeseries.TimeSeries;

/** Anomalies of one indicator in one area, or in every state the caller can read. */
public final class AnomalyService {
  private final SeriesSource source;

  public AnomalyService(Vigil vigil) {
    this.source = new SeriesSource(vigil);
  }

  /**
   * One anomaly with its place.
   *
   * @param indicator indicator code
   * @param area area code
   * @param anomaly the finding
   */
  public record AreaAnomaly(String indicator, String area, Anomaly anomaly) {}

  /**
   * The anomalies the latest analytic run published ({@link PublishedAnomalies#SPEC}) that ctx may
   * read, of one indicator or all, in one area or all, by indicator, area and period; empty before
   * the first run. The indicator and area given must exist.
   */
  public Optional<PublishedAnomalies.Read> published(
      AccessContext ctx, Optional<String> indicator, Optional<String> area) {
    indicator.ifPresent(i -> source.indicator(ctx, i));
    area.ifPresent(a -> source.area(ctx, a));
    return PublishedAnomalies.read(source.vigil(), ctx, indicator, area);
  }

  /** Anomalies computed on request over what ctx may read, by area then period. */
  public List<AreaAnomaly> anomalies(
      AccessContext ctx, String indicator, Optional<String> area, AnomalySpec spec) {
    source.indicator(ctx, indicator);
    List<String> areas;
    if (area.isPresent()) {
      source.area(ctx, area.get());
      areas = List.of(area.get());
    } else {
      areas = source.states(ctx);
    }
    List<AreaAnomaly> out = new ArrayList<>();
    for (String a : areas) {
      Optional<TimeSeries> s = source.series(ctx, indicator, a);
      if (s.isEmpty()) {
        continue;
      }
      for (Anomaly an : AnomalyMemo.detect(s.get(), spec)) {
        out.add(new AreaAnomaly(indicator, a, an));
      }
    }
    return out;
  }
}
