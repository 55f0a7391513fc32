package org.vigil.model.programme;

import java.time.LocalDate;
import java.util.List;

/**
 * A measure of a programme: who leads it, who takes part, by when, and which KPIs it serves.
 *
 * @param code unique within the programme ("M1.2")
 * @param objective the code of the objective it serves
 * @param titleEn English title
 * @param titleRu Russian title (the English one when none is given)
 * @param leadStates area codes of the lead states (parties of the programme)
 * @param participatingStates area codes of the other participating states
 * @param responsibleBody the body responsible ("CIS Council of Interior Ministers"), or empty
 * @param start first day
 * @param deadline last day
 * @param status the status decided for the programme version
 * @param budget the budget, {@link Budget#NOT_GIVEN} when the programme gives none
 * @param kpis codes of the KPIs the measure serves
 * @param reinforced true once a revision decided to reinforce it (more resources, closer watch)
 * @param example true when the measure is an illustration, not the adopted text
 */
public record Measure(
    String code,
    String objective,
    String titleEn,
    String titleRu,
    List<String> leadStates,
    List<String> participatingStates,
    String responsibleBody,
    LocalDate start,
    LocalDate deadline,
    MeasureStatus status,
    Budget budget,
    List<String> kpis,
    boolean reinforced,
    boolean example) {
  public Measure {
    Validation.code("Measure", code);
    Validation.code("Measure " + code + " objective", objective);
    titleEn = Validation.text("Measure " + code + " English title", titleEn);
    titleRu = titleRu == null || titleRu.isBlank() ? titleEn : titleRu.strip();
    leadStates = Validation.list(leadStates);
    participatingStates = Validation.list(participatingStates);
    responsibleBody = Validation.orEmpty(responsibleBody);
    if (start == null || deadline == null || deadline.isBefore(start)) {
      throw new IllegalArgumentException(
          "Measure " + code + " needs start <= deadline, found " + start + " and " + deadline);
    }
    if (status == null) {
      throw new IllegalArgumentException("Measure " + code + " needs a status, found none");
    }
    budget = budget == null ? Budget.NOT_GIVEN : budget;
    kpis = Validation.list(kpis);
  }

  /** Every state taking part: the leads first, then the others. */
  public List<String> states() {
    return java.util.stream.Stream.concat(leadStates.stream(), participatingStates.stream())
        .distinct()
        .toList();
  }

  /** True when {@code state} leads or takes part. */
  public boolean involves(String state) {
    return leadStates.contains(state) || participatingStates.contains(state);
  }

  /** Late on a date: past its deadline and neither done nor cancelled, or marked delayed. */
  public boolean lateOn(LocalDate date) {
    if (status == MeasureStatus.DELAYED) {
      return true;
    }
    return date.isAfter(deadline)
        && status != MeasureStatus.DONE
        && status != MeasureStatus.CANCELLED;
  }

  /** The share of its planned time that has passed on a date, 0 to 1. */
  public double elapsedShare(LocalDate date) {
    long total = deadline.toEpochDay() - start.toEpochDay() + 1;
    long done = date.toEpochDay() - start.toEpochDay() + 1;
    return Math.max(0.0, Math.min(1.0, (double) done / total));
  }

  public Measure withStatus(MeasureStatus newStatus) {
    return new Measure(
        code,
        objective,
        titleEn,
        titleRu,
        leadStates,
        participatingStates,
        responsibleBody,
        start,
        deadline,
        newStatus,
        budget,
        kpis,
        reinforced,
        example);
  }

  public Measure withReinforced(boolean value) {
    return new Measure(
        code,
        objective,
        titleEn,
        titleRu,
        leadStates,
        participatingStates,
        responsibleBody,
        start,
        deadline,
        status,
        budget,
        kpis,
        value,
        example);
  }

  public Measure withDeadline(LocalDate newDeadline) {
    return new Measure(
        code,
        objective,
        titleEn,
        titleRu,
        leadStates,
        participatingStates,
        responsibleBody,
        start,
        newDeadline,
        status,
        budget,
        kpis,
        reinforced,
        example);
  }
}
