package org.vigil.model.programme;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.vigil.timeseries.Frequency;

/**
 * A strategic programme as one immutable document: its public structure (titles, period, adopting
 * body, parties) and its plan (objectives, measures, KPIs). A change to a programme is a new {@link
 * ProgrammeRevision} holding a whole new {@code Programme}; nothing is edited in place.
 *
 * <p>The constructor checks that the plan hangs together: codes are unique, every measure and KPI
 * names an existing objective, every measure names existing KPIs, and lead and participating states
 * are parties.
 *
 * @param code stable id ("CIS-CRIME-2024-2028")
 * @param titleEn English title
 * @param titleRu Russian title
 * @param start first day of the programme period
 * @param end last day of the programme period
 * @param adoptingBody the body that adopted it ("CIS Council of Heads of State"), or empty
 * @param adoptedOn the adoption date, {@link LocalDate#MIN} when not known
 * @param parties area codes of the parties
 * @param reporting how often the parties report on each measure
 * @param provenance what in this record is certain and where it comes from
 * @param objectives the objectives
 * @param measures the measures
 * @param kpis the KPIs
 */
public record Programme(
    String code,
    String titleEn,
    String titleRu,
    LocalDate start,
    LocalDate end,
    String adoptingBody,
    LocalDate adoptedOn,
    List<String> parties,
    Frequency reporting,
    String provenance,
    List<Objective> objectives,
    List<Measure> measures,
    List<Kpi> kpis) {
  public Programme {
    Validation.code("Programme", code);
    titleEn = Validation.text("Programme " + code + " English title", titleEn);
    titleRu = titleRu == null || titleRu.isBlank() ? titleEn : titleRu.strip();
    if (start == null || end == null || end.isBefore(start)) {
      throw new IllegalArgumentException(
          "Programme " + code + " needs start <= end, found " + start + " and " + end);
    }
    adoptingBody = Validation.orEmpty(adoptingBody);
    adoptedOn = adoptedOn == null ? LocalDate.MIN : adoptedOn;
    parties = Validation.list(parties);
    if (parties.isEmpty()) {
      throw new IllegalArgumentException("Programme " + code + " needs at least one party");
    }
    Validation.unique("Party", parties);
    reporting = reporting == null ? Frequency.YEARLY : reporting;
    provenance = Validation.orEmpty(provenance);
    objectives = Validation.list(objectives);
    measures = Validation.list(measures);
    kpis = Validation.list(kpis);
    checkPlan(code, parties, objectives, measures, kpis);
  }

  private static void checkPlan(
      String code,
      List<String> parties,
      List<Objective> objectives,
      List<Measure> measures,
      List<Kpi> kpis) {
    Validation.unique("Objective", objectives.stream().map(Objective::code).toList());
    Validation.unique("Measure", measures.stream().map(Measure::code).toList());
    Validation.unique("KPI", kpis.stream().map(Kpi::code).toList());
    Set<String> objectiveCodes = new HashSet<>(objectives.stream().map(Objective::code).toList());
    Set<String> kpiCodes = new HashSet<>(kpis.stream().map(Kpi::code).toList());
    for (Measure m : measures) {
      if (!objectiveCodes.contains(m.objective())) {
        throw new IllegalArgumentException(
            "Programme "
                + code
                + " measure "
                + m.code()
                + " names unknown objective '"
                + m.objective()
                + "': expected one of "
                + objectiveCodes);
      }
      for (String k : m.kpis()) {
        if (!kpiCodes.contains(k)) {
          throw new IllegalArgumentException(
              "Programme "
                  + code
                  + " measure "
                  + m.code()
                  + " names unknown KPI '"
                  + k
                  + "': expected one of "
                  + kpiCodes);
        }
      }
      for (String s : m.states()) {
        if (!parties.contains(s)) {
          throw new IllegalArgumentException(
              "Programme "
                  + code
                  + " measure "
                  + m.code()
                  + " names state '"
                  + s
                  + "' that is not a party: expected one of "
                  + parties);
        }
      }
    }
    for (Kpi k : kpis) {
      if (!objectiveCodes.contains(k.objective())) {
        throw new IllegalArgumentException(
            "Programme "
                + code
                + " KPI "
                + k.code()
                + " names unknown objective '"
                + k.objective()
                + "': expected one of "
                + objectiveCodes);
      }
    }
  }

  public String title(String lang) {
    return "ru".equals(lang) ? titleRu : titleEn;
  }

  public boolean isParty(String state) {
    return parties.contains(state);
  }

  public Optional<Objective> objective(String objectiveCode) {
    return objectives.stream().filter(o -> o.code().equals(objectiveCode)).findFirst();
  }

  public Optional<Measure> measure(String measureCode) {
    return measures.stream().filter(m -> m.code().equals(measureCode)).findFirst();
  }

  public Optional<Kpi> kpi(String kpiCode) {
    return kpis.stream().filter(k -> k.code().equals(kpiCode)).findFirst();
  }

  /** The measures that serve a KPI. */
  public List<Measure> measuresServing(String kpiCode) {
    return measures.stream().filter(m -> m.kpis().contains(kpiCode)).toList();
  }

  /** A copy with one KPI replaced through {@code change}; fails when the KPI does not exist. */
  public Programme withKpi(String kpiCode, UnaryOperator<Kpi> change) {
    requireKpi(kpiCode);
    List<Kpi> out = new ArrayList<>();
    for (Kpi k : kpis) {
      out.add(k.code().equals(kpiCode) ? change.apply(k) : k);
    }
    return withPlan(objectives, measures, out);
  }

  /** A copy with one measure replaced through {@code change}; fails when it does not exist. */
  public Programme withMeasure(String measureCode, UnaryOperator<Measure> change) {
    if (measure(measureCode).isEmpty()) {
      throw new IllegalArgumentException(
          "Programme " + code + " has no measure '" + measureCode + "'");
    }
    List<Measure> out = new ArrayList<>();
    for (Measure m : measures) {
      out.add(m.code().equals(measureCode) ? change.apply(m) : m);
    }
    return withPlan(objectives, out, kpis);
  }

  /** A copy with a new plan and the same public structure. */
  public Programme withPlan(
      List<Objective> newObjectives, List<Measure> newMeasures, List<Kpi> newKpis) {
    return new Programme(
        code,
        titleEn,
        titleRu,
        start,
        end,
        adoptingBody,
        adoptedOn,
        parties,
        reporting,
        provenance,
        newObjectives,
        newMeasures,
        newKpis);
  }

  private void requireKpi(String kpiCode) {
    if (kpi(kpiCode).isEmpty()) {
      throw new IllegalArgumentException("Programme " + code + " has no KPI '" + kpiCode + "'");
    }
  }
}
