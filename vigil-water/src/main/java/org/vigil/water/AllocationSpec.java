package org.vigil.water;

import java.time.YearMonth;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * How to run one allocation: the horizon, the fairness rule and weights, and how far to look for
 * relief. Immutable; build with {@link #builder(YearMonth)}.
 *
 * @param start the first month of the horizon; it names months in results ("2027-07")
 * @param months the horizon in months (12 for a water year); every series of the basin must be at
 *     least this long
 * @param fairness how a shortage is shared
 * @param stateWeights PROPORTIONAL weights per state (ISO3 code), overriding those from shares or
 *     demand; states not named keep the derived weight
 * @param reliefStep the relaxation tried on each binding constraint (0.05 = 5%), 0 for none
 * @param maxReliefChecks at most this many binding candidates are re-solved for relief
 */
public record AllocationSpec(
    YearMonth start,
    int months,
    FairnessRule fairness,
    Map<String, Double> stateWeights,
    double reliefStep,
    int maxReliefChecks) {

  public AllocationSpec {
    Objects.requireNonNull(start, "start month");
    Objects.requireNonNull(fairness, "fairness rule");
    stateWeights = Collections.unmodifiableMap(new TreeMap<>(stateWeights));
    if (months < 1) {
      throw new IllegalArgumentException("months must be >= 1, found " + months);
    }
    if (!(reliefStep >= 0 && reliefStep < 1)) {
      throw new IllegalArgumentException("relief step must lie in [0, 1), found " + reliefStep);
    }
    if (maxReliefChecks < 0) {
      throw new IllegalArgumentException(
          "max relief checks must be >= 0, found " + maxReliefChecks);
    }
    stateWeights.forEach(
        (state, w) -> {
          if (!(w > 0) || Double.isInfinite(w)) {
            throw new IllegalArgumentException(
                "weight of '" + state + "' must be > 0 and finite, found " + w);
          }
        });
  }

  /** A builder with 12 months, PROPORTIONAL, no explicit weights, 5% relief, 40 checks. */
  public static Builder builder(YearMonth start) {
    return new Builder(start);
  }

  /** This spec with another fairness rule. */
  public AllocationSpec withFairness(FairnessRule rule) {
    return new AllocationSpec(start, months, rule, stateWeights, reliefStep, maxReliefChecks);
  }

  /** This spec without the relief analysis (one solve, or two for MAX_MIN). */
  public AllocationSpec withoutRelief() {
    return new AllocationSpec(start, months, fairness, stateWeights, 0, 0);
  }

  /** Builds an {@link AllocationSpec}. */
  public static final class Builder {
    private final YearMonth start;
    private int months = 12;
    private FairnessRule fairness = FairnessRule.PROPORTIONAL;
    private final Map<String, Double> weights = new TreeMap<>();
    private double reliefStep = 0.05;
    private int maxReliefChecks = 40;

    private Builder(YearMonth start) {
      this.start = start;
    }

    /** The horizon in months. */
    public Builder months(int value) {
      this.months = value;
      return this;
    }

    /** The fairness rule. */
    public Builder fairness(FairnessRule value) {
      this.fairness = value;
      return this;
    }

    /** A PROPORTIONAL weight for one state. */
    public Builder weight(String state, double value) {
      weights.put(state, value);
      return this;
    }

    /** The relaxation tried on binding constraints, 0 for none. */
    public Builder reliefStep(double value) {
      this.reliefStep = value;
      return this;
    }

    /** The largest number of binding candidates re-solved for relief. */
    public Builder maxReliefChecks(int value) {
      this.maxReliefChecks = value;
      return this;
    }

    /** The spec. */
    public AllocationSpec build() {
      return new AllocationSpec(start, months, fairness, weights, reliefStep, maxReliefChecks);
    }
  }
}
