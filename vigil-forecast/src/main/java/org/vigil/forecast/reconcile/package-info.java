/**
 * Forecast reconciliation: making the forecasts of a hierarchy of series (states and the groups of
 * states they form) add up. {@link org.vigil.forecast.reconcile.Hierarchy} describes which nodes
 * sum to which, and {@link org.vigil.forecast.reconcile.MinTrace} reconciles base forecasts by
 * minimum trace with the Schäfer-Strimmer shrinkage covariance (Wickramasuriya, Athanasopoulos and
 * Hyndman 2019), as R's {@code hts} ({@code MinT(covariance = "shr")}) and {@code fable} ({@code
 * min_trace(method = "mint_shrink")}).
 */
package org.vigil.forecast.reconcile;
