package org.vigil.app.analytics;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.vigil.analytics.anomaly.Anomaly;
import org.vigil.analytics.anomaly.AnomalySpec;
import org.vigil.analytics.run.SeriesOutcome;
import org.vigil.analytics.run.SeriesStage;
import org.vigil.app.Vigil;
import org.vigil.model.AccessContext;
import org.vigil.model.Indicator;
import org.vigil.model.Observation;
import org.vigil.model.run.AnalyticResult;
import org.vigil.model.run.AnalyticRun;
import org.vigil.model.run.AnalyticRunRepository;
import org.vigil.timeseries.Period;
import org.vigil.timeseries.TimeSeries;

/**
 * Anomalies as results of the analytic run: per series of every indicator and area (every owner's
 * data, in the system context), the robust-z anomalies ({@link #SPEC}, what the report and the
 * alert rules use), stored with the series' owner and the most restrictive classification of its
 * values, so the read rule applies as to the series itself. A series whose vintage (the batch of
 * its latest value) and last period are those of the previous run keeps its stored result and is
 * not recomputed. The forecast-interval detector refits a model per checked value (seconds per
 * series) and stays on request ({@link AnomalyService}).
 */
public final class PublishedAnomalies {
  /** Result kind. */
  public static final String KIND = "ANOMALY";

  /** The published detector: robust z-scores against a Sen trend plus seasonal medians. */
  public static final AnomalySpec SPEC = SeriesStage.ANOMALIES;

  private PublishedAnomalies() {}

  /** One series of an indicator in an area (a state or a district), as the run reads it. */
  record Series(Indicator indicator, String area, List<Observation> observations, TimeSeries ts) {
    String subject() {
      return indicator.code() + "|" + area;
    }

    long vintage() {
      return observations.stream().mapToLong(Observation::batch).max().orElse(0);
    }

    Period end() {
      return ts.trim().end();
    }

    /** Whether the previous run's result was computed from this very input. */
    boolean reusable(Map<String, AnalyticResult> previous) {
      AnalyticResult old = previous.get(subject());
      return old != null && sameInput(old.payload(), vintage(), end());
    }
  }

  /** Every series of every indicator and area with a value (every owner's data, up to today). */
  static List<Series> series(Vigil vigil) {
    AccessContext sys = AccessContext.system();
    LocalDate today = LocalDate.ofInstant(vigil.clock().instant(), ZoneOffset.UTC);
    List<Series> out = new ArrayList<>();
    for (Indicator ind : vigil.reference().indicators(sys)) {
      Map<String, List<Observation>> byArea = new TreeMap<>();
      for (Observation o : vigil.observations().latestByIndicator(sys, ind.code(), Instant.MAX)) {
        // Periods after today are projections (flag F), not data.
        if (!o.period().start().isAfter(today)) {
          byArea.computeIfAbsent(o.area(), a -> new ArrayList<>()).add(o);
        }
      }
      byArea.forEach(
          (area, obs) ->
              SeriesSource.toSeries(obs).ifPresent(ts -> out.add(new Series(ind, area, obs, ts))));
    }
    return out;
  }

  /**
   * The anomaly results of every series: the previous run's result where the input is unchanged,
   * else the computed outcome's.
   *
   * @param previous the previous run's anomaly results by subject (empty for a full run)
   * @param outcomes the per-series stage's outcomes by subject
   */
  static List<AnalyticResult> results(
      List<Series> series,
      Map<String, AnalyticResult> previous,
      Map<String, SeriesOutcome> outcomes) {
    List<AnalyticResult> out = new ArrayList<>();
    for (Series s : series) {
      String payload =
          s.reusable(previous)
              ? previous.get(s.subject()).payload()
              : outcomes.get(s.subject()).anomalies();
      out.add(
          new AnalyticResult(
              0,
              KIND,
              s.subject(),
              s.area(),
              s.indicator().domain().name(),
              s.end().toString(),
              0,
              payload,
              AnalyticRunner.mostRestrictive(s.observations())));
    }
    return out;
  }

  private static boolean sameInput(String payload, long vintage, Period end) {
    JsonNode n = tree(payload);
    return n.path("vintage").asLong(-1) == vintage && n.path("end").asText().equals(end.toString());
  }

  private static JsonNode tree(String payload) {
    try {
      return AnalyticRunner.JSON.readTree(payload);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Stored anomaly result is not JSON: " + e.getMessage(), e);
    }
  }

  private static List<Anomaly> anomalies(String payload) {
    List<Anomaly> out = new ArrayList<>();
    for (JsonNode m : tree(payload).path("anomalies")) {
      out.add(
          new Anomaly(
              Period.parse(m.get("period").asText()),
              number(m.get("value")),
              number(m.get("expected")),
              number(m.get("lower")),
              number(m.get("upper")),
              Anomaly.Method.valueOf(m.get("method").asText()),
              number(m.get("score")),
              m.get("description").asText()));
    }
    return out;
  }

  private static double number(JsonNode n) {
    return n == null || !n.isNumber() ? Double.NaN : n.asDouble();
  }

  /**
   * What the latest run published.
   *
   * @param runId the run read (0 when there is none yet)
   * @param anomalies the anomalies the reader may read, by area then period
   */
  public record Read(long runId, List<AnomalyService.AreaAnomaly> anomalies) {}

  /**
   * The anomalies of one indicator or every indicator, in one area or every area, as published by
   * the latest analytic run, filtered by what ctx may read; empty when no run has been published
   * yet.
   */
  public static Optional<Read> read(
      Vigil vigil, AccessContext ctx, Optional<String> indicator, Optional<String> area) {
    AnalyticRunRepository repo = vigil.store().analyticRuns();
    Optional<AnalyticRun> run = repo.latest(ctx, Instant.MAX);
    if (run.isEmpty()) {
      return Optional.empty();
    }
    List<AnomalyService.AreaAnomaly> out = new ArrayList<>();
    for (AnalyticResult r : repo.results(ctx, KIND, run.get().id())) {
      String[] ia = r.subject().split("\\|", 2);
      if (indicator.map(ia[0]::equals).orElse(true) && area.map(ia[1]::equals).orElse(true)) {
        for (Anomaly a : anomalies(r.payload())) {
          out.add(new AnomalyService.AreaAnomaly(ia[0], ia[1], a));
        }
      }
    }
    return Optional.of(new Read(run.get().id(), out));
  }
}
