package org.vigil.bench.m3;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Renders M3 scores as a plain-text table and as JSON. */
public final class M3Report {
  private M3Report() {}

  /**
   * Published M3 figures pooled over every (series, step) point, from the N-BEATS paper's table
   * (Oreshkin et al., 2020, table 1): the numbers our "pooled" column is comparable with.
   */
  public static final List<Map.Entry<String, Double>> PUBLISHED_POOLED =
      List.of(
          Map.entry("N-BEATS", 12.37),
          Map.entry("EXP", 12.71),
          Map.entry("DOTM", 12.90),
          Map.entry("THETA", 13.01));

  /**
   * One line with the published pooled figures, and THETA's pooled sMAPE as computed in this run
   * from the published forecasts ({@code NaN} when the run has no published THETA row).
   */
  public static String publishedPooled(double thetaThisRun) {
    StringBuilder sb = new StringBuilder("Published, pooled over points (N-BEATS paper, table 1):");
    for (Map.Entry<String, Double> e : PUBLISHED_POOLED) {
      sb.append(String.format(Locale.ROOT, " %s %.2f", e.getKey(), e.getValue()));
    }
    if (!Double.isNaN(thetaThisRun)) {
      sb.append(
          String.format(
              Locale.ROOT,
              "; THETA computed here from published_forecasts.csv: %.2f",
              thetaThisRun));
    }
    return sb.append('\n').toString();
  }

  /**
   * One row per method: sMAPE (mean over series and pooled over points) by category and overall,
   * MASE, coverage, MSIS, CPU seconds.
   */
  public static String table(List<Map<String, M3Score>> rows) {
    StringBuilder sb = new StringBuilder();
    sb.append(
        String.format(
            Locale.ROOT,
            "%-24s %6s %7s %7s %7s %7s %7s %7s %7s %6s %6s %7s %8s%n",
            "method",
            "series",
            "sMAPE",
            "pooled",
            "yearly",
            "quart",
            "monthly",
            "other",
            "MASE",
            "cov80",
            "cov95",
            "MSIS",
            "CPU s"));
    for (Map<String, M3Score> r : rows) {
      M3Score all = r.get("all");
      sb.append(
          String.format(
              Locale.ROOT,
              "%-24s %6d %7.2f %7.2f %7.2f %7.2f %7.2f %7.2f %7.3f %6s %6s %7s %8s%n",
              all.method(),
              all.series(),
              all.smape(),
              all.smapePooled(),
              r.get("yearly").smape(),
              r.get("quarterly").smape(),
              r.get("monthly").smape(),
              r.get("other").smape(),
              all.mase(),
              pct(all.coverage80()),
              pct(all.coverage95()),
              Double.isNaN(all.msis()) ? "-" : String.format(Locale.ROOT, "%.3f", all.msis()),
              Double.isNaN(all.cpuSeconds())
                  ? "-"
                  : String.format(Locale.ROOT, "%.2f", all.cpuSeconds())));
    }
    sb.append(
        "sMAPE and MASE: mean over series (M4 convention); pooled: sMAPE over all (series, step)"
            + " points (N-BEATS convention); coverage over all test points; MSIS (95%): mean over"
            + " series.\n");
    return sb.toString();
  }

  private static String pct(double v) {
    return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.1f", 100 * v);
  }

  /** All scores as a JSON document (no library: a flat, stable layout). */
  public static String json(List<Map<String, M3Score>> rows, Map<String, Object> meta) {
    StringBuilder sb = new StringBuilder("{\n  \"meta\": {");
    boolean first = true;
    for (Map.Entry<String, Object> e : meta.entrySet()) {
      sb.append(first ? "" : ",").append("\n    \"").append(escape(e.getKey())).append("\": ");
      Object v = e.getValue();
      sb.append(
          v instanceof Number
              ? num(((Number) v).doubleValue())
              : "\"" + escape(String.valueOf(v)) + "\"");
      first = false;
    }
    sb.append("\n  },\n  \"scores\": [");
    first = true;
    for (Map<String, M3Score> r : rows) {
      for (M3Score s : r.values()) {
        sb.append(first ? "" : ",").append("\n    {\"method\": \"").append(escape(s.method()));
        sb.append("\", \"category\": \"")
            .append(s.category())
            .append("\", \"series\": ")
            .append(s.series());
        sb.append(", \"smape\": ").append(num(s.smape()));
        sb.append(", \"smapePooled\": ").append(num(s.smapePooled()));
        sb.append(", \"mase\": ").append(num(s.mase()));
        sb.append(", \"coverage80\": ").append(num(s.coverage80()));
        sb.append(", \"coverage95\": ").append(num(s.coverage95()));
        sb.append(", \"msis\": ").append(num(s.msis()));
        sb.append(", \"cpuSeconds\": ").append(num(s.cpuSeconds())).append("}");
        first = false;
      }
    }
    return sb.append("\n  ]\n}\n").toString();
  }

  private static String num(double v) {
    return Double.isNaN(v) || Double.isInfinite(v) ? "null" : String.format(Locale.ROOT, "%.6g", v);
  }

  private static String escape(String s) {
    return s.replace("\\", "\\\\").replace("\"", "\\\"");
  }
}
