package org.vigil.model;

/** What an area is. */
public enum AreaKind {
  /** A state, by ISO 3166-1 alpha-3 code. */
  COUNTRY,
  /** A grouping of states whose membership is data (for example CIS). */
  GROUP,
  /** A shared river basin. */
  BASIN
}
