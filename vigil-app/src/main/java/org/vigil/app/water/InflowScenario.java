package org.vigil.app.water;

import java.util.Locale;
import org.vigil.model.InvalidInputException;

/**
 * Dry, normal and wet inflows: each source's inflow in each month is the 10%, 50% or 90% quantile
 * of the forecasting engine's forecast of that source from its history ({@link InflowForecasts}).
 * Month by month quantiles: a dry scenario is dry in every month and every source at once, so it is
 * drier over the year than a 1-in-10 dry year.
 */
public enum InflowScenario {
  DRY(0.1),
  NORMAL(0.5),
  WET(0.9);

  private final double quantile;

  InflowScenario(double quantile) {
    this.quantile = quantile;
  }

  /** The forecast quantile the scenario uses. */
  public double quantile() {
    return quantile;
  }

  /** The name as typed and stored: dry, normal, wet. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses dry, normal or wet in any case; bad input names the choices. */
  public static InflowScenario parse(String text) {
    String t = text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
    for (InflowScenario s : values()) {
      if (s.name().equals(t)) {
        return s;
      }
    }
    throw new InvalidInputException(
        "Unknown inflow scenario '" + text + "': expected dry, normal or wet");
  }
}
