package org.vigil.model.alert;

/** Where an alert is in its life: raised, looked at, dealt with. */
public enum AlertState {
  NEW,
  SEEN,
  CLOSED
}
