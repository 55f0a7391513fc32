package org.vigil.analytics.priority;

import java.util.List;
import org.vigil.analytics.risk.Driver;
import org.vigil.analytics.trend.Direction;

/**
 * One ranked (domain, state) pair.
 *
 * @param rank 1 = most pressing
 * @param domain threat domain
 * @param area state code
 * @param score risk score now, 0-10
 * @param lower lower end of the score band
 * @param upper upper end of the score band
 * @param trend the domain indicator's Mann-Kendall verdict for the state
 * @param outlook where the projected score goes
 * @param projected the score at the furthest projection (NaN without one)
 * @param drivers the largest drivers (up to three)
 * @param confidence how much to trust the place in the list
 * @param previousRank rank in the last run (0: not in it)
 */
public record Priority(
    int rank,
    String domain,
    String area,
    double score,
    double lower,
    double upper,
    Direction trend,
    Outlook outlook,
    double projected,
    List<Driver> drivers,
    Confidence confidence,
    int previousRank) {

  /** Direction of the projected score. */
  public enum Outlook {
    RISING,
    STABLE,
    FALLING,
    UNKNOWN
  }

  /** Confidence in the place in the list. */
  public enum Confidence {
    HIGH,
    MEDIUM,
    LOW
  }

  public Priority {
    drivers = List.copyOf(drivers);
  }

  /** Places moved up since the last run (positive: up; 0 when new or unchanged). */
  public int movedUp() {
    return previousRank == 0 ? 0 : previousRank - rank;
  }

  /** The stable key of the pair: DOMAIN|AREA. */
  public String key() {
    return domain + "|" + area;
  }
}
