package org.vigil.app.programme;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.vigil.app.Vigil;
import org.vigil.app.demo.DemoData;
import org.vigil.app.demo.DemoOrganisations;
import org.vigil.app.demo.DemoSpec;
import org.vigil.app.demo.GeneratedSeries;
import org.vigil.model.AccessContext;
import org.vigil.model.Classification;
import org.vigil.model.Ownership;
import org.vigil.model.programme.Budget;
import org.vigil.model.programme.ImplementationReport;
import org.vigil.model.programme.Kpi;
import org.vigil.model.programme.KpiDirection;
import org.vigil.model.programme.Measure;
import org.vigil.model.programme.MeasureStatus;
import org.vigil.model.programme.Objective;
import org.vigil.model.programme.Programme;
import org.vigil.model.programme.ProgrammeRepository;
import org.vigil.model.programme.RevisionState;
import org.vigil.timeseries.Frequency;
import org.vigil.timeseries.Period;

/**
 * The demo's two programmes. Their public structure (titles in English and Russian, period,
 * adopting body) is that of two real CIS programmes as far as it is known here, and each record's
 * {@code provenance} says what is certain. Their objectives, measures and KPIs are EXAMPLES made up
 * for the demo (marked {@code example: true}) and linked to the demo generator's synthetic
 * indicators, chosen so that the planted trends make some KPIs miss and others meet their targets:
 *
 * <ul>
 *   <li>crime K1: drug trafficking offences in Russia, planted +6.8% of base a year: misses a 10%
 *       cut;
 *   <li>crime K2: drug trafficking offences in Kazakhstan, planted -6.9% a year: meets a 15% cut;
 *   <li>crime K3: organised crime offences in Armenia, planted -6.8% a year: meets a 20% cut;
 *   <li>crime K4: illegal border crossings in Kyrgyzstan, planted +4.6% a year: misses a 10% cut;
 *   <li>terrorism K1 (deadline passed): terrorist incidents in Kazakhstan, falling: met;
 *   <li>terrorism K2 (deadline passed): extremism offences in Kyrgyzstan, +7.1% a year: missed.
 * </ul>
 *
 * <p>Baselines are the mean monthly value of the baseline year in the generated data (seed {@link
 * DemoSpec#DEFAULT_SEED}), targets a stated cut from it; values up to 2025-12 do not depend on the
 * demo's end month.
 */
public final class ProgrammeDemo {
  public static final String CRIME = "CIS-CRIME-2024-2028";
  public static final String TERRORISM = "CIS-CT-2023-2025";

  /**
   * The KPIs the planted trends drive off course, as "programme/KPI" (the subject of a KPI_DRIFT
   * alert): crime K1 and K4 miss, terrorism K2 missed (see above). The ground truth of the drift
   * alerts on the demo.
   */
  public static final Set<String> PLANTED_DRIFT =
      Set.of(CRIME + "/K1", CRIME + "/K4", TERRORISM + "/K2");

  /** Parties as assumed for the demo (see each programme's provenance). */
  static final List<String> PARTIES =
      List.of("ARM", "AZE", "BLR", "KAZ", "KGZ", "RUS", "TJK", "UZB");

  private static final String EXAMPLE = " (example)";
  private static final String EXAMPLE_RU = " (пример)";

  /** Russian names of the example KPIs. */
  private static final java.util.Map<String, String> RU =
      java.util.Map.of(
          "Drug trafficking offences in Russia down 10%",
          "Снижение числа преступлений, связанных с наркотрафиком, в России на 10%",
          "Drug trafficking offences in Kazakhstan down 15%",
          "Снижение числа преступлений, связанных с наркотрафиком, в Казахстане на 15%",
          "Organised crime offences in Armenia down 20%",
          "Снижение числа преступлений организованных групп в Армении на 20%",
          "Illegal border crossings in Kyrgyzstan down 10%",
          "Снижение числа незаконных пересечений границы в Кыргызстане на 10%",
          "Terrorist incidents in Kazakhstan down 10%",
          "Снижение числа террористических инцидентов в Казахстане на 10%",
          "Extremism offences in Kyrgyzstan down 10%",
          "Снижение числа преступлений экстремистской направленности в Кыргызстане на 10%");

  private ProgrammeDemo() {}

