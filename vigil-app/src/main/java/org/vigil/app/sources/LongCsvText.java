package org.vigil.app.sources;

import java.nio.charset.StandardCharsets;

/**
 * Builds the long CSV ({@code indicator,area,period,value,flags,source}) that a JSON source's rows
 * become, so that they pass the same reader, validation and checks as a file loaded by hand.
 */
final class LongCsvText {
  private final StringBuilder text =
      new StringBuilder("indicator,area,period,value,flags,source\n");
  private int rows;

  void add(String indicator, String area, String period, String value, String source) {
    text.append(indicator)
        .append(',')
        .append(area)
        .append(',')
        .append(period)
        .append(',')
        .append(value)
        .append(",,")
        .append(quoted(source))
        .append('\n');
    rows++;
  }

  int rows() {
    return rows;
  }

  byte[] bytes() {
    return text.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static String quoted(String s) {
    if (s.indexOf(',') < 0 && s.indexOf('"') < 0) {
      return s;
    }
    return '"' + s.replace("\"", "\"\"") + '"';
  }
}
