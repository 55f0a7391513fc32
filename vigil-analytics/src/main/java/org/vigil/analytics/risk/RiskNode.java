package org.vigil.analytics.risk;

import java.util.List;

/**
 * A node of a methodology tree: a group that aggregates its children, a raw indicator leaf, or a
 * leaf that is already a 0-10 score.
 */
public sealed interface RiskNode
    permits RiskNode.Group, RiskNode.IndicatorLeaf, RiskNode.ScoreLeaf {
  /** Identifier, unique within a domain's tree. */
  String id();

  /** Human-readable name. */
  String name();

  /** Weight relative to its siblings, > 0. */
  double weight();

  /** How a raw indicator becomes a 0-10 score. */
  enum Normalisation {
    /** 10 (x - min) / (max - min), clamped to [0, 10]; bounds given or from the data. */
    MINMAX,
    /** 10 (rank - 1) / (n - 1) among the states scored together (ties share the mean rank). */
    RANK
  }

  /**
   * A dimension, category or component.
   *
   * @param aggregation how the children combine
   * @param children at least one
   */
  record Group(
      String id, String name, double weight, Aggregator aggregation, List<RiskNode> children)
      implements RiskNode {
    public Group {
      Check.common(id, weight);
      if (aggregation == null || children == null || children.isEmpty()) {
        throw new IllegalArgumentException(
            "Risk node " + id + " needs an aggregation and at least one child");
      }
      children = List.copyOf(children);
    }
  }

  /**
   * A raw indicator.
   *
   * @param indicator the input key (indicator code)
   * @param per input key of a denominator (for example POPULATION), or empty for none
   * @param perScale the ratio value / per is multiplied by this (0.1 turns a count over a
   *     population in millions into a rate per 100,000)
   * @param log whether to apply ln(1 + x) before normalising (for skewed counts and rates)
   * @param winsorLow lower winsorising quantile over the states and snapshots scored together (0:
   *     none)
   * @param winsorHigh upper winsorising quantile (1: none)
   * @param normalisation min-max or rank
   * @param min lower bound for min-max after the transform; NaN: from the data
   * @param max upper bound for min-max after the transform; NaN: from the data
   * @param invert true when a higher value means lower risk (the score becomes 10 - score)
   */
  record IndicatorLeaf(
      String id,
      String name,
      double weight,
      String indicator,
      String per,
      double perScale,
      boolean log,
      double winsorLow,
      double winsorHigh,
      Normalisation normalisation,
      double min,
      double max,
      boolean invert)
      implements RiskNode {
    public IndicatorLeaf {
      Check.common(id, weight);
      if (indicator == null || indicator.isBlank() || normalisation == null) {
        throw new IllegalArgumentException(
            "Indicator leaf " + id + " needs an indicator and a normalisation");
      }
      per = per == null ? "" : per;
      if (!(winsorLow >= 0 && winsorLow < winsorHigh && winsorHigh <= 1)) {
        throw new IllegalArgumentException(
            "Indicator leaf "
                + id
                + " needs 0 <= winsorLow < winsorHigh <= 1, found "
                + winsorLow
                + ", "
                + winsorHigh);
      }
      if (!Double.isNaN(min) && !Double.isNaN(max) && !(min < max)) {
        throw new IllegalArgumentException(
            "Indicator leaf " + id + " needs min < max, found " + min + ", " + max);
      }
      if (!(perScale > 0)) {
        throw new IllegalArgumentException(
            "Indicator leaf " + id + " needs perScale > 0, found " + perScale);
      }
    }
  }

  /**
   * An input that is already a 0-10 score (for example an INFORM component).
   *
   * @param key the input key
   * @param invert true when the score measures capacity rather than risk
   */
  record ScoreLeaf(String id, String name, double weight, String key, boolean invert)
      implements RiskNode {
    public ScoreLeaf {
      Check.common(id, weight);
      if (key == null || key.isBlank()) {
        throw new IllegalArgumentException("Score leaf " + id + " needs an input key");
      }
    }
  }

  /** Shared validation. */
  final class Check {
    private Check() {}

    static void common(String id, double weight) {
      if (id == null || id.isBlank()) {
        throw new IllegalArgumentException("Risk node needs an id, found blank");
      }
      if (!(weight > 0) || Double.isInfinite(weight)) {
        throw new IllegalArgumentException(
            "Risk node " + id + " needs a weight > 0, found " + weight);
      }
    }
  }
}
