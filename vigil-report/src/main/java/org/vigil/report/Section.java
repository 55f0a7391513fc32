package org.vigil.report;

import java.util.List;
import java.util.Optional;

/**
 * One part of a report: its rows, or the reason it has none. A report never invents numbers: a
 * section whose source is missing says so and the renderer prints the reason.
 *
 * @param rows the rows, possibly empty
 * @param unavailableReason empty when the section is available; otherwise a message key from the
 *     report bundles (e.g. {@code gap.noRisk}) or a plain sentence shown as is
 * @param coverage what the rows cover ("1 of 10 states, methodology ..."), printed under them;
 *     empty when the section has no coverage to state; written in the report's language
 * @param run the published analytic run the rows come from, when they come from one
 * @param applies false when the section does not concern the report's area at all (a state that
 *     shares none of the modelled basins has no water section): renderers leave it out, heading
 *     included, instead of printing the reason as a gap; the reason stays for callers and tests
 */
public record Section<T>(
    List<T> rows,
    String unavailableReason,
    String coverage,
    Optional<RunCoverage> run,
    boolean applies) {

  public Section {
    rows = rows == null ? List.of() : List.copyOf(rows);
    unavailableReason = unavailableReason == null ? "" : unavailableReason;
    coverage = coverage == null ? "" : coverage;
    run = run == null ? Optional.empty() : run;
    if (!rows.isEmpty() && !unavailableReason.isEmpty()) {
      throw new IllegalArgumentException(
          "A section has rows or a reason for having none, not both; found "
              + rows.size()
              + " rows and reason '"
              + unavailableReason
              + "'");
    }
    if (!applies && unavailableReason.isEmpty()) {
      throw new IllegalArgumentException(
          "A section that does not apply to the area needs the reason why, found none");
    }
  }

  public Section(List<T> rows, String unavailableReason) {
    this(rows, unavailableReason, "", Optional.empty(), true);
  }

  /** This section with what its rows cover. */
  public Section<T> withCoverage(String text) {
    return new Section<>(rows, unavailableReason, text, run, applies);
  }

  /** This section with the analytic run its rows come from. */
  public Section<T> withRun(RunCoverage value) {
    return new Section<>(rows, unavailableReason, coverage, Optional.of(value), applies);
  }

  /** An available section with the given rows. */
  public static <T> Section<T> of(List<T> rows) {
    return new Section<>(rows, "");
  }

  /** A section whose data could not be obtained, with the reason. */
  public static <T> Section<T> unavailable(String reason) {
    if (reason == null || reason.isBlank()) {
      throw new IllegalArgumentException("An unavailable section needs a reason, found blank");
    }
    return new Section<>(List.of(), reason);
  }

  /**
   * A section that does not concern the area (not a gap in the data): reports leave it out, with
   * its heading, in every format and language.
   *
   * @param reason a message key or sentence saying why, kept for callers and tests, not printed
   */
  public static <T> Section<T> notApplicable(String reason) {
    if (reason == null || reason.isBlank()) {
      throw new IllegalArgumentException(
          "A section that does not apply needs a reason, found blank");
    }
    return new Section<>(List.of(), reason, "", Optional.empty(), false);
  }

  public boolean available() {
    return unavailableReason.isEmpty();
  }
}
