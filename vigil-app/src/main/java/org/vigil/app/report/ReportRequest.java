package org.vigil.app.report;

import java.util.Locale;
import java.util.Optional;
import org.vigil.model.InvalidInputException;
import org.vigil.report.ReportLanguage;
import org.vigil.timeseries.Period;

/**
 * What report to make.
 *
 * @param area an ISO alpha-3 state code or a group code such as CIS
 * @param period the report period; empty means the latest month with data
 * @param language the report language
 */
public record ReportRequest(String area, Optional<Period> period, ReportLanguage language) {

  public ReportRequest {
    if (area == null || !area.matches("[A-Za-z0-9_]{2,16}")) {
      throw new InvalidInputException(
          "Report area must be a state code (e.g. KAZ) or a group code (CIS), found '"
              + area
              + "'");
    }
    area = area.toUpperCase(Locale.ROOT);
    period = period == null ? Optional.empty() : period;
    if (language == null) {
      throw new InvalidInputException("Report language is required: expected en or ru");
    }
  }

  /**
   * Parses the text parameters of the API and the CLI.
   *
   * @param period empty or blank for the latest month with data
   * @param language "en" or "ru"; empty means English
   */
  public static ReportRequest parse(String area, String period, String language) {
    Optional<Period> p;
    try {
      p = period == null || period.isBlank() ? Optional.empty() : Optional.of(Period.parse(period));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(e.getMessage());
    }
    ReportLanguage lang;
    try {
      lang =
          language == null || language.isBlank()
              ? ReportLanguage.EN
              : ReportLanguage.parse(language);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(e.getMessage());
    }
    return new ReportRequest(area, p, lang);
  }
}
