/** Forecasts and backtests of stored series, with the caller's access rights. */
package org.vigil.app.forecast;
