/** Accuracy harnesses of the forecasting engine on the demo: count intervals and reconciliation. */
package org.vigil.bench.forecast;
