/**
 * Seasonal ARIMA models: estimation by conditional sum of squares followed by exact Gaussian
 * maximum likelihood through the Kalman filter ({@link org.vigil.forecast.arima.Arima}), and
 * automatic order selection in the manner of Hyndman and Khandakar (2008) ({@link
 * org.vigil.forecast.arima.AutoArima}), both reproducing R's {@code forecast} package so that
 * coefficients, log-likelihoods, information criteria and forecasts are comparable with it.
 *
 * <p>Sources: Box, Jenkins and Reinsel, "Time Series Analysis" (model and conditional sum of
 * squares); Gardner, Harvey and Phillips (1980) and Harvey (1989) (state-space form, exact
 * likelihood, Chandrasekhar recursions after Morf, Sidhu and Kailath 1974); Jones (1980) and
 * Monahan (1984) (partial-autocorrelation parameterisation); Kwiatkowski et al. (1992) and Hobijn
 * et al. (2004) (KPSS); Cleveland et al. (1990) and Wang, Smith and Hyndman (2006) (STL and
 * seasonal strength); Nash (1990) (variable-metric optimiser).
 */
package org.vigil.forecast.arima;
