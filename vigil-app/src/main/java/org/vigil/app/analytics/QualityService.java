package org.vigil.app.analytics;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.vigil.analytics.quality.QualityChecker;
import org.vigil.analytics.quality.QualityReport;
import org.vigil.analytics.quality.QualitySpec;
import org.vigil.app.Vigil;
import org.vigil.model.AccessContext;
import org.vigil.model.Indicator;
import org.vigil.model.IngestBatch;
import org.vigil.model.Observation;
import org.vigil.model.Polarity;
import org.vigil.model.ThreatDomain;

/**
 * Quality reports per state and dataset (a dataset is the indicators of one threat domain). The
 * vintages of each value are rebuilt from the series as of each ingest batch the caller can see (at
 * most the latest {@value #MAX_BATCHES}), so revisions and first-report times come from the store's
 * append-only history.
 */
public final class QualityService {
  static final int MAX_BATCHES = 24;
  private final SeriesSource source;

  public QualityService(Vigil vigil) {
    this.source = new SeriesSource(vigil);
  }

  /** Reports for one state or every state the caller can read, checked as of the clock's now. */
  public List<QualityReport> quality(AccessContext ctx, Optional<String> area) {
    return quality(ctx, area, Optional.empty());
  }

  /**
   * Reports on one owner's series only (values other organisations reported for the same areas are
   * their series), for every state the caller can read or one area. The alert rules call it in the
   * owner's own context ({@link AccessContext#job}), so a finding is computed from what the owner
   * may read, never from what the evaluator may.
   */
  public List<QualityReport> quality(
      AccessContext ctx, Optional<String> area, Optional<String> owner) {
    Vigil vigil = source.vigil();
    Instant now = vigil.clock().instant();
    List<String> areas =
        area.map(a -> List.of(source.area(ctx, a).code())).orElseGet(() -> source.states(ctx));
    List<Instant> times = batchTimes(ctx);
    Map<ThreatDomain, List<Indicator>> byDomain = new TreeMap<>();
    for (Indicator i : vigil.reference().indicators(ctx)) {
      byDomain.computeIfAbsent(i.domain(), d -> new ArrayList<>()).add(i);
    }
    QualitySpec.Builder spec = QualitySpec.builder(now);
    for (Indicator i : vigil.reference().indicators(ctx)) {
      // A share lies in 0..100, a ratio in percent from 0 with no upper bound (withdrawal over
      // renewable water exceeds 100 where a basin is over-drawn); other units with a polarity
      // (counts, rates, amounts) cannot be negative.
      switch (i.scale()) {
        case SHARE, PERCENT_RATIO -> spec.bounds(i.code(), i.scale().min(), i.scale().max());
        case OTHER -> {
          if (i.polarity() != Polarity.NEUTRAL) {
            spec.bounds(i.code(), 0, Double.MAX_VALUE);
          }
        }
      }
    }
    QualitySpec qs = spec.build();
    List<QualityReport> out = new ArrayList<>();
    for (String a : areas) {
      for (Map.Entry<ThreatDomain, List<Indicator>> e : byDomain.entrySet()) {
        List<QualityChecker.IndicatorHistory> hs = new ArrayList<>();
        for (Indicator ind : e.getValue()) {
          List<Observation> v = vintages(ctx, ind.code(), a, owner, times);
          if (!v.isEmpty()) {
            hs.add(new QualityChecker.IndicatorHistory(ind.code(), ind.frequency(), v));
          }
        }
        if (!hs.isEmpty()) {
          out.add(QualityChecker.check(a, e.getKey().name(), hs, qs));
        }
      }
    }
    return out;
  }

  private List<Instant> batchTimes(AccessContext ctx) {
    TreeSet<Instant> t = new TreeSet<>();
    for (IngestBatch b : source.vigil().observations().batches(ctx)) {
      t.add(b.at());
    }
    List<Instant> all = new ArrayList<>(t);
    List<Instant> out =
        new ArrayList<>(all.subList(Math.max(0, all.size() - MAX_BATCHES), all.size()));
    out.add(Instant.MAX);
    return out;
  }

  /** Every vintage seen as of the batch times, oldest first per period. */
  private List<Observation> vintages(
      AccessContext ctx,
      String indicator,
      String area,
      Optional<String> whose,
      List<Instant> times) {
    Map<String, Observation> seen = new HashMap<>();
    List<Observation> latest =
        whose.isPresent()
            ? source.observations(ctx, indicator, area, whose.get(), Instant.MAX)
            : source.observations(ctx, indicator, area, Instant.MAX);
    if (latest.isEmpty()) {
      return List.of();
    }
    // One owner's history: values other organisations reported for the area are their series.
    String owner = latest.get(0).ownership().owner();
    for (Instant t : times) {
      for (Observation o : source.observations(ctx, indicator, area, owner, t)) {
        seen.putIfAbsent(o.period() + "|" + o.batch() + "|" + o.recordedAt(), o);
      }
    }
    List<Observation> out = new ArrayList<>(seen.values());
    out.sort(Comparator.comparing(Observation::period).thenComparing(Observation::recordedAt));
    return out;
  }
}
