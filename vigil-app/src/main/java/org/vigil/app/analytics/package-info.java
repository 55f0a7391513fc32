/**
 * Analytics use cases over the store: trends, anomalies, data quality, the risk index and the
 * priority list, each for the caller's access context (the store filters what it may read, so no
 * result is built from data the caller cannot see).
 */
package org.vigil.app.analytics;
