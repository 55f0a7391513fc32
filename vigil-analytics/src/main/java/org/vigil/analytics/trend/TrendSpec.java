package org.vigil.analytics.trend;

/**
 * How {@link TrendAnalyser} runs. Immutable; build with {@link #builder()}; {@link #DEFAULT} is
 * what the CLI and API use.
 *
 * @param alpha significance level for calling a trend rising or falling, in (0, 0.5); the default
 *     0.01 rather than 0.05 because Vigil tests every state's every series at once, and one false
 *     "rising" in twenty trendless series would be too many alarms
 * @param seasonal whether to use the seasonal Mann-Kendall test and seasonal Sen slope
 * @param continuity whether the Mann-Kendall z score uses the continuity correction
 * @param confidence confidence level of Sen's slope interval, in (0, 1)
 * @param changePoints whether to run PELT
 * @param changeModel the per-segment model PELT compares (mean, or level and slope)
 * @param penaltyFactor PELT's penalty is beta = penaltyFactor * ln(n) on data scaled by a robust
 *     noise estimate; 3 ln n is the modified BIC of Zhang and Siegmund (2007) for a change in mean
 * @param minSegment fewest values in a PELT segment, >= 2
 */
public record TrendSpec(
    double alpha,
    Seasonal seasonal,
    boolean continuity,
    double confidence,
    boolean changePoints,
    ChangeModel changeModel,
    double penaltyFactor,
    int minSegment) {

  /** When to use the seasonal test. */
  public enum Seasonal {
    /** Seasonal for monthly and quarterly series with at least three years of data. */
    AUTO,
    ALWAYS,
    NEVER
  }

  /** What PELT looks for a change in. */
  public enum ChangeModel {
    /** Shifts of level between flat segments. */
    MEAN,
    /** Changes of level or slope between linear segments. */
    LINEAR
  }

  /** alpha 0.01, seasonal AUTO, continuity on, 95% slope interval, PELT linear with 4 ln n, 6. */
  public static final TrendSpec DEFAULT = builder().build();

  public TrendSpec {
    if (!(alpha > 0 && alpha < 0.5)) {
      throw new IllegalArgumentException("Trend alpha must be in (0, 0.5), found " + alpha);
    }
    if (!(confidence > 0 && confidence < 1)) {
      throw new IllegalArgumentException("Trend confidence must be in (0, 1), found " + confidence);
    }
    if (seasonal == null || changeModel == null) {
      throw new IllegalArgumentException("Trend spec needs a seasonal mode and a change model");
    }
    if (!(penaltyFactor > 0) || minSegment < 2) {
      throw new IllegalArgumentException(
          "Trend spec needs penaltyFactor > 0 and minSegment >= 2, found "
              + penaltyFactor
              + ", "
              + minSegment);
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builder with the defaults of {@link #DEFAULT}. */
  public static final class Builder {
    private double alpha = 0.01;
    private Seasonal seasonal = Seasonal.AUTO;
    private boolean continuity = true;
    private double confidence = 0.95;
    private boolean changePoints = true;
    private ChangeModel changeModel = ChangeModel.LINEAR;
    private double penaltyFactor = 4;
    private int minSegment = 6;

    public Builder alpha(double v) {
      alpha = v;
      return this;
    }

    public Builder seasonal(Seasonal v) {
      seasonal = v;
      return this;
    }

    public Builder continuity(boolean v) {
      continuity = v;
      return this;
    }

    public Builder confidence(double v) {
      confidence = v;
      return this;
    }

    public Builder changePoints(boolean v) {
      changePoints = v;
      return this;
    }

    public Builder changeModel(ChangeModel v) {
      changeModel = v;
      return this;
    }

    public Builder penaltyFactor(double v) {
      penaltyFactor = v;
      return this;
    }

    public Builder minSegment(int v) {
      minSegment = v;
      return this;
    }

    public TrendSpec build() {
      return new TrendSpec(
          alpha,
          seasonal,
          continuity,
          confidence,
          changePoints,
          changeModel,
          penaltyFactor,
          minSegment);
    }
  }
}
