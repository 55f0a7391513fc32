package org.vigil.model.alert;

/**
 * What an alert is about: an indicator in an area, and the period concerned. For a programme KPI
 * the indicator is "programme/KPI" and the area is the KPI's area.
 *
 * @param indicator indicator code, or "programme/KPI" for programme KPIs
 * @param area area code
 * @param period period code, or "" when the finding is about the whole series
 */
public record AlertSubject(String indicator, String area, String period) {
  public AlertSubject {
    if (indicator == null || indicator.isBlank() || area == null || area.isBlank()) {
      throw new IllegalArgumentException(
          "An alert subject needs an indicator and an area, found '"
              + indicator
              + "' in '"
              + area
              + "'");
    }
    period = period == null ? "" : period;
    for (String s : new String[] {indicator, area, period}) {
      if (s.indexOf('|') >= 0 || s.length() > 128) {
        throw new IllegalArgumentException(
            "Alert subject parts must be at most 128 characters without '|', found '" + s + "'");
      }
    }
  }

  @Override
  public String toString() {
    return indicator + " in " + area + (period.isEmpty() ? "" : " at " + period);
  }
}