  /** Loads both programmes unless they are there already; returns the number of versions added. */
  public static int load(Vigil vigil) {
    ProgrammeRepository repo = new ProgrammeService(vigil).repository();
    AccessContext sys = AccessContext.system();
    List<String> existing = repo.programmes(sys);
    int added = 0;
    List<GeneratedSeries> series = DemoData.series(DemoSpec.DEFAULT);
    if (!existing.contains(CRIME)) {
      Programme v1 = crime(series);
      repo.draft(sys, v1, 0, "Adopted programme entered into Vigil (demo)");
      repo.decide(sys, CRIME, 1, RevisionState.APPROVED, "demo load");
      Programme v2 =
          v1.withMeasure(
              "M1.1",
              m ->
                  new Measure(
                      m.code(),
                      m.objective(),
                      m.titleEn(),
                      m.titleRu(),
                      m.leadStates(),
                      List.of("KAZ", "KGZ", "TJK", "UZB", "BLR"),
                      m.responsibleBody(),
                      m.start(),
                      m.deadline(),
                      m.status(),
                      m.budget(),
                      m.kpis(),
                      m.reinforced(),
                      m.example()));
      repo.draft(sys, v2, 1, "Belarus joins the joint operation (example revision)");
      repo.decide(sys, CRIME, 2, RevisionState.APPROVED, "demo load");
      crimeReports().forEach(r -> repo.file(sys, r));
      added += 2;
    }
    if (!existing.contains(TERRORISM)) {
      repo.draft(sys, terrorism(series), 0, "Adopted programme entered into Vigil (demo)");
      repo.decide(sys, TERRORISM, 1, RevisionState.APPROVED, "demo load");
      terrorismReports().forEach(r -> repo.file(sys, r));
      added++;
    }
    return added;
  }

  static Programme crime(List<GeneratedSeries> series) {
    List<Objective> objectives =
        List.of(
            new Objective(
                "O1",
                "Reduce organised crime and drug trafficking" + EXAMPLE,
                "Снижение организованной преступности и наркопреступности" + EXAMPLE_RU,
                true),
            new Objective(
                "O2",
                "Strengthen the protection of borders against illegal migration" + EXAMPLE,
                "Усиление защиты границ от незаконной миграции" + EXAMPLE_RU,
                true));
    String interior = "Council of Ministers of Internal Affairs of the CIS Member States";
    List<Measure> measures =
        List.of(
            new Measure(
                "M1.1",
                "O1",
                "Joint operation against drug trafficking routes" + EXAMPLE,
                "Совместная операция против каналов наркотрафика" + EXAMPLE_RU,
                List.of("RUS"),
                List.of("KAZ", "KGZ", "TJK", "UZB"),
                interior,
                LocalDate.of(2024, 1, 1),
                LocalDate.of(2025, 12, 31),
                MeasureStatus.IN_PROGRESS,
                Budget.NOT_GIVEN,
                List.of("K1", "K2"),
                false,
                true),
            new Measure(
                "M1.2",
                "O1",
                "Shared register of organised criminal groups" + EXAMPLE,
                "Общий учёт организованных преступных групп" + EXAMPLE_RU,
                List.of("BLR"),
                List.of("ARM", "KAZ", "RUS"),
                interior,
                LocalDate.of(2024, 1, 1),
                LocalDate.of(2026, 6, 30),
                MeasureStatus.DONE,
                new Budget(Double.NaN, "", "within the parties' own budgets"),
                List.of("K3"),
                false,
                true),
            new Measure(
                "M2.1",
                "O2",
                "Coordinated patrols on the external borders" + EXAMPLE,
                "Согласованное патрулирование внешних границ" + EXAMPLE_RU,
                List.of("KGZ"),
                List.of("KAZ", "TJK"),
                "Council of Commanders of Border Troops",
                LocalDate.of(2024, 3, 1),
                LocalDate.of(2027, 12, 31),
                MeasureStatus.IN_PROGRESS,
                Budget.NOT_GIVEN,
                List.of("K4"),
                false,
                true));
    List<Kpi> kpis =
        List.of(
            kpi(
                series,
                "K1",
                "O1",
                "DEMO_DRUG_TRAFFICKING_OFFENCES",
                "RUS",
                0.10,
                "Drug trafficking offences in Russia down 10%",
                2028),
            kpi(
                series,
                "K2",
                "O1",
                "DEMO_DRUG_TRAFFICKING_OFFENCES",
                "KAZ",
                0.15,
                "Drug trafficking offences in Kazakhstan down 15%",
                2028),
            kpi(
                series,
                "K3",
                "O1",
                "DEMO_ORGANISED_CRIME_OFFENCES",
                "ARM",
                0.20,
                "Organised crime offences in Armenia down 20%",
                2028),
            kpi(
                series,
                "K4",
                "O2",
                "DEMO_ILLEGAL_CROSSINGS",
                "KGZ",
                0.10,
                "Illegal border crossings in Kyrgyzstan down 10%",
                2027));
    return new Programme(
        CRIME,
        "Interstate Programme of Joint Measures to Combat Crime for 2024-2028",
        "Межгосударственная программа совместных мер борьбы с преступностью на 2024–2028 годы",
        LocalDate.of(2024, 1, 1),
        LocalDate.of(2028, 12, 31),
        "Council of Heads of State of the Commonwealth of Independent States",
        LocalDate.of(2023, 10, 13),
        PARTIES,
        Frequency.YEARLY,
        "Certain: the title (English translation ours), the period 2024-2028 and that it is a CIS"
            + " interstate programme. As publicly reported, not verified here: adoption by the"
            + " Council of Heads of State at its Bishkek meeting of 13 October 2023. Assumed for"
            + " the demo: the parties (CIS member states without Moldova and Turkmenistan); check"
            + " them against the signed decision. All objectives, measures and KPIs are EXAMPLES"
            + " invented for the demo and linked to synthetic demo indicators, not the adopted"
            + " text.",
        objectives,
        measures,
        kpis);
  }

