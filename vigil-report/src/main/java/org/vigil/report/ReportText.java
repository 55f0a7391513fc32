package org.vigil.report;

/**
 * The report's phrases for the code that assembles a report (the coverage notes under the risk and
 * priority tables), so every word of a report comes from the report bundles of its language. Not
 * thread-safe: one per report.
 */
public final class ReportText {
  private final Messages messages;

  private ReportText(ReportLanguage language) {
    this.messages = new Messages(language);
  }

  public static ReportText of(ReportLanguage language) {
    return new ReportText(language);
  }

  /**
   * The phrase of a {@code coverage.*} key with its arguments filled in.
   *
   * @throws java.util.MissingResourceException when the bundle has no such key
   */
  public String get(String key, String... args) {
    return messages.get(key, (Object[]) args);
  }
}
