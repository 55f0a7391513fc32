package org.vigil.app.programme;

import java.util.List;
import org.vigil.analytics.programme.Scorecard;

/**
 * A scorecard now and at the end of every earlier reporting period.
 *
 * @param version the programme version the current scorecard uses
 * @param current the scorecard on the requested date
 * @param history the scorecards at the end of each earlier reporting period, oldest first, each
 *     computed from the version in force, the reports filed and the values known for that date
 * @param note what the scorecard is based on (for instance, which reports the caller may see)
 */
public record ScorecardReport(
    int version, Scorecard current, List<Scorecard> history, String note) {
  public ScorecardReport {
    history = List.copyOf(history);
  }
}
