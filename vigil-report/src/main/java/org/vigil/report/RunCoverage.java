package org.vigil.report;

import java.time.LocalDate;
import java.util.Optional;

/**
 * What the published analytic run behind a report's risk and priorities covers, as the analytics
 * service states it: the states whose scores the reader sees out of all states, the methodology and
 * its version, the newest data it read and the run's number (0 when the figures were computed on
 * request because no run exists yet). The renderer words it in the report language.
 *
 * @param statesShown states with scores that the reader may see
 * @param statesTotal states the run scored
 * @param methodology the methodology's id, e.g. vigil-default
 * @param version the methodology's version, e.g. 1.0.0
 * @param dataAsOf the newest data the run read, if known
 * @param runId the analytic run's number, 0 when computed on request
 */
public record RunCoverage(
    int statesShown,
    int statesTotal,
    String methodology,
    String version,
    Optional<LocalDate> dataAsOf,
    long runId) {

  public RunCoverage {
    if (statesShown < 0 || statesTotal < statesShown) {
      throw new IllegalArgumentException(
          "RunCoverage needs 0 <= statesShown <= statesTotal, found "
              + statesShown
              + " of "
              + statesTotal);
    }
    if (methodology == null || methodology.isBlank() || version == null || version.isBlank()) {
      throw new IllegalArgumentException(
          "RunCoverage needs a methodology and a version, found '"
              + methodology
              + "' '"
              + version
              + "'");
    }
    dataAsOf = dataAsOf == null ? Optional.empty() : dataAsOf;
    if (runId < 0) {
      throw new IllegalArgumentException("RunCoverage run number must be >= 0, found " + runId);
    }
  }

  /**
   * The statement in a report language ("7 of 10 states, methodology vigil-default 1.0.0, ...").
   */
  public String text(ReportLanguage language) {
    return new Messages(language).coverage(this);
  }
}
