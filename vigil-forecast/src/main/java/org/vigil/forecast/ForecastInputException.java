package org.vigil.forecast;

/**
 * The input to a forecast is unusable (for example a series with no values, or a horizon below
 * one). Statistical trouble with usable input is not an exception: it shows up as a diagnostic of
 * the {@link Forecast}.
 */
public final class ForecastInputException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public ForecastInputException(String message) {
    super(message);
  }
}
