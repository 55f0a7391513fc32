package org.vigil.app.demo;

/** The kinds of shock the generator plants. */
public enum ShockKind {
  /** One month multiplied by the factor, then back to normal. */
  SPIKE,
  /** Every month from the shock on multiplied by the factor (a step change). */
  LEVEL_SHIFT
}
