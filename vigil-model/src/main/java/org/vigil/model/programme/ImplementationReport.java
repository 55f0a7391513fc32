package org.vigil.model.programme;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.List;
import org.vigil.model.Ownership;
import org.vigil.timeseries.Period;

/**
 * A party's report on one measure for one reporting period. Reports are append-only: a correction
 * is a later report for the same measure, party and period, and the latest one counts.
 *
 * @param id store id (0 before it is stored)
 * @param programme the programme code
 * @param measure the measure code
 * @param party the reporting state's area code
 * @param period the reporting period (of the programme's reporting frequency)
 * @param status the status the party reports
 * @param percentDone share of the measure done, 0 to 100
 * @param narrative what was done, in the party's words
 * @param evidence links to evidence (http(s) addresses or {@code doc:<id>} references)
 * @param ownership owner (the party's organisation) and classification
 * @param submittedBy the user who submitted it (set by the store)
 * @param submittedAt when it was submitted (set by the store)
 */
public record ImplementationReport(
    long id,
    String programme,
    String measure,
    String party,
    Period period,
    MeasureStatus status,
    int percentDone,
    String narrative,
    List<String> evidence,
    Ownership ownership,
    String submittedBy,
    Instant submittedAt) {
  public ImplementationReport {
    Validation.code("Report programme", programme);
    Validation.code("Report measure", measure);
    Validation.code("Report party", party);
    if (period == null || status == null || ownership == null) {
      throw new IllegalArgumentException(
          "Report on " + measure + " by " + party + " needs a period, a status and an ownership");
    }
    if (percentDone < 0 || percentDone > 100) {
      throw new IllegalArgumentException(
          "Report on "
              + measure
              + " by "
              + party
              + ": percent done must be 0..100, found "
              + percentDone);
    }
    narrative = Validation.orEmpty(narrative);
    evidence = Validation.list(evidence);
    for (String e : evidence) {
      checkEvidence(measure, e);
    }
    submittedBy = Validation.orEmpty(submittedBy);
    submittedAt = submittedAt == null ? Instant.EPOCH : submittedAt;
  }

  private static void checkEvidence(String measure, String link) {
    if (link != null && link.matches("doc:\\d+")) {
      return;
    }
    try {
      URI uri = new URI(link == null ? "" : link);
      if ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) {
        return;
      }
    } catch (URISyntaxException e) {
      // reported below with the expected forms
    }
    throw new IllegalArgumentException(
        "Report on "
            + measure
            + ": evidence link must be an http(s) address or doc:<id>, found '"
            + link
            + "'");
  }

  /** The same report as stored: with its id, submitter and time. */
  public ImplementationReport stored(long newId, String user, Instant at) {
    return new ImplementationReport(
        newId,
        programme,
        measure,
        party,
        period,
        status,
        percentDone,
        narrative,
        evidence,
        ownership,
        user,
        at);
  }
}
