package org.vigil.bench.m3;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Renders M3 scores as a plain-text table and as JSON. */
public final class M3Report {
  private M3Report() {}

  /** One row per method: sMAPE by category and overall, MASE, coverage, MSIS, CPU seconds. */
  public static String table(List<Map<String, M3Score>> rows) {
    StringBuilder sb = new StringBuilder();
    sb.append(
        String.format(
            Locale.ROOT,
            "%-18s %6s %7s %7s %7s %7s %7s %7s %6s %6s %7s %8s%n",
            "method",
            "series",
            "sMAPE",
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
              "%-18s %6d %7.2f %7.2f %7.2f %7.2f %7.2f %7.3f %6s %6s %7s %8s%n",
              all.method(),
              all.series(),
              all.smape(),
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
    sb.append("sMAPE and MASE: mean over series (M4 convention); coverage over all test points.\n");
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
