package org.vigil.forecast;

/** The forecasting methods {@link Forecaster} offers. */
public enum ForecastMethod {
  /**
   * Chosen per series: SBA for intermittent non-negative counts; {@link #MSTL} for weekly and daily
   * series (a seasonal cycle longer than 24 periods, or more than one cycle); otherwise the
   * combination {@link #COMBO}; simpler models when the series is too short.
   */
  AUTO,
  /** Exponential smoothing state-space models (ETS), the best by AICc (Hyndman et al., 2008). */
  ETS,
  /** Seasonal ARIMA with automatic order selection (Hyndman and Khandakar, 2008). */
  ARIMA,
  /** The standard Theta method (Assimakopoulos and Nikolopoulos, 2000), M3 seasonal adjustment. */
  THETA,
  /** The dynamic optimised Theta method (Fiorucci et al., 2016). */
  DOTM,
  /** Croston's method for intermittent demand (Croston, 1972). */
  CROSTON,
  /** The Syntetos-Boylan approximation: Croston with its bias correction. */
  SBA,
  /** Teunter-Syntetos-Babai (2011): smoothed demand probability times smoothed size. */
  TSB,
  /** Last value carried forward (random walk). */
  NAIVE,
  /** The value one season ago. */
  SNAIVE,
  /** Naive on seasonally adjusted data (the M3 benchmark). */
  NAIVE2,
  /** Random walk with drift: the line from the first to the last value, extended. */
  DRIFT,
  /** A robust combination of ETS, ARIMA and Theta forecasts. */
  COMBO,
  /**
   * MSTL decomposition (Bandara et al., 2021) with non-seasonal ETS on the seasonally adjusted
   * series and seasonal naive on each seasonal component, as R's {@code forecast(mstl(y))}.
   */
  MSTL,
  /**
   * Multiple temporal aggregation (MAPA, Kourentzes et al., 2014): non-seasonal ETS on the
   * seasonally adjusted series averaged over several aggregation levels, seasonal indices put back.
   */
  MAPA,
  /**
   * Bagged ETS (Bergmeir, Hyndman and Benitez, 2016): ETS on the series and on bootstrapped copies
   * (Box-Cox, STL, moving block bootstrap of the remainder), median of the point forecasts.
   */
  BAGGED_ETS
}
