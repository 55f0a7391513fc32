package org.vigil.analytics.programme;

import java.util.List;
import org.vigil.model.programme.KpiDirection;
import org.vigil.timeseries.Period;

/**
 * The drift verdict on one KPI.
 *
 * @param kpi the KPI code
 * @param indicator the indicator code
 * @param area the area code
 * @param direction at most or at least
 * @param target the target
 * @param tolerance the tolerance
 * @param deadline the series period whose value decides (the KPI deadline in the series' frequency)
 * @param status on track, at risk, met, missed or no data
 * @param probability probability of meeting the target at the deadline (1 or 0 once observed; NaN
 *     with no data)
 * @param threshold the warning threshold used
 * @param median the median forecast at the deadline, NaN when not forecast
 * @param lastPeriod the last observed period, the deadline when there is no data
 * @param lastValue the last observed value, NaN when there is no data
 * @param evidence series, forecast, trend and anomalies
 * @param proposals adjustment options (only for a warning)
 * @param notes remarks in plain words
 */
public record KpiDrift(
    String kpi,
    String indicator,
    String area,
    KpiDirection direction,
    double target,
    double tolerance,
    Period deadline,
    DriftStatus status,
    double probability,
    double threshold,
    double median,
    Period lastPeriod,
    double lastValue,
    DriftEvidence evidence,
    List<AdjustmentProposal> proposals,
    List<String> notes) {
  public KpiDrift {
    proposals = List.copyOf(proposals);
    notes = List.copyOf(notes);
  }

  /** True when the KPI is forecast to miss its target (or has missed it). */
  public boolean warning() {
    return status == DriftStatus.AT_RISK || status == DriftStatus.MISSED;
  }
}
