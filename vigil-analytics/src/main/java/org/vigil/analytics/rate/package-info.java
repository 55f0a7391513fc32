/**
 * Rates per 100,000 population and regional aggregates that say how many states they include.
 * Aggregates take only the series the caller could read: the app layer passes what the store
 * returned for the caller's access context, so a regional figure never reveals a value the caller
 * cannot read.
 */
package org.vigil.analytics.rate;
