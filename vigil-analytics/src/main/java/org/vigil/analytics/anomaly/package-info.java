/**
 * Anomalous values: robust z-scores against a robust trend-plus-season expectation, and values
 * outside the forecast engine's out-of-sample prediction intervals. Each {@link
 * org.vigil.analytics.anomaly.Anomaly} says how far outside and against what.
 */
package org.vigil.analytics.anomaly;
