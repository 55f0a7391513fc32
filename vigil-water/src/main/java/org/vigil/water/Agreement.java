package org.vigil.water;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * An agreement between the riparian states, held as data. Value rules (shares sum to 1, known
 * states and reservoirs, non-negative volumes) are checked by {@link Basin}.
 */
public sealed interface Agreement
    permits Agreement.Shares, Agreement.Quota, Agreement.MinimumRelease {

  /**
   * Agreed shares of the basin's water per state (ISO3 code to a fraction); they must sum to 1. The
   * PROPORTIONAL fairness rule weighs each state's shortfall by the inverse of its share.
   */
  record Shares(Map<String, Double> byState) implements Agreement {
    public Shares {
      Objects.requireNonNull(byState, "shares by state");
      byState = Collections.unmodifiableMap(new TreeMap<>(byState));
    }
  }

  /** A cap on what one state may withdraw over the whole horizon, in hm³. */
  record Quota(String state, double volume) implements Agreement {
    public Quota {
      Objects.requireNonNull(state, "quota state");
    }
  }

  /** A minimum monthly release (total outflow) from a reservoir, in hm³ per month. */
  record MinimumRelease(String reservoir, Monthly minimum) implements Agreement {
    public MinimumRelease {
      Objects.requireNonNull(reservoir, "minimum release reservoir");
      Objects.requireNonNull(minimum, "minimum release series");
    }
  }
}
