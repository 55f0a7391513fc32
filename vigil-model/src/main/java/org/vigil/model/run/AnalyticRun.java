package org.vigil.model.run;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One analytic run: what it read (the vintage of every input series), with which methodology and
 * spec, when, and what it produced.
 *
 * @param id run id (1, 2, ...)
 * @param trigger what started it: "analyse", "ingest", "schedule", "demo"
 * @param full true for a full run (every series recomputed), false for an incremental one
 * @param methodology methodology id
 * @param methodologyVersion methodology version
 * @param spec the run's other settings, in words (forecast method, draws, seed)
 * @param startedAt when it started (the run's clock)
 * @param finishedAt when it finished, empty while running
 * @param dataAsOf the latest vintage time among its inputs
 * @param period the latest month scored ("now"), empty before it is known
 * @param status RUNNING, DONE or FAILED
 * @param seriesComputed series whose forecasts and trends were computed (the rest were reused)
 * @param resultsChanged results stored by this run (those that differ from the previous ones)
 * @param failures series that failed (recorded as ERROR results)
 * @param inputs input series ("INDICATOR|AREA") to the id of the ingest batch of their latest value
 */
public record AnalyticRun(
    long id,
    String trigger,
    boolean full,
    String methodology,
    String methodologyVersion,
    String spec,
    Instant startedAt,
    Optional<Instant> finishedAt,
    Optional<Instant> dataAsOf,
    Optional<String> period,
    String status,
    int seriesComputed,
    int resultsChanged,
    int failures,
    Map<String, Long> inputs) {
  public AnalyticRun {
    inputs = java.util.Collections.unmodifiableMap(new TreeMap<>(inputs));
  }
}
