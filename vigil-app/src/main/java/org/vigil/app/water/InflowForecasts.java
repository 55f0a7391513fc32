package org.vigil.app.water;

import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.vigil.app.water.DemoBasin.SourceSpec;
import org.vigil.forecast.Forecast;
import org.vigil.forecast.ForecastMethod;
import org.vigil.forecast.ForecastSpec;
import org.vigil.forecast.Forecaster;
import org.vigil.timeseries.Period;
import org.vigil.timeseries.TimeSeries;
import org.vigil.water.Monthly;

/**
 * Inflow forecasts of a demo basin's sources from the forecasting engine: the last {@value
 * #HISTORY_MONTHS} months of each source's synthetic history before the horizon, forecast with the
 * automatic method (the mean of ETS, ARIMA and Theta), non-negative, seed 1. Forecasts are kept per
 * basin, start and horizon (the same inputs always give the same forecast). Thread-safe.
 */
public final class InflowForecasts {
  /** Months of history each forecast is fitted on. */
  public static final int HISTORY_MONTHS = 120;

  private static final Map<String, Map<String, Forecast>> KEPT = new ConcurrentHashMap<>();

  private InflowForecasts() {}

  /** One source's forecast and the model the engine chose. */
  public record SourceForecast(String source, String model, Monthly inflow) {}

  /** The scenario's inflow per source, in source order. */
  public static List<SourceForecast> inflows(
      DemoBasin basin, YearMonth start, int months, InflowScenario scenario) {
    if (KEPT.size() > 64) {
      KEPT.clear();
    }
    Map<String, Forecast> forecasts =
        KEPT.computeIfAbsent(
            basin.code() + "|" + start + "|" + months, k -> forecast(basin, start, months));
    return basin.sources().stream()
        .map(
            s -> {
              Forecast f = forecasts.get(s.name());
              return new SourceForecast(
                  s.name(), f.model(), Monthly.of(f.quantile(scenario.quantile())));
            })
        .toList();
  }

  private static Map<String, Forecast> forecast(DemoBasin basin, YearMonth start, int months) {
    ForecastSpec spec =
        ForecastSpec.builder()
            .method(ForecastMethod.AUTO)
            .horizon(months)
            .seed(1)
            .nonNegative(true)
            .build();
    YearMonth from = start.minusMonths(HISTORY_MONTHS);
    Map<String, Forecast> out = new LinkedHashMap<>();
    for (SourceSpec s : basin.sources()) {
      double[] all = DemoBasins.inflowHistory(basin, s, start);
      double[] last = java.util.Arrays.copyOfRange(all, all.length - HISTORY_MONTHS, all.length);
      TimeSeries history = TimeSeries.of(Period.month(from.getYear(), from.getMonthValue()), last);
      out.put(s.name(), Forecaster.forecast(history, spec));
    }
    return out;
  }
}
