package org.vigil.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.vigil.forecast.ForecastMethod;
import org.vigil.forecast.ForecastSpec;
import org.vigil.forecast.eval.BacktestSpec;

/**
 * What a batch does to every series: the forecast spec, an optional rolling-origin backtest, the
 * shortest series it forecasts and the longest window it fits. Serializable (Spark ships it to the
 * executors) and immutable; the engine's own {@link ForecastSpec} is built from it on the executor.
 *
 * @param method the forecasting method ({@link ForecastMethod} name)
 * @param horizon steps ahead, 1-120
 * @param levels central interval coverages in (0, 1)
 * @param seed seed of simulated intervals
 * @param etsModel ETS model code ({@code ZZZ}: choose)
 * @param nonNegative whether forecasts are truncated at zero
 * @param counts whether a series of non-negative whole numbers gets count intervals (whole, never
 *     negative; from a Poisson or negative binomial), as a count series does in process
 * @param backtestOrigins rolling origins of the backtest; 0: no backtest
 * @param backtestHorizon steps evaluated at each origin
 * @param minLength fewer values than this make the series' row an error
 * @param maxFitLength only the last this many values are fitted (longer series would stall a
 *     partition); the row says so
 */
public record BatchSpec(
    String method,
    int horizon,
    List<Double> levels,
    long seed,
    String etsModel,
    boolean nonNegative,
    boolean counts,
    int backtestOrigins,
    int backtestHorizon,
    int minLength,
    int maxFitLength)
    implements Serializable {

  private static final long serialVersionUID = 1L;

  /** AUTO, 12 steps, 80% and 95% intervals, no backtest, 3 to 1,000 fitted values. */
  public static final BatchSpec DEFAULT =
      new BatchSpec("AUTO", 12, List.of(0.8, 0.95), 1, "ZZZ", false, false, 0, 6, 3, 1000);

  public BatchSpec {
    method = method.trim().toUpperCase(Locale.ROOT);
    levels = List.copyOf(new ArrayList<>(levels));
    if (!validMethod(method)) {
      throw new IllegalArgumentException(
          "Unknown forecasting method '" + method + "': expected one of " + methods());
    }
    if (horizon < 1 || horizon > 120) {
      throw new IllegalArgumentException("horizon must be 1-120, found " + horizon);
    }
    if (backtestOrigins < 0 || backtestHorizon < 1) {
      throw new IllegalArgumentException(
          "backtest origins must be >= 0 and its horizon >= 1, found "
              + backtestOrigins
              + " and "
              + backtestHorizon);
    }
    if (minLength < 1 || maxFitLength < Math.max(minLength, 8)) {
      throw new IllegalArgumentException(
          "need 1 <= minimum length and a fitted window of at least 8 values and the minimum,"
              + " found minimum "
              + minLength
              + " and window "
              + maxFitLength);
    }
  }

  /** This spec with another method. */
  public BatchSpec withMethod(String m) {
    return copy().method(m).build();
  }

  /** This spec with a backtest of {@code origins} origins of {@code h} steps. */
  public BatchSpec withBacktest(int origins, int h) {
    return copy().backtest(origins, h).build();
  }

  /** This spec with another horizon. */
  public BatchSpec withHorizon(int h) {
    return copy().horizon(h).build();
  }

  /** This spec with another ETS model code. */
  public BatchSpec withEtsModel(String code) {
    return copy().etsModel(code).build();
  }

  /** This spec with another fitted window. */
  public BatchSpec withMaxFitLength(int n) {
    return copy().maxFitLength(n).build();
  }

  private Copy copy() {
    return new Copy(this);
  }

  /**
   * A mutable copy of a spec, changed in one field and built again (validated) by a with-method.
   */
  private static final class Copy {
    private String method;
    private int horizon;
    private final List<Double> levels;
    private final long seed;
    private String etsModel;
    private final boolean nonNegative;
    private final boolean counts;
    private int backtestOrigins;
    private int backtestHorizon;
    private final int minLength;
    private int maxFitLength;

    Copy(BatchSpec s) {
      method = s.method;
      horizon = s.horizon;
      levels = s.levels;
      seed = s.seed;
      etsModel = s.etsModel;
      nonNegative = s.nonNegative;
      counts = s.counts;
      backtestOrigins = s.backtestOrigins;
      backtestHorizon = s.backtestHorizon;
      minLength = s.minLength;
      maxFitLength = s.maxFitLength;
    }

    Copy method(String m) {
      method = m;
      return this;
    }

    Copy horizon(int h) {
      horizon = h;
      return this;
    }

    Copy etsModel(String code) {
      etsModel = code;
      return this;
    }

    Copy backtest(int origins, int h) {
      backtestOrigins = origins;
      backtestHorizon = h;
      return this;
    }

    Copy maxFitLength(int n) {
      maxFitLength = n;
      return this;
    }

    BatchSpec build() {
      return new BatchSpec(
          method,
          horizon,
          levels,
          seed,
          etsModel,
          nonNegative,
          counts,
          backtestOrigins,
          backtestHorizon,
          minLength,
          maxFitLength);
    }
  }

  /** The engine's spec. */
  public ForecastSpec forecastSpec() {
    double[] l = levels.stream().mapToDouble(Double::doubleValue).toArray();
    return ForecastSpec.builder()
        .method(ForecastMethod.valueOf(method))
        .horizon(horizon)
        .levels(l)
        .seed(seed)
        .etsModel(etsModel)
        .nonNegative(nonNegative)
        .build();
  }

  /**
   * The engine's spec for one series: with count intervals when {@link #counts()} is set and the
   * series holds only non-negative whole numbers (the rule the in-process service applies).
   */
  public ForecastSpec forecastSpec(org.vigil.timeseries.TimeSeries series) {
    ForecastSpec base = forecastSpec();
    return counts && series.isCounts() ? base.toBuilder().counts(true).build() : base;
  }

  /** The backtest's spec (origins one step apart, at least 8 training values). */
  public BacktestSpec backtestSpec() {
    return new BacktestSpec(backtestOrigins, backtestHorizon, 1, 8);
  }

  /** One line for logs and bench tables. */
  public String describe() {
    return method
        + ("ZZZ".equals(etsModel) ? "" : " " + etsModel)
        + ", h="
        + horizon
        + ", levels "
        + levels
        + (backtestOrigins > 0 ? ", backtest " + backtestOrigins + "x" + backtestHorizon : "")
        + ", window <= "
        + maxFitLength;
  }

  private static boolean validMethod(String m) {
    for (ForecastMethod f : ForecastMethod.values()) {
      if (f.name().equals(m)) {
        return true;
      }
    }
    return false;
  }

  private static List<String> methods() {
    List<String> out = new ArrayList<>();
    for (ForecastMethod f : ForecastMethod.values()) {
      out.add(f.name());
    }
    return out;
  }
}
