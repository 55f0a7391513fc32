package org.vigil.water;

import java.time.YearMonth;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The outcome of one allocation run. An infeasible scenario is a result too, not an exception: its
 * status is {@link Status#INFEASIBLE}, the allocation lists are empty and {@link #explanation()}
 * and {@link #conflicts()} say which constraints conflict. Volumes are in hm³.
 *
 * @param status OPTIMAL or INFEASIBLE
 * @param basin the basin's name
 * @param start the first month
 * @param months the horizon
 * @param fairness the fairness rule used
 * @param stateWeights the PROPORTIONAL weight used per state (all 1 under MAX_MIN)
 * @param objective the optimum of the last solve (weighted shortfall, or total shortfall under
 *     MAX_MIN); NaN when infeasible
 * @param totalShortfall the sum of all shortfalls
 * @param maxRelativeShortfall the largest state shortfall over the horizon divided by its demand
 * @param deliveries per withdrawal and month
 * @param states per state and month, summed over the state's withdrawals
 * @param storage end-of-month storage per reservoir
 * @param flows per link and month
 * @param reliefs the binding constraints, each with what a small relaxation would change
 * @param explanation why the scenario is infeasible, empty when it is not
 * @param conflicts the constraint groups that conflict or need relaxing, empty when feasible
 * @param diagnostics remarks about the run (checks skipped, limits reached)
 */
public record AllocationResult(
    Status status,
    String basin,
    YearMonth start,
    int months,
    FairnessRule fairness,
    Map<String, Double> stateWeights,
    double objective,
    double totalShortfall,
    double maxRelativeShortfall,
    List<Delivery> deliveries,
    List<StateMonth> states,
    List<StorageLevel> storage,
    List<LinkFlow> flows,
    List<Relief> reliefs,
    String explanation,
    List<Conflict> conflicts,
    List<String> diagnostics) {

  /** Whether an allocation was found. */
  public enum Status {
    OPTIMAL,
    INFEASIBLE
  }

  public AllocationResult {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(basin, "basin");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(fairness, "fairness");
    Objects.requireNonNull(explanation, "explanation");
    stateWeights = Collections.unmodifiableMap(new TreeMap<>(stateWeights));
    deliveries = List.copyOf(deliveries);
    states = List.copyOf(states);
    storage = List.copyOf(storage);
    flows = List.copyOf(flows);
    reliefs = List.copyOf(reliefs);
    conflicts = List.copyOf(conflicts);
    diagnostics = List.copyOf(diagnostics);
  }

  /** True when an allocation was found. */
  public boolean isFeasible() {
    return status == Status.OPTIMAL;
  }

  /** The binding constraints in words ("minimum storage of reservoir 'Toktogul' in 2027-07"). */
  public List<String> bindingConstraints() {
    return reliefs.stream().map(Relief::constraintText).toList();
  }

  /** A withdrawal's demand, delivery and shortfall in one month. */
  public record Delivery(
      String withdrawal,
      String state,
      String sector,
      int month,
      YearMonth period,
      double demand,
      double delivered,
      double shortfall) {}

  /** A state's demand, delivery and shortfall in one month, over all its withdrawals. */
  public record StateMonth(
      String state,
      int month,
      YearMonth period,
      double demand,
      double delivered,
      double shortfall) {}

  /** A reservoir's storage at the end of one month. */
  public record StorageLevel(String reservoir, int month, YearMonth period, double storage) {}

  /**
   * The flow of one link in one month: what leaves {@code from}, arrives at {@code to}, is lost.
   */
  public record LinkFlow(
      String from,
      String to,
      int month,
      YearMonth period,
      double outflow,
      double arrival,
      double loss) {}

  /**
   * A binding constraint and the effect of relaxing it by the spec's relief step, found by solving
   * again with that one bound changed.
   *
   * @param constraint the constraint
   * @param constraintText the constraint in words
   * @param bound its bound as stated
   * @param relaxedBound the bound tried
   * @param objectiveChange the change of the objective (negative: better)
   * @param shortfallChangeByState the change of each state's shortfall over the horizon (negative:
   *     less shortfall), states without change left out
   * @param suggestion one sentence: "5% lower minimum storage of reservoir 'Toktogul' in 2027-07
   *     (5500 to 5225 hm³) removes UZB's shortfall (12.0 hm³)"
   */
  public record Relief(
      ConstraintRef constraint,
      String constraintText,
      double bound,
      double relaxedBound,
      double objectiveChange,
      Map<String, Double> shortfallChangeByState,
      String suggestion) {
    public Relief {
      shortfallChangeByState = Collections.unmodifiableMap(new TreeMap<>(shortfallChangeByState));
    }
  }

  /**
   * A constraint group (one kind and subject, all months) in an infeasible scenario.
   *
   * @param group the group ({@link ConstraintRef#month()} is {@link ConstraintRef#HORIZON})
   * @param description the group in words
   * @param inConflict true when the group belongs to the conflicting set found by the deletion
   *     filter: together with mass balance and inflows these groups cannot all hold, and without
   *     any one of them the others can
   * @param relaxation the total amount (hm³) by which the group is relaxed in the least total
   *     relaxation that makes the scenario feasible; 0 when it need not be relaxed
   * @param months the months in which that relaxation falls
   */
  public record Conflict(
      ConstraintRef group,
      String description,
      boolean inConflict,
      double relaxation,
      List<YearMonth> months) {
    public Conflict {
      months = List.copyOf(months);
    }
  }
}
