/**
 * The priority list: (threat domain, state) pairs ranked by risk with trend, forecast direction,
 * drivers and confidence; regional priorities by domain; what moved since the last run.
 */
package org.vigil.analytics.priority;
