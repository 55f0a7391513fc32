/**
 * Small numerical building blocks shared by the analytics engines: normal law, robust summaries.
 */
package org.vigil.analytics.stats;
