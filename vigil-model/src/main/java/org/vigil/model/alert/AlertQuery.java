package org.vigil.model.alert;

import java.util.Optional;

/**
 * Filters for listing alerts; empty means any.
 *
 * @param state current state
 * @param area area code
 * @param rule rule
 */
public record AlertQuery(
    Optional<AlertState> state, Optional<String> area, Optional<AlertRule> rule) {
  public AlertQuery {
    state = state == null ? Optional.empty() : state;
    area = area == null ? Optional.empty() : area;
    rule = rule == null ? Optional.empty() : rule;
  }

  /** Every alert the caller may read. */
  public static AlertQuery all() {
    return new AlertQuery(Optional.empty(), Optional.empty(), Optional.empty());
  }
}
