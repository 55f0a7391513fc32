package org.vigil.analytics.run;

import java.util.List;

/**
 * What the per-series stage made of one series: the JSON payloads of its results, each empty when
 * that result is not made (not asked for, or no forecast: fewer than 12 values). {@code error} is
 * {@code "{}"} for a risk input that went through and {@code {"error": ...}} for one that failed; a
 * failed anomaly search carries its error inside {@code anomalies}. Written as one tab-separated
 * line ({@link #line()}), which is how the Spark job hands its results back (JSON has no raw tabs
 * or line breaks).
 *
 * @param subject the result key, {@code INDICATOR|AREA}
 * @param forecast the FORECAST payload (model, start, median and 95% bounds) or empty
 * @param trend the TREND payload (direction and end) or empty
 * @param error the ERROR payload of a risk input, or empty when the series is not one
 * @param anomalies the ANOMALY payload or empty
 */
public record SeriesOutcome(
    String subject, String forecast, String trend, String error, String anomalies) {
  private static final int FIELDS = 5;

  public SeriesOutcome {
    for (String s : List.of(subject, forecast, trend, error, anomalies)) {
      if (s.indexOf('\t') >= 0 || s.indexOf('\n') >= 0) {
        throw new IllegalArgumentException(
            "An outcome field must hold no tab or line break, found '" + s + "'");
      }
    }
  }

  /** Whether the risk-input part failed. */
  public boolean failed() {
    return !error.isEmpty() && !"{}".equals(error);
  }

  /** The outcome as one line: the five fields separated by tabs. */
  public String line() {
    return String.join("\t", subject, forecast, trend, error, anomalies);
  }

  /** Reads a {@link #line()}; the message names what was expected and what was found. */
  public static SeriesOutcome parse(String line) {
    String[] f = line.split("\t", -1);
    if (f.length != FIELDS) {
      throw new IllegalArgumentException(
          "An outcome line has "
              + FIELDS
              + " tab-separated fields (subject, forecast, trend, error, anomalies), found "
              + f.length
              + " in '"
              + (line.length() > 80 ? line.substring(0, 80) + "..." : line)
              + "'");
    }
    return new SeriesOutcome(f[0], f[1], f[2], f[3], f[4]);
  }
}
