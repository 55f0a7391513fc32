package org.vigil.app.alert;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vigil.model.alert.Alert;
import org.vigil.model.alert.AlertSeverity;
import org.vigil.model.alert.AlertState;

/**
 * The alerts about one subject (an indicator in an area, or a programme KPI), most urgent first.
 *
 * @param indicator indicator code, or "programme/KPI"
 * @param area area code
 * @param alerts the subject's alerts, ranked (see {@link #rank})
 */
public record AlertGroup(String indicator, String area, List<Alert> alerts) {
  public AlertGroup {
    if (alerts == null || alerts.isEmpty()) {
      throw new IllegalArgumentException(
          "An alert group needs at least one alert, found none for " + indicator + " in " + area);
    }
    alerts = List.copyOf(alerts);
  }

  /** The most urgent alert's severity. */
  public AlertSeverity severity() {
    return alerts.get(0).severity();
  }

  /**
   * Ranks alerts: open before closed, then higher severity, then the newer period, then the larger
   * finding (|score| of an anomaly), then the newer id.
   */
  public static final Comparator<Alert> RANK =
      Comparator.comparing((Alert a) -> a.state() == AlertState.CLOSED)
          .thenComparing(Alert::severity, Comparator.reverseOrder())
          .thenComparing((Alert a) -> a.subject().period(), Comparator.reverseOrder())
          .thenComparing(AlertGroup::size, Comparator.reverseOrder())
          .thenComparing(Alert::id, Comparator.reverseOrder());

  /**
   * Groups alerts by subject (indicator and area) and ranks the groups by their most urgent alert,
   * so the few that matter come first and a subject with several findings is read together.
   */
  public static List<AlertGroup> rank(List<Alert> alerts) {
    List<Alert> sorted = new ArrayList<>(alerts);
    sorted.sort(RANK);
    Map<String, List<Alert>> bySubject = new LinkedHashMap<>();
    for (Alert a : sorted) {
      bySubject
          .computeIfAbsent(
              a.subject().indicator() + "|" + a.subject().area(), k -> new ArrayList<>())
          .add(a);
    }
    List<AlertGroup> out = new ArrayList<>();
    for (List<Alert> l : bySubject.values()) {
      out.add(new AlertGroup(l.get(0).subject().indicator(), l.get(0).subject().area(), l));
    }
    return out;
  }

  private static double size(Alert a) {
    try {
      return Math.abs(Double.parseDouble(a.evidence().getOrDefault("score", "0")));
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
