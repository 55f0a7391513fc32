package org.vigil.model.notify;

/** An inbox item's state for its user. */
public enum InboxState {
  UNREAD,
  READ,
  ACKNOWLEDGED,
  CLOSED
}
