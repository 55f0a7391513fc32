package org.vigil.report;

import java.time.Instant;
import java.util.List;
import org.vigil.model.Area;
import org.vigil.model.AreaKind;
import org.vigil.timeseries.Period;

/**
 * Everything a situation report shows, for the region (an area of kind GROUP such as CIS) or one
 * state, for one period, in one language. Values only: the renderer turns it into HTML or PDF.
 * Build one with {@link #builder(Area, Period, ReportLanguage)}; every section defaults to
 * unavailable with a reason, so a report never shows numbers nobody supplied.
 *
 * @param area the region or state the report is about
 * @param states the states shown on the map (the members of the region, or the state itself)
 * @param period the report period
 * @param language the report language
 * @param generatedAt when the report was assembled
 * @param risk composite risk by state
 * @param priorities the shared ranking: regional priorities by domain, or a state's domains in the
 *     ranking every member reader sees (numbered 1..k)
 * @param notSharedPriorities a state's domains the reader may read that not every member may,
 *     outside the shared ranking and unnumbered; not applicable when there are none
 * @param indicators key indicators table
 * @param charts key indicator charts with forecast fans
 * @param anomalies recent anomalies
 * @param programmes programme status
 * @param events notable events
 * @param water the shared basins of the area: water indicators and a dry-scenario allocation
 * @param marking the classification and distribution line
 */
public record SituationReport(
    Area area,
    List<Area> states,
    Period period,
    ReportLanguage language,
    Instant generatedAt,
    Section<RiskRow> risk,
    Section<PriorityRow> priorities,
    Section<NotSharedPriorityRow> notSharedPriorities,
    Section<IndicatorRow> indicators,
    Section<IndicatorChart> charts,
    Section<AnomalyRow> anomalies,
    Section<ProgrammeRow> programmes,
    Section<EventRow> events,
    Section<WaterBasinRow> water,
    Marking marking) {

  public SituationReport {
    if (area == null || period == null || language == null || generatedAt == null) {
      throw new IllegalArgumentException(
          "SituationReport needs an area, a period, a language and a generation time");
    }
    states = states == null ? List.of() : List.copyOf(states);
    marking = marking == null ? Marking.UNATTRIBUTED : marking;
    if (risk == null
        || priorities == null
        || notSharedPriorities == null
        || indicators == null
        || charts == null
        || anomalies == null
        || programmes == null
        || events == null
        || water == null) {
      throw new IllegalArgumentException(
          "SituationReport for " + area.code() + " needs every section (use Section.unavailable)");
    }
  }

  /** True when the report is about a region (a group of states) rather than one state. */
  public boolean regional() {
    return area.kind() == AreaKind.GROUP;
  }

  /**
   * What the analytic run behind the risk and priority sections covers: the risk section's run,
   * else the priorities' run; empty when neither comes from one.
   */
  public java.util.Optional<RunCoverage> coverage() {
    return risk.run().or(priorities::run);
  }

  /** True when any series in the report comes from the synthetic demo generator. */
  public boolean containsSynthetic() {
    return indicators.rows().stream().anyMatch(r -> r.indicator().synthetic())
        || charts.rows().stream().anyMatch(c -> c.indicator().synthetic())
        || anomalies.rows().stream().anyMatch(a -> a.indicator().synthetic())
        || !water.rows().isEmpty();
  }

  public static Builder builder(Area area, Period period, ReportLanguage language) {
    return new Builder(area, period, language);
  }

  /** Collects the sections; anything not set stays unavailable with the reason "not supplied". */
  public static final class Builder {
    private static final String NOT_SUPPLIED = "gap.notSupplied";
    private static final String NONE_NOT_SHARED = "No priority outside the shared ranking";
    private final Area area;
    private final Period period;
    private final ReportLanguage language;
    private List<Area> states = List.of();
    private Instant generatedAt = Instant.EPOCH;
    private Section<RiskRow> risk = Section.unavailable(NOT_SUPPLIED);
    private Section<PriorityRow> priorities = Section.unavailable(NOT_SUPPLIED);
    private Section<NotSharedPriorityRow> notSharedPriorities =
        Section.notApplicable(NONE_NOT_SHARED);
    private Section<IndicatorRow> indicators = Section.unavailable(NOT_SUPPLIED);
    private Section<IndicatorChart> charts = Section.unavailable(NOT_SUPPLIED);
    private Section<AnomalyRow> anomalies = Section.unavailable(NOT_SUPPLIED);
    private Section<ProgrammeRow> programmes = Section.unavailable(NOT_SUPPLIED);
    private Section<EventRow> events = Section.unavailable(NOT_SUPPLIED);
    private Section<WaterBasinRow> water = Section.unavailable(NOT_SUPPLIED);
    private Marking marking = Marking.UNATTRIBUTED;

    private Builder(Area area, Period period, ReportLanguage language) {
      this.area = area;
      this.period = period;
      this.language = language;
    }

    public Builder states(List<Area> value) {
      this.states = value;
      return this;
    }

    public Builder generatedAt(Instant value) {
      this.generatedAt = value;
      return this;
    }

    public Builder risk(Section<RiskRow> value) {
      this.risk = value;
      return this;
    }

    public Builder priorities(Section<PriorityRow> value) {
      this.priorities = value;
      return this;
    }

    /** A state's priorities outside the shared ranking (default: none, left out). */
    public Builder notSharedPriorities(Section<NotSharedPriorityRow> value) {
      this.notSharedPriorities = value;
      return this;
    }

    public Builder indicators(Section<IndicatorRow> value) {
      this.indicators = value;
      return this;
    }

    public Builder charts(Section<IndicatorChart> value) {
      this.charts = value;
      return this;
    }

    public Builder anomalies(Section<AnomalyRow> value) {
      this.anomalies = value;
      return this;
    }

    public Builder programmes(Section<ProgrammeRow> value) {
      this.programmes = value;
      return this;
    }

    public Builder events(Section<EventRow> value) {
      this.events = value;
      return this;
    }

    public Builder water(Section<WaterBasinRow> value) {
      this.water = value;
      return this;
    }

    public Builder marking(Marking value) {
      this.marking = value;
      return this;
    }

    public SituationReport build() {
      return new SituationReport(
          area,
          states,
          period,
          language,
          generatedAt,
          risk,
          priorities,
          notSharedPriorities,
          indicators,
          charts,
          anomalies,
          programmes,
          events,
          water,
          marking);
    }
  }
}
