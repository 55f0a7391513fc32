package org.vigil.app.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.vigil.model.Aggregation;
import org.vigil.model.Classification;
import org.vigil.model.Indicator;
import org.vigil.model.Observation;
import org.vigil.model.Ownership;
import org.vigil.model.Polarity;
import org.vigil.model.ThreatDomain;
import org.vigil.timeseries.Frequency;
import org.vigil.timeseries.Period;

/**
 * The demo's weekly and daily series (synthetic, marked so): illegal border crossings detected per
 * ISO week (three years, a yearly cycle of 52.18 weeks peaking in summer) and emergency calls per
 * day (two years, a weekday pattern and a winter peak), for Kazakhstan and Tajikistan, shared.
 *
 * <p>Drawn from their own generator (seed {@code spec.seed() + 7}), so the monthly series' draws
 * are unchanged; both end with the demo's last month.
 */
final class DemoHighFrequency {
  static final String WEEKLY = "DEMO_BORDER_CROSSINGS_WEEKLY";
  static final String DAILY = "DEMO_EMERGENCY_CALLS_DAILY";
  private static final List<String> STATES = List.of("KAZ", "TJK");
  private static final double YEAR_IN_WEEKS = 365.25 / 7;
  private static final double[] WEEKDAY = {1.0, 0.95, 0.95, 1.0, 1.1, 1.3, 1.2};

  private DemoHighFrequency() {}

  static List<Indicator> indicators() {
    return List.of(
        new Indicator(
            WEEKLY,
            "Illegal border crossings detected (weekly)",
            "Выявленные незаконные пересечения границы (еженедельно)",
            ThreatDomain.ILLEGAL_MIGRATION,
            "crossings",
            Frequency.WEEKLY,
            "",
            Polarity.RISE_IS_BAD,
            Aggregation.SUM,
            DemoIndicators.SYNTHETIC_SOURCE,
            true),
        new Indicator(
            DAILY,
            "Emergency calls (daily)",
            "Вызовы экстренных служб (ежедневно)",
            ThreatDomain.TECHNOLOGICAL,
            "calls",
            Frequency.DAILY,
            "",
            Polarity.RISE_IS_BAD,
            Aggregation.SUM,
            DemoIndicators.SYNTHETIC_SOURCE,
            true));
  }

  static List<Observation> observations(DemoSpec spec) {
    SplittableRandom random = new SplittableRandom(spec.seed() + 7);
    LocalDate lastDay = spec.last().atEndOfMonth();
    List<Observation> out = new ArrayList<>();
    for (int s = 0; s < STATES.size(); s++) {
      String state = STATES.get(s);
      Ownership own = Ownership.of(state + "-SC", Classification.SHARED);
      double scale = s == 0 ? 1.0 : 0.6;
      // Weeks: the 156 full ISO weeks that end by the last day.
      Period lastWeek = Period.containing(lastDay, Frequency.WEEKLY);
      if (lastWeek.end().isAfter(lastDay)) {
        lastWeek = lastWeek.plus(-1);
      }
      for (int i = 0; i < 156; i++) {
        Period p = lastWeek.plus(i - 155L);
        double season = 1 + 0.35 * Math.sin(2 * Math.PI * (p.sub() - 14) / YEAR_IN_WEEKS);
        double mean = scale * (60 + 0.05 * i) * season;
        out.add(obs(WEEKLY, state, p, poisson(random, mean), own));
      }
      Period lastDayPeriod = Period.day(lastDay);
      for (int i = 0; i < 730; i++) {
        Period p = lastDayPeriod.plus(i - 729L);
        LocalDate d = p.start();
        double winter = 1 + 0.25 * Math.cos(2 * Math.PI * (d.getDayOfYear() - 15) / 365.25);
        double mean = scale * 120 * WEEKDAY[d.getDayOfWeek().getValue() - 1] * winter;
        out.add(obs(DAILY, state, p, poisson(random, mean), own));
      }
    }
    return out;
  }

  /** A Poisson draw by a normal approximation, fine for means above 30. */
  private static double poisson(SplittableRandom r, double mean) {
    double u1 = r.nextDouble();
    double u2 = r.nextDouble();
    double z = Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
    return Math.max(0, Math.round(mean + Math.sqrt(mean) * z));
  }

  private static Observation obs(String ind, String area, Period p, double v, Ownership own) {
    return new Observation(ind, area, p, v, "", DemoIndicators.SYNTHETIC_SOURCE, 0, null, own);
  }
}
