package org.vigil.model.notify;

/** Where a subscription delivers: the in-app inbox always, and optionally one more channel. */
public enum Channel {
  /** The in-app inbox only. */
  INBOX,
  /** One e-mail per alert through the configured SMTP server. */
  EMAIL,
  /** One signed HTTP POST per alert to the subscription's address. */
  WEBHOOK,
  /** One e-mail a day listing the day's alerts, in the subscription's language. */
  DIGEST
}
