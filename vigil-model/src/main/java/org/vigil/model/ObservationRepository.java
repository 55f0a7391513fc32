package org.vigil.model;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.vigil.timeseries.Period;

/**
 * Indicator values, append-only. A write never changes a stored row: a new value for the same
 * (indicator, area, period, owner) adds a vintage; the same value again adds nothing.
 */
public interface ObservationRepository {

  /**
   * Records a batch atomically: either the batch row and all its new values are stored, or nothing
   * is. Values equal to the latest known vintage are skipped (re-ingest adds nothing). Every
   * observation must be writable by {@code ctx}.
   *
   * @return the stored batch with its id and the number of observations added
   * @throws AccessDeniedException if any observation is not writable by ctx (nothing is written)
   */
  IngestBatch append(AccessContext ctx, IngestBatch batch, Collection<Observation> observations);

  /**
   * Checks, without writing or reading any value, that {@link #append} would accept these
   * observations from {@code ctx}: write rights for their owner, and the reporting rule (areas the
   * organisation reports for, no future periods unless flagged as projections). Lets a caller
   * refuse an ingest before it reads the owner's stored series (an audited read) to find the
   * unchanged values.
   *
   * @throws AccessDeniedException naming the first observation that may not be written
   * @throws InvalidInputException naming the first observation the reporting rule refuses
   */
  void checkWrite(AccessContext ctx, String what, Collection<Observation> observations);

  /** How many of a batch's new values are stored so far (for a progress display). */
  @FunctionalInterface
  interface RowsStored {
    /**
     * Called once when the batch is claimed ({@code stored} 0) and after each committed chunk.
     *
     * @param stored values stored so far (not yet visible: the batch is visible only when whole)
     * @param total the batch's new values
     */
    void update(long stored, long total);

    RowsStored NONE = (s, t) -> {};
  }

  /** As {@link #append(AccessContext, IngestBatch, Collection)}, reporting the rows stored. */
  default IngestBatch append(
      AccessContext ctx,
      IngestBatch batch,
      Collection<Observation> observations,
      RowsStored progress) {
    return append(ctx, batch, observations);
  }

  /** The latest known value per period, as of now, readable by ctx, ordered by period. */
  default List<Observation> series(AccessContext ctx, String indicator, String area) {
    return series(ctx, indicator, area, Instant.MAX);
  }

  /**
   * The latest value per period recorded at or before {@code asOf}, readable by ctx, of one owner's
   * series. Values other organisations reported for the same area are separate series: when several
   * owners' series are readable, this returns the area's own organisation's, else ctx's own, else
   * the first owner's by id (see {@link #owners} and the owner-specific overload).
   */
  List<Observation> series(AccessContext ctx, String indicator, String area, Instant asOf);

  /** The latest value per period of the series {@code owner} reported for the area. */
  List<Observation> series(
      AccessContext ctx, String indicator, String area, String owner, Instant asOf);

  /** The owners of the readable series of one indicator in one area, by id. */
  List<String> owners(AccessContext ctx, String indicator, String area);

  /** Every vintage of one value, oldest first, readable by ctx. */
  List<Observation> vintages(AccessContext ctx, String indicator, String area, Period period);

  /**
   * The latest vintage (recorded at or before asOf) of every period of one indicator, for every
   * readable area, ordered by area then period (for maps and aggregates); one owner's series per
   * area, chosen as in {@link #series(AccessContext, String, String, Instant)}.
   */
  List<Observation> latestByIndicator(AccessContext ctx, String indicator, Instant asOf);

  /**
   * Every vintage recorded at or before asOf of every period of one indicator, for every readable
   * area: the series {@link #latestByIndicator} chooses per area, with all of its revisions,
   * ordered by area, period, then oldest vintage first. For exports that keep the revisions.
   */
  List<Observation> history(AccessContext ctx, String indicator, Instant asOf);

  /**
   * Every readable series of one area as now, in one read: per indicator the same list as {@link
   * #series(AccessContext, String, String)} gives, ordered by period. Indicators without a readable
   * value are absent.
   */
  java.util.Map<String, List<Observation>> latestByArea(AccessContext ctx, String area);

  /**
   * The latest vintage (recorded at or before asOf) of every period of one indicator, for every
   * readable area and every owner: each owner's series of an area separately (the latest per area,
   * period and owner), ordered by area then period. For jobs that derive something from each series
   * in its owner's name (alerts).
   */
  List<Observation> latestByIndicatorOfEveryOwner(
      AccessContext ctx, String indicator, Instant asOf);

  /**
   * Stored batches of ctx's organisation (every organisation's for system admins), newest first.
   */
  List<IngestBatch> batches(AccessContext ctx);

  /** Number of observation rows (all vintages) readable by ctx. */
  long count(AccessContext ctx);
}
