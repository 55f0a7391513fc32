package org.vigil.model;

/** How an indicator combines over areas (regional totals) and over time (yearly from monthly). */
public enum Aggregation {
  /** Counts: add up. */
  SUM,
  /** Levels and indices: average. */
  MEAN,
  /** Rates per population: population-weighted mean. */
  RATE
}