  static Programme terrorism(List<GeneratedSeries> series) {
    List<Objective> objectives =
        List.of(
            new Objective(
                "O1",
                "Prevent terrorist incidents" + EXAMPLE,
                "Предупреждение террористических проявлений" + EXAMPLE_RU,
                true),
            new Objective(
                "O2",
                "Counter violent extremism" + EXAMPLE,
                "Противодействие насильственному экстремизму" + EXAMPLE_RU,
                true));
    String atc = "CIS Anti-Terrorism Centre";
    List<Measure> measures =
        List.of(
            new Measure(
                "M1",
                "O1",
                "Joint counter-terrorism exercises" + EXAMPLE,
                "Совместные антитеррористические учения" + EXAMPLE_RU,
                List.of("KAZ"),
                List.of("KGZ", "RUS", "TJK", "UZB"),
                atc,
                LocalDate.of(2023, 1, 1),
                LocalDate.of(2025, 12, 31),
                MeasureStatus.DONE,
                Budget.NOT_GIVEN,
                List.of("K1"),
                false,
                true),
            new Measure(
                "M2",
                "O2",
                "Exchange of information on extremist organisations" + EXAMPLE,
                "Обмен информацией об экстремистских организациях" + EXAMPLE_RU,
                List.of("RUS"),
                List.of("ARM", "BLR", "KGZ"),
                atc,
                LocalDate.of(2023, 1, 1),
                LocalDate.of(2025, 6, 30),
                MeasureStatus.IN_PROGRESS,
                Budget.NOT_GIVEN,
                List.of("K2"),
                false,
                true));
    List<Kpi> kpis =
        List.of(
            kpi(
                series,
                "K1",
                "O1",
                "DEMO_TERROR_INCIDENTS",
                "KAZ",
                0.10,
                "Terrorist incidents in Kazakhstan down 10%",
                2025,
                2022),
            kpi(
                series,
                "K2",
                "O2",
                "DEMO_EXTREMISM_OFFENCES",
                "KGZ",
                0.10,
                "Extremism offences in Kyrgyzstan down 10%",
                2025,
                2022));
    return new Programme(
        TERRORISM,
        "Programme of Cooperation of the CIS Member States in Combating Terrorism and Other"
            + " Violent Manifestations of Extremism for 2023-2025",
        "Программа сотрудничества государств – участников Содружества Независимых Государств в"
            + " борьбе с терроризмом и иными насильственными проявлениями экстремизма на"
            + " 2023–2025 годы",
        LocalDate.of(2023, 1, 1),
        LocalDate.of(2025, 12, 31),
        "Council of Heads of State of the Commonwealth of Independent States",
        LocalDate.MIN,
        PARTIES,
        Frequency.YEARLY,
        "Certain: the title (English translation ours), the period 2023-2025 and that it is a CIS"
            + " cooperation programme. Not verified here: the adoption date (left unknown) and"
            + " the adopting body (the CIS Council of Heads of State adopts such programmes)."
            + " Assumed for the demo: the parties. All objectives, measures and KPIs are EXAMPLES"
            + " invented for the demo and linked to synthetic demo indicators, not the adopted"
            + " text.",
        objectives,
        measures,
        kpis);
  }

