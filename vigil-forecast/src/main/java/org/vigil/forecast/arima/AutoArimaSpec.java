package org.vigil.forecast.arima;

/**
 * Settings of the automatic ARIMA search; {@link #DEFAULT} mirrors the defaults of R's {@code
 * forecast::auto.arima} (stepwise search, AICc, KPSS at 5% for {@code d}, seasonal strength above
 * 0.64 for {@code D}).
 *
 * @param maxP largest non-seasonal AR order
 * @param maxQ largest non-seasonal MA order
 * @param maxSeasonalP largest seasonal AR order
 * @param maxSeasonalQ largest seasonal MA order
 * @param maxD largest number of non-seasonal differences
 * @param maxSeasonalD largest number of seasonal differences
 * @param startP starting non-seasonal AR order of the stepwise search
 * @param startQ starting non-seasonal MA order
 * @param startSeasonalP starting seasonal AR order
 * @param startSeasonalQ starting seasonal MA order
 * @param maxModels most models the stepwise search fits
 * @param allowDrift whether a drift may be added when {@code d + D = 1}
 * @param allowMean whether a mean may be added when {@code d + D = 0}
 * @param criterion the information criterion that ranks models
 * @param approximation whether the search ranks models by conditional sum of squares
 * @param kpssAlpha significance level of the KPSS test for {@code d}
 * @param seasonalStrengthThreshold seasonal strength above which one seasonal difference is taken
 */
public record AutoArimaSpec(
    int maxP,
    int maxQ,
    int maxSeasonalP,
    int maxSeasonalQ,
    int maxD,
    int maxSeasonalD,
    int startP,
    int startQ,
    int startSeasonalP,
    int startSeasonalQ,
    int maxModels,
    boolean allowDrift,
    boolean allowMean,
    Criterion criterion,
    Approximation approximation,
    double kpssAlpha,
    double seasonalStrengthThreshold) {

  /** Information criterion for model selection. */
  public enum Criterion {
    AICC,
    AIC,
    BIC
  }

  /**
   * Whether models are ranked by the conditional-sum-of-squares approximation during the search
   * (the winner is always refitted by exact likelihood).
   */
  public enum Approximation {
    /** As R: approximate when the series is longer than 150 or the period above 12. */
    AUTO,
    ALWAYS,
    NEVER
  }

  /** R's defaults. */
  public static final AutoArimaSpec DEFAULT = builder().build();

  public AutoArimaSpec {
    nonNegative("maxP", maxP);
    nonNegative("maxQ", maxQ);
    nonNegative("maxSeasonalP", maxSeasonalP);
    nonNegative("maxSeasonalQ", maxSeasonalQ);
    if (maxD < 0 || maxD > 2) {
      throw new IllegalArgumentException("maxD must be 0, 1 or 2, found " + maxD);
    }
    if (maxSeasonalD < 0 || maxSeasonalD > 1) {
      throw new IllegalArgumentException("maxSeasonalD must be 0 or 1, found " + maxSeasonalD);
    }
    nonNegative("startP", startP);
    nonNegative("startQ", startQ);
    nonNegative("startSeasonalP", startSeasonalP);
    nonNegative("startSeasonalQ", startSeasonalQ);
    if (maxModels < 1) {
      throw new IllegalArgumentException("maxModels must be at least 1, found " + maxModels);
    }
    if (criterion == null || approximation == null) {
      throw new IllegalArgumentException("criterion and approximation must be given");
    }
    if (!(kpssAlpha >= 0.01 && kpssAlpha <= 0.1)) {
      throw new IllegalArgumentException(
          "kpssAlpha must be within [0.01, 0.1] (the KPSS table's range), found " + kpssAlpha);
    }
    if (!(seasonalStrengthThreshold >= 0.0 && seasonalStrengthThreshold <= 1.0)) {
      throw new IllegalArgumentException(
          "seasonalStrengthThreshold must be within [0, 1], found " + seasonalStrengthThreshold);
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from these settings. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.maxP = maxP;
    b.maxQ = maxQ;
    b.maxSeasonalP = maxSeasonalP;
    b.maxSeasonalQ = maxSeasonalQ;
    b.maxD = maxD;
    b.maxSeasonalD = maxSeasonalD;
    b.startP = startP;
    b.startQ = startQ;
    b.startSeasonalP = startSeasonalP;
    b.startSeasonalQ = startSeasonalQ;
    b.maxModels = maxModels;
    b.allowDrift = allowDrift;
    b.allowMean = allowMean;
    b.criterion = criterion;
    b.approximation = approximation;
    b.kpssAlpha = kpssAlpha;
    b.seasonalStrengthThreshold = seasonalStrengthThreshold;
    return b;
  }

  private static void nonNegative(String name, int value) {
    if (value < 0) {
      throw new IllegalArgumentException(name + " must not be negative, found " + value);
    }
  }

  /** Builder with R's defaults. */
  public static final class Builder {
    private int maxP = 5;
    private int maxQ = 5;
    private int maxSeasonalP = 2;
    private int maxSeasonalQ = 2;
    private int maxD = 2;
    private int maxSeasonalD = 1;
    private int startP = 2;
    private int startQ = 2;
    private int startSeasonalP = 1;
    private int startSeasonalQ = 1;
    private int maxModels = 94;
    private boolean allowDrift = true;
    private boolean allowMean = true;
    private Criterion criterion = Criterion.AICC;
    private Approximation approximation = Approximation.AUTO;
    private double kpssAlpha = 0.05;
    private double seasonalStrengthThreshold = 0.64;

    private Builder() {}

    public Builder maxP(int v) {
      maxP = v;
      return this;
    }

    public Builder maxQ(int v) {
      maxQ = v;
      return this;
    }

    public Builder maxSeasonalP(int v) {
      maxSeasonalP = v;
      return this;
    }

    public Builder maxSeasonalQ(int v) {
      maxSeasonalQ = v;
      return this;
    }

    public Builder maxD(int v) {
      maxD = v;
      return this;
    }

    public Builder maxSeasonalD(int v) {
      maxSeasonalD = v;
      return this;
    }

    public Builder startP(int v) {
      startP = v;
      return this;
    }

    public Builder startQ(int v) {
      startQ = v;
      return this;
    }

    public Builder startSeasonalP(int v) {
      startSeasonalP = v;
      return this;
    }

    public Builder startSeasonalQ(int v) {
      startSeasonalQ = v;
      return this;
    }

    public Builder maxModels(int v) {
      maxModels = v;
      return this;
    }

    public Builder allowDrift(boolean v) {
      allowDrift = v;
      return this;
    }

    public Builder allowMean(boolean v) {
      allowMean = v;
      return this;
    }

    public Builder criterion(Criterion v) {
      criterion = v;
      return this;
    }

    public Builder approximation(Approximation v) {
      approximation = v;
      return this;
    }

    public Builder kpssAlpha(double v) {
      kpssAlpha = v;
      return this;
    }

    public Builder seasonalStrengthThreshold(double v) {
      seasonalStrengthThreshold = v;
      return this;
    }

    public AutoArimaSpec build() {
      return new AutoArimaSpec(
          maxP,
          maxQ,
          maxSeasonalP,
          maxSeasonalQ,
          maxD,
          maxSeasonalD,
          startP,
          startQ,
          startSeasonalP,
          startSeasonalQ,
          maxModels,
          allowDrift,
          allowMean,
          criterion,
          approximation,
          kpssAlpha,
          seasonalStrengthThreshold);
    }
  }
}
