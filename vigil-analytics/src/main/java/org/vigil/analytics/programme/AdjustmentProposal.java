package org.vigil.analytics.programme;

import java.util.List;

/**
 * One concrete option for a KPI at risk. Which fields apply depends on the kind: a TARGET proposal
 * has {@code newTarget}, a DEADLINE proposal has {@code newDeadline}, a REINFORCE proposal has
 * {@code measures}; the others are NaN, empty or an empty list.
 *
 * @param id stable id within one drift result ("K1-TARGET")
 * @param kind what is proposed
 * @param kpi the KPI code
 * @param summary the proposal in one sentence
 * @param newTarget the proposed target (TARGET), NaN otherwise
 * @param newDeadline the proposed deadline period as text, in the KPI deadline's frequency
 *     (DEADLINE), empty otherwise
 * @param probability the probability of meeting the KPI if the proposal is accepted
 * @param measures codes of the measures to reinforce (REINFORCE), empty otherwise
 */
public record AdjustmentProposal(
    String id,
    ProposalKind kind,
    String kpi,
    String summary,
    double newTarget,
    String newDeadline,
    double probability,
    List<String> measures) {
  public AdjustmentProposal {
    if (kind == null || kpi == null || summary == null || newDeadline == null) {
      throw new IllegalArgumentException("Proposal needs a kind, KPI, summary and deadline text");
    }
    measures = measures == null ? List.of() : List.copyOf(measures);
    if (kind == ProposalKind.TARGET && !Double.isFinite(newTarget)) {
      throw new IllegalArgumentException(
          "A TARGET proposal needs a finite target, found " + newTarget);
    }
    if (kind == ProposalKind.DEADLINE && newDeadline.isBlank()) {
      throw new IllegalArgumentException("A DEADLINE proposal needs a deadline");
    }
    if (kind == ProposalKind.REINFORCE && measures.isEmpty()) {
      throw new IllegalArgumentException("A REINFORCE proposal needs measures to reinforce");
    }
  }
}
