package org.vigil.report;

/**
 * The status of one strategic programme.
 *
 * @param title the programme title in the report language
 * @param attainment share of targets attained, 0 to 1, NaN when not assessed
 * @param measuresDone measures completed
 * @param measuresTotal measures planned
 * @param status overall status
 */
public record ProgrammeRow(
    String title, double attainment, int measuresDone, int measuresTotal, Status status) {

  /** Overall programme status. */
  public enum Status {
    ON_TRACK,
    AT_RISK,
    OFF_TRACK,
    NOT_ASSESSED
  }

  public ProgrammeRow {
    if (title == null || title.isBlank() || status == null) {
      throw new IllegalArgumentException("ProgrammeRow needs a title and a status");
    }
    if (measuresDone < 0 || measuresTotal < measuresDone) {
      throw new IllegalArgumentException(
          "Programme '"
              + title
              + "' needs 0 <= done <= total measures, found "
              + measuresDone
              + " of "
              + measuresTotal);
    }
    if (!Double.isNaN(attainment) && (attainment < 0 || attainment > 1)) {
      throw new IllegalArgumentException(
          "Programme '" + title + "' attainment must be in 0..1 or NaN, found " + attainment);
    }
  }
}
