package org.vigil.model.water;

import java.time.Instant;
import java.util.Objects;
import org.vigil.model.Ownership;

/**
 * One stored run of a water allocation scenario: what was asked (basin, inflow scenario, fairness,
 * horizon, and the full inputs as JSON), what came out (status, total shortfall and the full result
 * as JSON), who ran it and who may read it. Runs are never changed after they are stored.
 *
 * @param id the store's number, 0 before it is stored
 * @param basin the basin's area code ("SYR_DARYA")
 * @param scenario the inflow scenario ("dry", "normal", "wet")
 * @param fairness the fairness rule ("PROPORTIONAL", "MAX_MIN")
 * @param start the first month, as yyyy-MM
 * @param months the horizon in months
 * @param status OPTIMAL or INFEASIBLE
 * @param totalShortfall the sum of all shortfalls in hm³ (NaN when infeasible)
 * @param inputs the basin, spec and scenario as run, JSON
 * @param result the allocation result, JSON
 * @param createdBy the user who ran it
 * @param createdAt when it was stored
 * @param ownership the organisation of the user who ran it, and the classification
 */
public record WaterRun(
    long id,
    String basin,
    String scenario,
    String fairness,
    String start,
    int months,
    String status,
    double totalShortfall,
    String inputs,
    String result,
    String createdBy,
    Instant createdAt,
    Ownership ownership) {
  public WaterRun {
    Objects.requireNonNull(basin, "basin");
    Objects.requireNonNull(scenario, "scenario");
    Objects.requireNonNull(fairness, "fairness");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(inputs, "inputs");
    Objects.requireNonNull(result, "result");
    Objects.requireNonNull(createdBy, "created by");
    Objects.requireNonNull(createdAt, "created at");
    Objects.requireNonNull(ownership, "ownership");
    if (months < 1) {
      throw new IllegalArgumentException("A water run covers at least 1 month, found " + months);
    }
  }

  /** This run as stored under {@code newId} at {@code at}. */
  public WaterRun stored(long newId, Instant at) {
    return new WaterRun(
        newId,
        basin,
        scenario,
        fairness,
        start,
        months,
        status,
        totalShortfall,
        inputs,
        result,
        createdBy,
        at,
        ownership);
  }
}
