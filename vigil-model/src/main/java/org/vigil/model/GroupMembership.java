package org.vigil.model;

import java.time.LocalDate;

/**
 * A state's membership of a grouping over a span of dates. Membership is data: states join and
 * leave.
 *
 * @param group the group's area code (for example CIS)
 * @param member the member's area code
 * @param from first day of membership
 * @param until last day of membership, {@link LocalDate#MAX} while ongoing
 */
public record GroupMembership(String group, String member, LocalDate from, LocalDate until) {
  public GroupMembership {
    if (from == null || until == null || until.isBefore(from)) {
      throw new IllegalArgumentException(
          "Membership of "
              + member
              + " in "
              + group
              + " needs from <= until, found "
              + from
              + " > "
              + until);
    }
  }

  public boolean activeOn(LocalDate date) {
    return !date.isBefore(from) && !date.isAfter(until);
  }
}
