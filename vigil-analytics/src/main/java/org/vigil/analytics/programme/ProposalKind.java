package org.vigil.analytics.programme;

/** The kinds of adjustment the drift engine proposes for a KPI at risk. */
public enum ProposalKind {
  /** Keep the deadline, set the target that is attainable at the proposal confidence. */
  TARGET,
  /** Keep the target, move the deadline to the first period where it is likely enough. */
  DEADLINE,
  /** Keep the plan, reinforce the measures behind schedule that serve the KPI. */
  REINFORCE
}
