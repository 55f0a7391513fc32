package org.vigil.model.alert;

import java.time.Instant;

/**
 * One entry of an alert's append-only state history.
 *
 * @param state the state entered
 * @param by user who changed it ("system" when raised)
 * @param organisation that user's organisation
 * @param at when
 */
public record AlertChange(AlertState state, String by, String organisation, Instant at) {
  public AlertChange {
    if (state == null || at == null) {
      throw new IllegalArgumentException("An alert state change needs a state and a time");
    }
    if (by == null || by.isBlank() || organisation == null || organisation.isBlank()) {
      throw new IllegalArgumentException(
          "An alert state change needs who made it and their organisation, found '"
              + by
              + "' of '"
              + organisation
              + "'");
    }
  }
}
