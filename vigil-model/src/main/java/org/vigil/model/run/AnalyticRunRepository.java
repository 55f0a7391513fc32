package org.vigil.model.run;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.vigil.model.AccessContext;

/**
 * Analytic runs and their versioned results. Only internal jobs (the system context) write; every
 * reader reads the stored results filtered by the store's read rule. Reads never write (sensitive
 * reads leave an audit record).
 */
public interface AnalyticRunRepository {

  /** Starts a run (system only). */
  AnalyticRun begin(
      AccessContext ctx,
      String trigger,
      boolean full,
      String methodology,
      String methodologyVersion,
      String spec);

  /**
   * Stores the results that differ from the current ones (payload or ownership) as versions of this
   * run; unchanged results keep their earlier version (system only).
   *
   * @return the number of results stored
   */
  int publish(AccessContext ctx, long runId, Collection<AnalyticResult> results);

  /** Finishes a run with what it read and did (system only). */
  AnalyticRun finish(AccessContext ctx, AnalyticRun run);

  /** The latest finished run at or before asOf (Instant.MAX for the latest). */
  Optional<AnalyticRun> latest(AccessContext ctx, Instant asOf);

  /** One run. */
  Optional<AnalyticRun> run(AccessContext ctx, long id);

  /** Runs, newest first. */
  List<AnalyticRun> runs(AccessContext ctx, int limit);

  /**
   * The results of one kind as published by run {@code runId} (the latest version of each subject
   * stored by that run or an earlier one) that ctx may read.
   */
  List<AnalyticResult> results(AccessContext ctx, String kind, long runId);

  /** As {@link #results(AccessContext, String, long)}, only for the periods given. */
  List<AnalyticResult> results(
      AccessContext ctx, String kind, long runId, Collection<String> periods);

  /** The results of one kind stored by exactly this run (what the run changed). */
  List<AnalyticResult> changedBy(AccessContext ctx, String kind, long runId);

  /** Stored goalposts (JSON) of a methodology version. */
  Optional<String> goalposts(AccessContext ctx, String methodology, String version);

  /** Stores goalposts once (system only); a second call for the same version changes nothing. */
  void saveGoalposts(AccessContext ctx, String methodology, String version, String json);
}
