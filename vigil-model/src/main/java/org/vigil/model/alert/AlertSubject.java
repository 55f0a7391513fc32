package org.vigil.model.alert;

/**
 * What an alert is about: an indicator in an area (for programme KPIs: the programme code as
 * indicator, "KPI code" in area's place is not used; the area is the reporting party or "CIS"), and
 * the period concerned ("" when the finding is about a whole series).
 *
 * @param indicator indicator code, or "programme/KPI" for programme KPIs
 * @param area area code
 * @param period period code, or "" for the whole series
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
