/**
 * The per-series stage of the analytic run: what one input series yields (forecast, trend,
 * anomalies, or the error that stopped it), as a pure function of the series and the run's spec, so
 * the in-process runner and the Spark job compute the same results with the same code.
 */
package org.vigil.analytics.run;
