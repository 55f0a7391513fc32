/**
 * Monotonic trends and change points: the Mann-Kendall test (plain and seasonal), Sen's slope, PELT
 * change points, and {@link org.vigil.analytics.trend.TrendAnalyser} which puts them together into
 * one plain-language result per series.
 */
package org.vigil.analytics.trend;
