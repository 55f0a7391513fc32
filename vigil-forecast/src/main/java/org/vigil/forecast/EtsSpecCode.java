package org.vigil.forecast;

import java.util.Locale;

/** Parses ETS model codes such as ZZZ, AAdN, MNM into the components allowed for each part. */
record EtsSpecCode(String error, String trend, String season) {

  static EtsSpecCode parse(String code) {
    String c = code == null ? "" : code.trim().toUpperCase(Locale.ROOT);
    String err = c.isEmpty() ? "" : c.substring(0, 1);
    String rest = c.length() > 1 ? c.substring(1) : "";
    String trend;
    if (rest.startsWith("AD")) {
      trend = "Ad";
      rest = rest.substring(2);
    } else if (!rest.isEmpty()) {
      trend = rest.substring(0, 1);
      rest = rest.substring(1);
    } else {
      trend = "";
    }
    String season = rest;
    if (!"AMZ".contains(err)
        || err.isEmpty()
        || !(trend.equals("N") || trend.equals("A") || trend.equals("Ad") || trend.equals("Z"))
        || season.length() != 1
        || !"NAMZ".contains(season)) {
      throw new ForecastInputException(
          "Unknown ETS model code '"
              + code
              + "': expected error A/M/Z, trend N/A/Ad/Z, season N/A/M/Z, e.g. ZZZ, AAdN, MNM");
    }
    return new EtsSpecCode(err, trend, season);
  }
}
