package org.vigil.app.analytics;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.vigil.analytics.anomaly.Anomaly;
import org.vigil.analytics.anomaly.AnomalyDetector;
import org.vigil.analytics.anomaly.AnomalySpec;
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
  public static final AnomalySpec SPEC =
      AnomalySpec.DEFAULT.withMethods(EnumSet.of(Anomaly.Method.ROBUST_Z));

  private PublishedAnomalies() {}

  /**
   * The anomaly results of every series; unchanged series reuse the previous run's results.
   *
   * @param previous the previous run's anomaly results by subject (empty for a full run)
   */
  static List<AnalyticResult> compute(Vigil vigil, Map<String, AnalyticResult> previous) {
    AccessContext sys = AccessContext.system();
    LocalDate today = LocalDate.ofInstant(vigil.clock().instant(), ZoneOffset.UTC);
    List<AnalyticResult> out = new ArrayList<>();
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
              SeriesSource.toSeries(obs)
                  .ifPresent(ts -> out.add(result(ind, area, obs, ts, previous))));
    }
    return out;
  }

  private static AnalyticResult result(
      Indicator ind,
      String area,
      List<Observation> obs,
      TimeSeries ts,
      Map<String, AnalyticResult> previous) {
    String subject = ind.code() + "|" + area;
    long vintage = obs.stream().mapToLong(Observation::batch).max().orElse(0);
    Period end = ts.trim().end();
    AnalyticResult old = previous.get(subject);
    String payload;
    if (old != null && sameInput(old.payload(), vintage, end)) {
      payload = old.payload();
    } else {
      try {
        payload = payload(vintage, end, AnomalyDetector.detect(ts, SPEC));
      } catch (RuntimeException e) {
        // A failed series is recorded with its error; it never fails the run.
        ObjectNode n = AnalyticRunner.JSON.createObjectNode();
        n.put("vintage", vintage);
        n.put("end", end.toString());
        n.put("error", String.valueOf(e.getMessage()));
        n.putArray("anomalies");
        payload = n.toString();
      }
    }
    return new AnalyticResult(
        0,
        KIND,
        subject,
        area,
        ind.domain().name(),
        end.toString(),
        0,
        payload,
        AnalyticRunner.mostRestrictive(obs));
  }

  private static boolean sameInput(String payload, long vintage, Period end) {
    JsonNode n = tree(payload);
    return n.path("vintage").asLong(-1) == vintage && n.path("end").asText().equals(end.toString());
  }

  static String payload(long vintage, Period end, List<Anomaly> found) {
    ObjectNode n = AnalyticRunner.JSON.createObjectNode();
    n.put("vintage", vintage);
    n.put("end", end.toString());
    ArrayNode a = n.putArray("anomalies");
    for (Anomaly an : found) {
      ObjectNode m = a.addObject();
      m.put("period", an.period().toString());
      m.put("value", an.value());
      m.put("expected", an.expected());
      m.put("lower", an.lower());
      m.put("upper", an.upper());
      m.put("method", an.method().name());
      m.put("score", an.score());
      m.put("description", an.description());
    }
    return n.toString();
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
