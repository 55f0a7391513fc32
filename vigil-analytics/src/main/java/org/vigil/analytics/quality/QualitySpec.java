package org.vigil.analytics.quality;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the quality checks compare against. Immutable; build with {@link #builder()}.
 *
 * @param asOf the moment of the check (from the caller's clock): periods whose reporting deadline
 *     is after it are not yet expected
 * @param deadlineDays days after a period's end by which its value is due
 * @param outlierZ robust |z| above which a value is an outlier
 * @param revisionThreshold a revision that moves a value by more than this share of the earlier
 *     value (0.2 = 20%) is flagged
 * @param minCompleteness completeness below this share is a warning
 * @param bounds per indicator code, the allowed range
 * @param consistency rules between indicators
 */
public record QualitySpec(
    Instant asOf,
    int deadlineDays,
    double outlierZ,
    double revisionThreshold,
    double minCompleteness,
    Map<String, Bounds> bounds,
    List<ConsistencyRule> consistency) {

  /**
   * The allowed range of an indicator's values.
   *
   * @param min smallest allowed value
   * @param max largest allowed value
   */
  public record Bounds(double min, double max) {
    public Bounds {
      if (!(min <= max)) {
        throw new IllegalArgumentException("Bounds need min <= max, found " + min + " > " + max);
      }
    }
  }

  /**
   * A total must be at least the sum of its parts (DHIS2's "left side >= right side" rule).
   *
   * @param total the total's indicator code
   * @param parts the parts' indicator codes
   * @param tolerance relative slack, e.g. 0.01 allows the parts to exceed the total by 1%
   */
  public record ConsistencyRule(String total, List<String> parts, double tolerance) {
    public ConsistencyRule {
      if (total == null || parts == null || parts.isEmpty()) {
        throw new IllegalArgumentException("Consistency rule needs a total and parts");
      }
      parts = List.copyOf(parts);
      if (!(tolerance >= 0)) {
        throw new IllegalArgumentException(
            "Consistency tolerance must be >= 0, found " + tolerance);
      }
    }
  }

  public QualitySpec {
    if (asOf == null) {
      throw new IllegalArgumentException("Quality spec needs an as-of time, found null");
    }
    if (deadlineDays < 0 || !(outlierZ > 0) || !(revisionThreshold > 0)) {
      throw new IllegalArgumentException(
          "Quality spec needs deadlineDays >= 0, outlierZ > 0, revisionThreshold > 0; found "
              + deadlineDays
              + ", "
              + outlierZ
              + ", "
              + revisionThreshold);
    }
    bounds = Map.copyOf(bounds);
    consistency = List.copyOf(consistency);
  }

  public static Builder builder(Instant asOf) {
    return new Builder(asOf);
  }

  /** Builder: 45-day deadline, |z| > 4, 20% revisions, 90% completeness. */
  public static final class Builder {
    private final Instant asOf;
    private int deadlineDays = 45;
    private double outlierZ = 4.0;
    private double revisionThreshold = 0.2;
    private double minCompleteness = 0.9;
    private final Map<String, Bounds> bounds = new HashMap<>();
    private final List<ConsistencyRule> consistency = new ArrayList<>();

    private Builder(Instant asOf) {
      this.asOf = asOf;
    }

    public Builder deadlineDays(int d) {
      deadlineDays = d;
      return this;
    }

    public Builder outlierZ(double z) {
      outlierZ = z;
      return this;
    }

    public Builder revisionThreshold(double r) {
      revisionThreshold = r;
      return this;
    }

    public Builder minCompleteness(double c) {
      minCompleteness = c;
      return this;
    }

    public Builder bounds(String indicator, double min, double max) {
      bounds.put(indicator, new Bounds(min, max));
      return this;
    }

    public Builder totalAtLeastSumOf(String total, List<String> parts, double tolerance) {
      consistency.add(new ConsistencyRule(total, parts, tolerance));
      return this;
    }

    public QualitySpec build() {
      return new QualitySpec(
          asOf, deadlineDays, outlierZ, revisionThreshold, minCompleteness, bounds, consistency);
    }
  }
}