  private static Kpi kpi(
      List<GeneratedSeries> series,
      String code,
      String objective,
      String indicator,
      String area,
      double cut,
      String name,
      int deadlineYear) {
    return kpi(series, code, objective, indicator, area, cut, name, deadlineYear, 2023);
  }

  private static Kpi kpi(
      List<GeneratedSeries> series,
      String code,
      String objective,
      String indicator,
      String area,
      double cut,
      String name,
      int deadlineYear,
      int baselineYear) {
    double baseline = round1(baseline(series, indicator, area, baselineYear));
    return new Kpi(
        code,
        objective,
        name + " on the " + baselineYear + " monthly mean by December " + deadlineYear + EXAMPLE,
        RU.get(name)
            + " к среднемесячному уровню "
            + baselineYear
            + " г. к декабрю "
            + deadlineYear
            + " г."
            + EXAMPLE_RU,
        indicator,
        area,
        baseline,
        Period.year(baselineYear),
        round1(baseline * (1 - cut)),
        Period.month(deadlineYear, 12),
        KpiDirection.AT_MOST,
        0,
        true);
  }

  /** The mean monthly value of a year in the generated demo data. */
  static double baseline(List<GeneratedSeries> series, String indicator, String area, int year) {
    GeneratedSeries s =
        series.stream()
            .filter(g -> g.truth().indicator().equals(indicator) && g.truth().area().equals(area))
            .findFirst()
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "The demo generator has no " + indicator + "/" + area));
    return s.values().entrySet().stream()
        .filter(e -> e.getKey().year() == year)
        .mapToDouble(e -> e.getValue())
        .average()
        .orElseThrow();
  }

  private static double round1(double x) {
    return Math.round(x * 10) / 10.0;
  }

  private static List<ImplementationReport> crimeReports() {
    return List.of(
        report(
            CRIME,
            "M1.1",
            "RUS",
            2024,
            MeasureStatus.IN_PROGRESS,
            30,
            Ownership.of(DemoOrganisations.councilOf("RUS"), Classification.SHARED)),
        report(
            CRIME,
            "M1.1",
            "RUS",
            2025,
            MeasureStatus.DELAYED,
            45,
            Ownership.restricted(DemoOrganisations.councilOf("RUS"), Set.of("KAZ-SC"))),
        report(
            CRIME,
            "M1.1",
            "KAZ",
            2024,
            MeasureStatus.IN_PROGRESS,
            50,
            Ownership.of(DemoOrganisations.councilOf("KAZ"), Classification.NATIONAL)),
        report(
            CRIME,
            "M1.2",
            "BLR",
            2024,
            MeasureStatus.DONE,
            100,
            Ownership.of(DemoOrganisations.councilOf("BLR"), Classification.PUBLIC)),
        report(
            CRIME,
            "M2.1",
            "KGZ",
            2024,
            MeasureStatus.IN_PROGRESS,
            20,
            Ownership.of(DemoOrganisations.councilOf("KGZ"), Classification.SHARED)),
        report(
            CRIME,
            "M2.1",
            "KGZ",
            2025,
            MeasureStatus.IN_PROGRESS,
            35,
            Ownership.of(DemoOrganisations.councilOf("KGZ"), Classification.SHARED)));
  }

  private static List<ImplementationReport> terrorismReports() {
    return List.of(
        report(
            TERRORISM,
            "M1",
            "KAZ",
            2023,
            MeasureStatus.IN_PROGRESS,
            40,
            Ownership.restricted(DemoOrganisations.councilOf("KAZ"), Set.of("RUS-SC", "UZB-SC"))),
        report(
            TERRORISM,
            "M2",
            "RUS",
            2024,
            MeasureStatus.DELAYED,
            60,
            Ownership.of(DemoOrganisations.councilOf("RUS"), Classification.NATIONAL)));
  }

  private static ImplementationReport report(
      String programme,
      String measure,
      String party,
      int year,
      MeasureStatus status,
      int percent,
      Ownership ownership) {
    return new ImplementationReport(
        0,
        programme,
        measure,
        party,
        Period.year(year),
        status,
        percent,
        "Example report for the demo: " + percent + "% of the planned work done in " + year + ".",
        List.of(
            "https://example.org/vigil-demo/"
                + programme.toLowerCase(java.util.Locale.ROOT)
                + "/"
                + measure
                + "/"
                + party
                + "/"
                + year),
        ownership,
        "",
        java.time.Instant.EPOCH);
  }
}
