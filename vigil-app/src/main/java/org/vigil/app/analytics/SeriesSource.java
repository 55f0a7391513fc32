package org.vigil.app.analytics;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.vigil.app.Vigil;
import org.vigil.model.AccessContext;
import org.vigil.model.Area;
import org.vigil.model.AreaKind;
import org.vigil.model.Indicator;
import org.vigil.model.NotFoundException;
import org.vigil.model.Observation;
import org.vigil.timeseries.Period;
import org.vigil.timeseries.TimeSeries;

/** Reads series and reference data for the analytics services, always with the caller's context. */
final class SeriesSource {
  private final Vigil vigil;

  SeriesSource(Vigil vigil) {
    this.vigil = vigil;
  }

  Indicator indicator(AccessContext ctx, String code) {
    return vigil.reference().knownIndicator(ctx, code);
  }

  Area area(AccessContext ctx, String code) {
    return vigil
        .reference()
        .area(ctx, code)
        .orElseThrow(
            () ->
                new NotFoundException(
                    "Unknown area '"
                        + code
                        + "': expected an ISO 3166-1 alpha-3 code such as KAZ"));
  }

  /** The member states of the CIS today (falls back to every country area when none). */
  List<String> states(AccessContext ctx) {
    List<String> cis =
        vigil
            .reference()
            .members(
                ctx, "CIS", vigil.clock().instant().atZone(java.time.ZoneOffset.UTC).toLocalDate());
    if (!cis.isEmpty()) {
      return cis.stream().sorted().toList();
    }
    return vigil.reference().areas(ctx).stream()
        .filter(a -> a.kind() == AreaKind.COUNTRY)
        .map(Area::code)
        .sorted()
        .toList();
  }

  /**
   * The latest-vintage series the caller can read up to the current period (the clock's today:
   * projections of later periods are not data for the analytics), or empty when it has no value.
   */
  Optional<TimeSeries> series(AccessContext ctx, String indicator, String area) {
    return series(ctx, indicator, area, Instant.MAX);
  }

  Optional<TimeSeries> series(AccessContext ctx, String indicator, String area, Instant asOf) {
    java.time.LocalDate today =
        java.time.LocalDate.ofInstant(vigil.clock().instant(), ZoneOffset.UTC);
    // Periods after today are projections, not data for the analytics.
    return toSeries(
        vigil.observations().series(ctx, indicator, area, asOf).stream()
            .filter(o -> !o.period().start().isAfter(today))
            .toList());
  }

  /**
   * The one place where observations become a series: the latest value per period (the list is
   * ordered by period, later vintages win); empty when there is no value.
   */
  static Optional<TimeSeries> toSeries(List<Observation> obs) {
    TreeMap<Period, Double> points = new TreeMap<>();
    for (Observation o : obs) {
      points.put(o.period(), o.value());
    }
    if (points.isEmpty() || points.values().stream().allMatch(v -> Double.isNaN(v))) {
      return Optional.empty();
    }
    return Optional.of(TimeSeries.fromPoints(points));
  }

  List<Observation> observations(AccessContext ctx, String indicator, String area, Instant asOf) {
    return vigil.observations().series(ctx, indicator, area, asOf);
  }

  /** One owner's series (values other organisations reported for the area are not mixed in). */
  List<Observation> observations(
      AccessContext ctx, String indicator, String area, String owner, Instant asOf) {
    return vigil.observations().series(ctx, indicator, area, owner, asOf);
  }

  Vigil vigil() {
    return vigil;
  }
}
