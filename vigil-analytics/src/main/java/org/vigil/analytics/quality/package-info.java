/**
 * Data-quality checks in the manner of DHIS2's validation rules and data-quality app: outliers,
 * bounds, completeness and timeliness of reporting, consistency between indicators, large revisions
 * between vintages; one {@link org.vigil.analytics.quality.QualityReport} per state and dataset.
 */
package org.vigil.analytics.quality;
