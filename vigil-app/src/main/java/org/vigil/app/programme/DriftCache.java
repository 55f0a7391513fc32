package org.vigil.app.programme;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.vigil.analytics.programme.DriftSpec;
import org.vigil.analytics.programme.KpiDrift;
import org.vigil.analytics.programme.MeasureProgress;
import org.vigil.timeseries.TimeSeries;

/**
 * Plan drift assessments already made, so that the programme page does not wait for the same
 * forecasts again (about 2 s for the demo's four-KPI programme).
 *
 * <p>An assessment is a pure function of the programme version, the day, the spec and the inputs
 * the reader may read: the KPI series and the measures' progress from the implementation reports
 * the reader sees ({@link org.vigil.analytics.programme.DriftEngine} is deterministic). The key is
 * exactly those inputs, as read by the reader with the reader's access context on every request. So
 * two readers share an entry only when they read the same data, a reader never gets a figure
 * computed from data they may not read, and a new vintage of a KPI's series or a new report changes
 * the key (the data vintage as the reader sees it). A new version of the programme, or a new day,
 * starts a new generation and drops the programme's older entries; within a generation at most
 * {@link #PER_GENERATION} distinct reader views are kept, the least recently used dropped first.
 *
 * <p>Thread-safe. Two requests that miss at once both compute; the second result replaces the
 * first, which is equal.
 */
final class DriftCache {
  /** Distinct views (sets of inputs) kept per programme generation. */
  static final int PER_GENERATION = 32;

  /** What an assessment depends on besides the programme's code. */
  record Inputs(DriftSpec spec, Map<String, TimeSeries> series, List<MeasureProgress> progress) {
    Inputs {
      series = Map.copyOf(series);
      progress = List.copyOf(progress);
    }
  }

  private record Generation(int version, LocalDate asOf, Map<Inputs, List<KpiDrift>> entries) {}

  private final Map<String, Generation> programmes = new LinkedHashMap<>();
  private long hits;
  private long misses;

  /**
   * The assessment of a programme version on a day for these inputs: the kept one, or {@code
   * compute}'s result, kept.
   */
  List<KpiDrift> get(
      String programme,
      int version,
      LocalDate asOf,
      Inputs inputs,
      Supplier<List<KpiDrift>> compute) {
    synchronized (this) {
      Generation g = programmes.get(programme);
      if (g != null && g.version() == version && g.asOf().equals(asOf)) {
        List<KpiDrift> kept = g.entries().get(inputs);
        if (kept != null) {
          hits++;
          return kept;
        }
      }
      misses++;
    }
    List<KpiDrift> made = List.copyOf(compute.get());
    synchronized (this) {
      Generation g = programmes.get(programme);
      if (g == null || g.version() != version || !g.asOf().equals(asOf)) {
        g = new Generation(version, asOf, lru());
        programmes.put(programme, g);
      }
      g.entries().put(inputs, made);
    }
    return made;
  }

  /** Requests answered from the cache so far. */
  synchronized long hits() {
    return hits;
  }

  /** Requests that computed an assessment so far. */
  synchronized long misses() {
    return misses;
  }

  private static Map<Inputs, List<KpiDrift>> lru() {
    return new LinkedHashMap<>(16, 0.75f, true) {
      private static final long serialVersionUID = 1L;

      @Override
      protected boolean removeEldestEntry(Map.Entry<Inputs, List<KpiDrift>> eldest) {
        return size() > PER_GENERATION;
      }
    };
  }
}
