package org.vigil.analytics.quality;

/**
 * One finding.
 *
 * @param rule the rule that found it
 * @param severity how serious
 * @param indicator indicator code (for consistency rules: the total's code)
 * @param area area code
 * @param period the period concerned, or empty when the finding is about the whole series
 * @param message what is wrong, what was expected and what was found
 */
public record QualityIssue(
    Rule rule, Severity severity, String indicator, String area, String period, String message) {

  /** The rule families. */
  public enum Rule {
    OUTLIER,
    OUT_OF_BOUNDS,
    COMPLETENESS,
    TIMELINESS,
    CONSISTENCY,
    REVISION
  }

  /** How serious a finding is. */
  public enum Severity {
    INFO,
    WARNING,
    ERROR
  }

  public QualityIssue {
    if (rule == null || severity == null || indicator == null || area == null) {
      throw new IllegalArgumentException("Quality issue needs rule, severity, indicator and area");
    }
    period = period == null ? "" : period;
    if (message == null || message.isBlank()) {
      throw new IllegalArgumentException("Quality issue " + rule + " needs a message");
    }
  }
}
