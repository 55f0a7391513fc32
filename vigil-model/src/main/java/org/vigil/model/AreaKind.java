package org.vigil.model;

/** What an area is. */
public enum AreaKind {
  /** A state, by ISO 3166-1 alpha-3 code. */
  COUNTRY,
  /** A grouping of states whose membership is data (for example CIS). */
  GROUP,
  /** A shared river basin. */
  BASIN,
  /** A state's first-level subdivision (oblast, republic, city of national status), ISO 3166-2. */
  REGION,
  /** A subdivision of a region (a district, rayon); ISO 3166-2 where it has a code, else own. */
  DISTRICT;

  /**
   * The depth in the hierarchy of states: 0 for states, groups and basins, 1 regions, 2 districts.
   */
  public int level() {
    return switch (this) {
      case REGION -> 1;
      case DISTRICT -> 2;
      default -> 0;
    };
  }

  /** Whether the area lies inside a state (a region or a district) and so has a parent. */
  public boolean subnational() {
    return level() > 0;
  }
}
