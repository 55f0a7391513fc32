/**
 * The composite risk index. The methodology is data ({@link org.vigil.analytics.risk.Methodology},
 * versioned JSON): per threat domain a tree of dimensions, categories, components and indicators
 * with transforms, normalisation, weights, aggregation and missing-data rules. {@link
 * org.vigil.analytics.risk.RiskEngine} scores states per domain and snapshot (now, previous period,
 * projections from forecast quantiles) with Monte Carlo bands, rank-stability intervals,
 * reliability and driver decompositions. See docs/risk-methodology.md.
 */
package org.vigil.analytics.risk;
