package org.vigil.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.vigil.model.Aggregation;
import org.vigil.model.Area;
import org.vigil.model.AreaKind;
import org.vigil.model.Indicator;
import org.vigil.model.Polarity;
import org.vigil.model.ThreatDomain;
import org.vigil.timeseries.Frequency;
import org.vigil.timeseries.Period;

/** A regional report with every section filled, from a fixed seed. */
final class SampleReports {
  static final Area CIS = new Area("CIS", AreaKind.GROUP, "CIS region", "Регион СНГ", "", "");
  static final List<Area> STATES =
      List.of(
          state("ARM", "Armenia", "Армения"),
          state("AZE", "Azerbaijan", "Азербайджан"),
          state("BLR", "Belarus", "Беларусь"),
          state("KAZ", "Kazakhstan", "Казахстан"),
          state("KGZ", "Kyrgyzstan", "Кыргызстан"),
          state("MDA", "Moldova", "Молдова"),
          state("RUS", "Russia", "Россия"),
          state("TJK", "Tajikistan", "Таджикистан"),
          state("UZB", "Uzbekistan", "Узбекистан"));

  private SampleReports() {}

  static Area state(String code, String en, String ru) {
    return new Area(code, AreaKind.COUNTRY, en, ru, "", "");
  }

  /** The run the sample's risk and priorities come from. */
  static final RunCoverage RUN =
      new RunCoverage(9, 10, "vigil-default", "1.0.0", Optional.of(LocalDate.of(2026, 10, 31)), 3);

  /** The reader who made the sample reports. */
  static final Marking MARKING = new Marking("kaz.analyst", "KAZ-SC", STATES);

  static SituationReport regional(ReportLanguage lang) {
    return sample(CIS, lang);
  }

  /**
   * Kazakhstan's own report: Kazakhstan is not the state with the highest risk, so a report that
   * led with the highest would show another state first.
   */
  static SituationReport kazakhstan(ReportLanguage lang) {
    return sample(STATES.get(3), lang);
  }

  /** A count series whose forecast's symmetric intervals reach below zero. */
  static IndicatorChart lowCounts() {
    Indicator kidnappings =
        new Indicator(
            "KIDNAPPINGS",
            "Kidnappings",
            "Похищения людей",
            ThreatDomain.TERRORISM,
            "incidents",
            Frequency.MONTHLY,
            "",
            Polarity.RISE_IS_BAD,
            Aggregation.SUM,
            "demo",
            true);
    return chart(kidnappings, STATES.get(3), new Random(3), 1.5, 0.8);
  }

  private static SituationReport sample(Area subject, ReportLanguage lang) {
    Random random = new Random(7);
    List<RiskRow> risk = new ArrayList<>();
    for (Area a : STATES) {
      double s = 1.5 + random.nextDouble() * 7;
      risk.add(
          new RiskRow(
              a,
              s,
              s - 0.5 + random.nextDouble(),
              Optional.of(ThreatDomain.values()[random.nextInt(5)])));
    }
    List<PriorityRow> priorities =
        List.of(
            new PriorityRow(1, ThreatDomain.DRUG_TRAFFICKING, 7.3, 2),
            new PriorityRow(2, ThreatDomain.TERRORISM, 6.4, 1),
            new PriorityRow(3, ThreatDomain.INFORMATION, 5.1, 3),
            new PriorityRow(4, ThreatDomain.ILLEGAL_MIGRATION, 4.1, 5));
    Indicator drugs =
        new Indicator(
            "DRUG_SEIZURES",
            "Drug seizures",
            "Изъятия наркотиков",
            ThreatDomain.DRUG_TRAFFICKING,
            "kg",
            Frequency.MONTHLY,
            "",
            Polarity.RISE_IS_BAD,
            Aggregation.SUM,
            "demo",
            true);
    Indicator cyber =
        new Indicator(
            "CYBER_INCIDENTS",
            "Cyber incidents",
            "Киберинциденты",
            ThreatDomain.INFORMATION,
            "incidents",
            Frequency.MONTHLY,
            "",
            Polarity.RISE_IS_BAD,
            Aggregation.SUM,
            "demo",
            true);
    List<IndicatorChart> charts =
        List.of(
            chart(drugs, STATES.get(3), random, 400, 0.04),
            chart(cyber, STATES.get(6), random, 1200, 0.04),
            lowCounts());
    Period period = Period.month(2026, 10);
    List<IndicatorRow> rows =
        List.of(
            new IndicatorRow(drugs, STATES.get(3), period, 431.0, 402.5),
            new IndicatorRow(cyber, STATES.get(6), period, 1310.0, 1180.0));
    List<AnomalyRow> anomalies =
        List.of(new AnomalyRow(cyber, STATES.get(6), Period.month(2026, 8), 1730, 1220, 4.2));
    List<ProgrammeRow> programmes =
        List.of(
            new ProgrammeRow(
                lang == ReportLanguage.RU
                    ? "Программа борьбы с терроризмом 2026–2028"
                    : "Counter-terrorism programme 2026–2028",
                0.62,
                14,
                25,
                ProgrammeRow.Status.ON_TRACK),
            new ProgrammeRow(
                lang == ReportLanguage.RU ? "Антинаркотическая программа" : "Anti-drug programme",
                0.35,
                6,
                20,
                ProgrammeRow.Status.AT_RISK));
    List<EventRow> events =
        List.of(
            new EventRow(
                LocalDate.of(2026, 10, 12),
                STATES.get(7),
                ThreatDomain.DRUG_TRAFFICKING,
                "SEIZE",
                0,
                "Border guards seized 120 kg of heroin at a checkpoint"),
            new EventRow(
                LocalDate.of(2026, 10, 3),
                STATES.get(4),
                ThreatDomain.TERRORISM,
                "ASSAULT",
                2,
                "Armed group attacked a police post"));
    return SituationReport.builder(subject, period, lang)
        .states(STATES)
        .generatedAt(Instant.parse("2026-11-02T09:00:00Z"))
        .risk(Section.of(risk).withRun(RUN))
        .priorities(Section.of(priorities).withRun(RUN))
        .marking(MARKING)
        .indicators(Section.of(rows))
        .charts(Section.of(charts))
        .anomalies(Section.of(anomalies))
        .programmes(Section.of(programmes))
        .events(Section.of(events))
        .build();
  }

  private static IndicatorChart chart(
      Indicator ind, Area area, Random random, double level, double noise) {
    List<IndicatorChart.Point> history = new ArrayList<>();
    Period p = Period.month(2023, 11);
    double v = level;
    for (int i = 0; i < 36; i++) {
      v = Math.max(0, v * 1.005 + random.nextGaussian() * level * noise);
      history.add(new IndicatorChart.Point(p, v));
      p = p.plus(1);
    }
    List<IndicatorChart.FanPoint> fan = new ArrayList<>();
    for (int h = 1; h <= 12; h++) {
      double sd = level * noise * Math.sqrt(h);
      fan.add(
          new IndicatorChart.FanPoint(
              p, v, v - 1.28 * sd, v + 1.28 * sd, v - 1.96 * sd, v + 1.96 * sd));
      p = p.plus(1);
    }
    return new IndicatorChart(
        ind,
        area,
        history,
        fan,
        "Mean(ETS(A,Ad,N), Theta(seasonally adjusted))",
        "trend.RISING",
        IndicatorRow.Coverage.NONE);
  }
}
