package org.vigil.analytics.priority;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.vigil.analytics.risk.RiskResult;
import org.vigil.analytics.risk.RiskScore;
import org.vigil.analytics.trend.Direction;
import org.vigil.timeseries.Period;

/**
 * Turns a risk run into the priority list. Pairs are ranked by the current score (ties: higher
 * upper band first). The outlook compares the furthest projection with now: a change of more than
 * {@link #OUTLOOK_THRESHOLD} points is rising or falling. Confidence is HIGH when the reliability
 * is at least 0.9 and the rank-stability interval spans at most 3 places, MEDIUM when reliability
 * is at least 0.6 and it spans at most 8, LOW otherwise. Thread-safe (stateless).
 */
public final class Prioritiser {
  /** Score points of projected change that count as a rising or falling outlook. */
  public static final double OUTLOOK_THRESHOLD = 0.25;

  private Prioritiser() {}

  /**
   * Builds the list.
   *
   * @param risk a run with the period's horizon-0 snapshot and optionally projections
   * @param period the period to rank
   * @param trends per DOMAIN|AREA key, the trend verdict of the domain's indicator
   * @param previous rank per DOMAIN|AREA key from the last run (empty map when none)
   * @param previousPeriod period of the last run, or empty
   * @param statesExpected number of states in the region
   */
  public static PriorityList rank(
      RiskResult risk,
      Period period,
      Map<String, Direction> trends,
      Map<String, Integer> previous,
      String previousPeriod,
      int statesExpected) {
    List<RiskScore> now =
        risk.scores().stream()
            .filter(s -> s.horizon() == 0 && s.period().equals(period) && !Double.isNaN(s.score()))
            .sorted(RANK_ORDER)
            .toList();
    List<Priority> list = new ArrayList<>();
    for (RiskScore s : now) {
      String key = s.domain() + "|" + s.area();
      Optional<RiskScore> far = furthest(risk, s);
      double projected = far.map(RiskScore::score).orElse(Double.NaN);
      list.add(
          new Priority(
              list.size() + 1,
              s.domain(),
              s.area(),
              s.score(),
              s.lower(),
              s.upper(),
              trends.getOrDefault(key, Direction.INSUFFICIENT_DATA),
              outlook(s.score(), projected),
              projected,
              s.topDrivers(3),
              confidence(s),
              previous.getOrDefault(key, 0)));
    }
    List<Priority> up =
        list.stream()
            .filter(p -> p.movedUp() > 0)
            .sorted(Comparator.comparingInt(Priority::movedUp).reversed())
            .toList();
    List<Priority> down =
        list.stream()
            .filter(p -> p.movedUp() < 0)
            .sorted(Comparator.comparingInt(Priority::movedUp))
            .toList();
    return new PriorityList(
        period,
        risk.methodology() + " " + risk.version(),
        list,
        regional(now, statesExpected),
        up,
        down,
        previousPeriod);
  }

  private static Optional<RiskScore> furthest(RiskResult risk, RiskScore s) {
    return risk.scores().stream()
        .filter(
            x ->
                x.horizon() > 0
                    && x.area().equals(s.area())
                    && x.domain().equals(s.domain())
                    && x.period().compareTo(s.period()) > 0
                    && !Double.isNaN(x.score()))
        .max(Comparator.comparingInt(RiskScore::horizon));
  }

  static Priority.Outlook outlook(double now, double projected) {
    if (Double.isNaN(projected)) {
      return Priority.Outlook.UNKNOWN;
    }
    double d = projected - now;
    return d > OUTLOOK_THRESHOLD
        ? Priority.Outlook.RISING
        : (d < -OUTLOOK_THRESHOLD ? Priority.Outlook.FALLING : Priority.Outlook.STABLE);
  }

  static Priority.Confidence confidence(RiskScore s) {
    int span = s.rankUpper() > 0 ? s.rankUpper() - s.rankLower() : 0;
    if (s.reliability() >= 0.9 && span <= 3) {
      return Priority.Confidence.HIGH;
    }
    if (s.reliability() >= 0.6 && span <= 8) {
      return Priority.Confidence.MEDIUM;
    }
    return Priority.Confidence.LOW;
  }

  private static List<RegionalPriority> regional(List<RiskScore> now, int expected) {
    Map<String, List<RiskScore>> byDomain = new TreeMap<>();
    now.forEach(s -> byDomain.computeIfAbsent(s.domain(), d -> new ArrayList<>()).add(s));
    List<RegionalPriority> rows = new ArrayList<>();
    byDomain.forEach(
        (d, l) -> {
          double mean = l.stream().mapToDouble(RiskScore::score).average().orElse(Double.NaN);
          RiskScore worst = l.stream().max(Comparator.comparingDouble(RiskScore::score)).get();
          rows.add(
              new RegionalPriority(
                  0, d, mean, worst.score(), worst.area(), l.size(), Math.max(expected, l.size())));
        });
    rows.sort(Comparator.comparingDouble(RegionalPriority::meanScore).reversed());
    List<RegionalPriority> out = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      RegionalPriority r = rows.get(i);
      out.add(
          new RegionalPriority(
              i + 1,
              r.domain(),
              r.meanScore(),
              r.maxScore(),
              r.worstArea(),
              r.statesIncluded(),
              r.statesExpected()));
    }
    return out;
  }

  /**
   * The ranking's order: higher score first, then the higher upper end of the band, then domain and
   * state code.
   */
  private static final Comparator<RiskScore> RANK_ORDER =
      Comparator.comparingDouble(RiskScore::score)
          .thenComparingDouble(RiskScore::upper)
          .reversed()
          .thenComparing(RiskScore::domain)
          .thenComparing(RiskScore::area);
}
