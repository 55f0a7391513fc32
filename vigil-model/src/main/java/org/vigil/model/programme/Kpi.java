package org.vigil.model.programme;

import org.vigil.timeseries.Period;

/**
 * A key performance indicator: an indicator series for an area that should reach a target by a
 * deadline.
 *
 * @param code unique within the programme ("K1")
 * @param objective the code of the objective it measures
 * @param nameEn English name
 * @param nameRu Russian name (the English one when none is given)
 * @param indicator the indicator code of the series it watches
 * @param area the area code of the series (a party, or the group)
 * @param baseline the value at the baseline period
 * @param baselinePeriod the period the baseline describes
 * @param target the value to reach
 * @param deadline the period whose value must meet the target
 * @param direction whether the value must end at most or at least the target
 * @param tolerance how far past the target still counts as met, in the indicator's unit (>= 0)
 * @param example true when the KPI is an illustration, not the adopted text
 */
public record Kpi(
    String code,
    String objective,
    String nameEn,
    String nameRu,
    String indicator,
    String area,
    double baseline,
    Period baselinePeriod,
    double target,
    Period deadline,
    KpiDirection direction,
    double tolerance,
    boolean example) {
  public Kpi {
    Validation.code("KPI", code);
    Validation.code("KPI " + code + " objective", objective);
    nameEn = Validation.text("KPI " + code + " English name", nameEn);
    nameRu = nameRu == null || nameRu.isBlank() ? nameEn : nameRu.strip();
    Validation.code("KPI " + code + " indicator", indicator);
    Validation.code("KPI " + code + " area", area);
    if (!Double.isFinite(baseline) || !Double.isFinite(target)) {
      throw new IllegalArgumentException(
          "KPI " + code + " needs a finite baseline and target, found " + baseline + ", " + target);
    }
    if (baselinePeriod == null || deadline == null || direction == null) {
      throw new IllegalArgumentException(
          "KPI " + code + " needs a baseline period, a deadline and a direction");
    }
    if (!deadline.end().isAfter(baselinePeriod.end())) {
      throw new IllegalArgumentException(
          "KPI "
              + code
              + " deadline must come after its baseline period, found "
              + deadline
              + " <= "
              + baselinePeriod);
    }
    if (!(tolerance >= 0) || Double.isInfinite(tolerance)) {
      throw new IllegalArgumentException(
          "KPI " + code + " tolerance must be >= 0 and finite, found " + tolerance);
    }
  }

  /** True when {@code value} meets the target within the tolerance. */
  public boolean met(double value) {
    return direction.meets(value, target, tolerance);
  }

  /**
   * How far a value has come from the baseline towards the target: 0 at the baseline, 1 at the
   * target; below 0 when it moved the wrong way, above 1 past the target.
   */
  public double progress(double value) {
    double span = target - baseline;
    if (span == 0) {
      return met(value) ? 1.0 : 0.0;
    }
    return (value - baseline) / span;
  }

  public Kpi withTarget(double newTarget) {
    return new Kpi(
        code,
        objective,
        nameEn,
        nameRu,
        indicator,
        area,
        baseline,
        baselinePeriod,
        newTarget,
        deadline,
        direction,
        tolerance,
        example);
  }

  public Kpi withDeadline(Period newDeadline) {
    return new Kpi(
        code,
        objective,
        nameEn,
        nameRu,
        indicator,
        area,
        baseline,
        baselinePeriod,
        target,
        newDeadline,
        direction,
        tolerance,
        example);
  }
}
