package org.vigil.water;

import java.time.YearMonth;
import java.util.Objects;

/**
 * One constraint of the allocation programme that a scenario can bind or break: a kind, the node,
 * link or state it is about, and the month (0-based; {@link #HORIZON} for a quota over the whole
 * horizon).
 */
public record ConstraintRef(Kind kind, String subject, int month) {
  /** The month index of constraints that span the horizon. */
  public static final int HORIZON = -1;

  /** Constraint families; each is a group of constraints, one per month. */
  public enum Kind {
    RESERVOIR_MIN_STORAGE("minimum storage of reservoir '%s'", true),
    RESERVOIR_CAPACITY("capacity of reservoir '%s'", false),
    ENV_FLOW("environmental flow at '%s'", true),
    MIN_RELEASE("minimum release from reservoir '%s'", true),
    LINK_CAPACITY("capacity of link %s", false),
    QUOTA("quota of %s", false);

    private final String pattern;
    private final boolean lowerBound;

    Kind(String pattern, boolean lowerBound) {
      this.pattern = pattern;
      this.lowerBound = lowerBound;
    }

    /** True when the constraint is a minimum (relief lowers it), false for a maximum. */
    public boolean isLowerBound() {
      return lowerBound;
    }

    /** The family for one subject in words: "minimum storage of reservoir 'Toktogul'". */
    public String describe(String subject) {
      return String.format(pattern, subject);
    }
  }

  public ConstraintRef {
    Objects.requireNonNull(kind, "constraint kind");
    Objects.requireNonNull(subject, "constraint subject");
    if (month < HORIZON) {
      throw new IllegalArgumentException("constraint month must be >= -1, found " + month);
    }
  }

  /** The group this constraint belongs to: same kind and subject, every month. */
  public ConstraintRef group() {
    return new ConstraintRef(kind, subject, HORIZON);
  }

  /** In words: "minimum storage of reservoir 'Toktogul' in 2027-07". */
  public String describe(YearMonth start) {
    String what = kind.describe(subject);
    return month == HORIZON ? what : what + " in " + start.plusMonths(month);
  }
}
