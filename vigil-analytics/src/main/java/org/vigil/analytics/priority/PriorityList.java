package org.vigil.analytics.priority;

import java.util.List;
import org.vigil.timeseries.Period;

/**
 * The ranked list of one run.
 *
 * @param period the period ranked
 * @param methodology methodology id and version
 * @param priorities (domain, state) pairs, rank order
 * @param regional domains for the region, rank order
 * @param movedUp pairs that rose since the last run, most places first
 * @param movedDown pairs that fell since the last run, most places first
 * @param previousPeriod the period of the last run compared with, or empty
 */
public record PriorityList(
    Period period,
    String methodology,
    List<Priority> priorities,
    List<RegionalPriority> regional,
    List<Priority> movedUp,
    List<Priority> movedDown,
    String previousPeriod) {
  public PriorityList {
    priorities = List.copyOf(priorities);
    regional = List.copyOf(regional);
    movedUp = List.copyOf(movedUp);
    movedDown = List.copyOf(movedDown);
  }
}
