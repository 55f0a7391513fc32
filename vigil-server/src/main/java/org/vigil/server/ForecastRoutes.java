package org.vigil.server;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.vigil.app.Vigil;
import org.vigil.app.forecast.ForecastService;
import org.vigil.app.forecast.RegionalForecast;
import org.vigil.app.forecast.RegionalForecasts;
import org.vigil.forecast.FitStatistics;
import org.vigil.forecast.Forecast;
import org.vigil.forecast.ForecastMethod;
import org.vigil.forecast.ForecastSpec;
import org.vigil.forecast.eval.BacktestResult;
import org.vigil.forecast.eval.BacktestSpec;
import org.vigil.timeseries.Period;

/**
 * Forecasts with intervals ({@code /api/forecast}) and rolling-origin backtests ({@code
 * /api/backtest}) of a stored series, through {@link ForecastService} with the caller's access:
 * only values the caller may read go into the model.
 */
final class ForecastRoutes implements RouteGroup {
  private final ForecastService forecasts;
  private final RegionalForecasts regional;
  private final Vigil vigil;

  ForecastRoutes(Vigil vigil) {
    this.vigil = vigil;
    this.forecasts = ForecastService.create(vigil);
    this.regional = RegionalForecasts.create(vigil);
  }

  @Override
  public void register(Routes routes) {
    routes.get("/api/forecast", this::forecast);
    routes.get("/api/backtest", this::backtest);
  }

  private void forecast(Context ctx) {
    String indicator = Params.required(ctx, "indicator").toUpperCase(Locale.ROOT);
    String area = Params.required(ctx, "area").toUpperCase(Locale.ROOT);
    ForecastSpec spec = spec(ctx, Params.intParam(ctx, "h", 12, 1, 120));
    if (regional.isGroup(area)) {
      regionalForecast(ctx, indicator, area, spec);
      return;
    }
    Forecast f = forecasts.forecast(Caller.of(ctx), indicator, area, spec);
    Map<String, Object> out = forecastJson(indicator, area, f, spec);
    ctx.json(out);
  }

  /**
   * A group's forecast: the reconciled figure over the member states whose data the caller may read
   * (the same for every caller who may read the same states), what it covers, and the reconciled
   * forecasts of those states.
   */
  private void regionalForecast(Context ctx, String indicator, String group, ForecastSpec spec) {
    RegionalForecast r = regional.forecast(Caller.of(ctx), indicator, group, spec.horizon());
    ForecastSpec levels = ForecastSpec.builder().horizon(spec.horizon()).build();
    Map<String, Object> out = forecastJson(indicator, group, r.total(), levels);
    Map<String, Object> coverage = new LinkedHashMap<>();
    coverage.put("statesCovered", r.covered().size());
    coverage.put("statesTotal", r.members().size());
    coverage.put("states", r.covered());
    coverage.put("text", r.coverage() + " (the states whose data you may read)");
    out.put("coverage", coverage);
    Map<String, Object> rec = new LinkedHashMap<>();
    rec.put("method", "MinT");
    rec.put("covariance", r.estimator());
    rec.put("lambda", num(r.lambda()));
    rec.put("aggregation", r.aggregation());
    rec.put("notes", r.notes());
    out.put("reconciliation", rec);
    org.vigil.model.AccessContext caller = Caller.of(ctx);
    List<Map<String, Object>> members = new ArrayList<>();
    int withheld = 0;
    for (String state : r.covered()) {
      if (vigil.observations().series(caller, indicator, state).isEmpty()) {
        withheld++;
        continue;
      }
      members.add(forecastJson(indicator, state, r.states().get(state), levels));
    }
    out.put("members", members);
    out.put("membersWithheld", withheld);
    ctx.json(out);
  }

