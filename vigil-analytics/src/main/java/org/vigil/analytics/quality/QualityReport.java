package org.vigil.analytics.quality;

import java.util.List;

/**
 * The quality of one state's reporting of one dataset.
 *
 * @param area area code
 * @param dataset dataset name (for example a threat domain)
 * @param indicators per-indicator completeness and timeliness
 * @param issues every finding, most serious first
 * @param completeness share of expected values present over all indicators, in [0, 1]
 * @param timeliness share of present values recorded by their deadline, in [0, 1] (NaN: none)
 */
public record QualityReport(
    String area,
    String dataset,
    List<IndicatorQuality> indicators,
    List<QualityIssue> issues,
    double completeness,
    double timeliness) {

  /**
   * Reporting of one indicator.
   *
   * @param indicator indicator code
   * @param expected values expected up to the as-of time
   * @param present values present
   * @param onTime present values first recorded by the deadline
   * @param medianDelayDays median days from period end to first recording (NaN when unknown)
   */
  public record IndicatorQuality(
      String indicator, int expected, int present, int onTime, double medianDelayDays) {}

  public QualityReport {
    indicators = List.copyOf(indicators);
    issues = List.copyOf(issues);
  }

  /** Number of issues of a severity. */
  public long count(QualityIssue.Severity s) {
    return issues.stream().filter(i -> i.severity() == s).count();
  }
}
