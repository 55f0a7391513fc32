package org.vigil.model.notify;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.vigil.model.alert.AlertSeverity;

/**
 * An alert rule kept as data.
 *
 * @param id store id (0 before it is stored)
 * @param code unique code, e.g. {@code DEMO_TERROR_KAZ_ABOVE}
 * @param kind what it checks
 * @param indicator indicator code it watches ("" for any)
 * @param area area code it watches ("" for any)
 * @param domain threat domain it watches ("" for any), used by REPORT_BURST
 * @param params the kind's parameters (see {@link RuleKind})
 * @param severity severity of what it raises
 * @param enabled false when switched off
 * @param createdBy who stored it
 * @param createdAt when
 */
public record NotifyRule(
    long id,
    String code,
    RuleKind kind,
    String indicator,
    String area,
    String domain,
    Map<String, String> params,
    AlertSeverity severity,
    boolean enabled,
    String createdBy,
    Instant createdAt) {
  public NotifyRule {
    if (code == null || !code.matches("[A-Z0-9_]{2,64}")) {
      throw new IllegalArgumentException(
          "Rule code must be 2-64 capital letters, digits or '_', found '" + code + "'");
    }
    if (kind == null || severity == null || createdAt == null) {
      throw new IllegalArgumentException("Rule " + code + " needs a kind, a severity and a time");
    }
    indicator = indicator == null ? "" : indicator;
    area = area == null ? "" : area;
    domain = domain == null ? "" : domain;
    createdBy = createdBy == null || createdBy.isBlank() ? "system" : createdBy;
    params = params == null ? Map.of() : Map.copyOf(new TreeMap<>(params));
    for (Map.Entry<String, String> e : params.entrySet()) {
      if (!e.getKey().matches("[a-z_]{1,32}") || !e.getValue().matches("[A-Za-z0-9_.+-]{1,64}")) {
        throw new IllegalArgumentException(
            "Rule "
                + code
                + ": parameter names are lower-case words and values letters, digits, '.', '_',"
                + " '+' or '-', found '"
                + e.getKey()
                + "="
                + e.getValue()
                + "'");
      }
    }
  }

  /** The parameter as a number. */
  public double number(String name) {
    String v = params.get(name);
    if (v == null) {
      throw new IllegalArgumentException("Rule " + code + " (" + kind + ") needs '" + name + "'");
    }
    try {
      return Double.parseDouble(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "Rule " + code + ": '" + name + "' must be a number, found '" + v + "'", e);
    }
  }

  /** Parses {@code a=1;b=2} (the stored form). */
  public static Map<String, String> parseParams(String text) {
    Map<String, String> out = new TreeMap<>();
    if (text == null || text.isBlank()) {
      return out;
    }
    for (String part : text.split("[;,]")) {
      int eq = part.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException(
            "Rule parameters are name=value pairs separated by ';', found '" + part + "'");
      }
      out.put(part.substring(0, eq).trim(), part.substring(eq + 1).trim());
    }
    return out;
  }

  /** The stored form of the parameters: {@code a=1;b=2}, sorted by name. */
  public String paramsText() {
    StringBuilder b = new StringBuilder();
    new TreeMap<>(params)
        .forEach((k, v) -> b.append(b.length() == 0 ? "" : ";").append(k).append('=').append(v));
    return b.toString();
  }
}