  private static Map<String, Object> forecastJson(
      String indicator, String area, Forecast f, ForecastSpec spec) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("indicator", indicator);
    out.put("area", area);
    out.put("method", f.method().name());
    out.put("model", f.model());
    out.put("parameters", finite(f.parameters()));
    out.put("periods", f.periods().stream().map(Period::toString).toList());
    out.put("points", list(f.points()));
    Map<String, Object> quantiles = new LinkedHashMap<>();
    for (double p : f.quantileProbabilities()) {
      quantiles.put(Double.toString(p), list(f.quantile(p)));
    }
    out.put("quantiles", quantiles);
    List<Map<String, Object>> intervals = new ArrayList<>();
    for (double level : spec.levels()) {
      Map<String, Object> i = new LinkedHashMap<>();
      i.put("level", level);
      i.put("lower", list(f.lower(level)));
      i.put("upper", list(f.upper(level)));
      intervals.add(i);
    }
    out.put("intervals", intervals);
    out.put("fit", fit(f.fit()));
    out.put("diagnostics", f.diagnostics());
    return out;
  }

  private void backtest(Context ctx) {
    String indicator = Params.required(ctx, "indicator").toUpperCase(Locale.ROOT);
    String area = Params.required(ctx, "area").toUpperCase(Locale.ROOT);
    int h = Params.intParam(ctx, "h", 6, 1, 60);
    int origins = Params.intParam(ctx, "origins", 6, 1, 60);
    BacktestSpec b = new BacktestSpec(origins, h, 1, 8);
    BacktestResult r = forecasts.backtest(Caller.of(ctx), indicator, area, spec(ctx, h), b);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("indicator", indicator);
    out.put("area", area);
    out.put("smape", num(r.smape()));
    out.put("mase", num(r.mase()));
    out.put("rmsse", num(r.rmsse()));
    out.put("msis", num(r.msis()));
    out.put("crps", num(r.crps()));
    Map<String, Object> coverage = new LinkedHashMap<>();
    r.coverage().forEach((level, share) -> coverage.put(Double.toString(level), num(share)));
    out.put("coverage", coverage);
    List<Map<String, Object>> perOrigin = new ArrayList<>();
    for (BacktestResult.Origin o : r.origins()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("lastTraining", o.lastTraining().toString());
      m.put("steps", o.steps());
      m.put("model", o.model());
      m.put("smape", num(o.smape()));
      m.put("mase", num(o.mase()));
      m.put("rmsse", num(o.rmsse()));
      m.put("msis", num(o.msis()));
      m.put("crps", num(o.crps()));
      perOrigin.add(m);
    }
    out.put("origins", perOrigin);
    out.put("diagnostics", r.diagnostics());
    ctx.json(out);
  }

  private static ForecastSpec spec(Context ctx, int horizon) {
    ForecastMethod method =
        ReferenceRoutes.enumParam(
            ForecastMethod.class, "method", Params.optional(ctx, "method").orElse("AUTO"));
    return ForecastSpec.builder().method(method).horizon(horizon).build();
  }

  private static Map<String, Object> fit(FitStatistics s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("n", s.n());
    m.put("parameters", s.parameters());
    m.put("logLikelihood", num(s.logLikelihood()));
    m.put("aic", num(s.aic()));
    m.put("aicc", num(s.aicc()));
    m.put("bic", num(s.bic()));
    m.put("sigma2", num(s.sigma2()));
    m.put("mse", num(s.mse()));
    return m;
  }

  private static Map<String, Object> finite(Map<String, Double> parameters) {
    Map<String, Object> m = new LinkedHashMap<>();
    parameters.forEach((k, v) -> m.put(k, num(v)));
    return m;
  }

  private static List<Object> list(double[] values) {
    List<Object> out = new ArrayList<>(values.length);
    for (double v : values) {
      out.add(num(v));
    }
    return out;
  }

  /** JSON has no NaN or infinity: those become null. */
  private static Object num(double v) {
    return Double.isFinite(v) ? v : null;
  }
}
