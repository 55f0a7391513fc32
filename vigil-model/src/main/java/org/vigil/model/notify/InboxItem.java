package org.vigil.model.notify;

import java.time.Instant;
import org.vigil.model.alert.Alert;

/**
 * One alert in one user's inbox.
 *
 * @param id store id
 * @param username whose
 * @param alert the alert (read in the user's context)
 * @param state read, acknowledged, closed
 * @param createdAt when it arrived
 * @param changedAt when its state last changed
 */
public record InboxItem(
    long id, String username, Alert alert, InboxState state, Instant createdAt, Instant changedAt) {
  public InboxItem {
    if (username == null || alert == null || state == null || createdAt == null) {
      throw new IllegalArgumentException("An inbox item needs a user, an alert and a state");
    }
    changedAt = changedAt == null ? createdAt : changedAt;
  }
}
