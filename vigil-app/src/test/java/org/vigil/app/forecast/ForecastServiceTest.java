package org.vigil.app.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vigil.app.Vigil;
import org.vigil.app.VigilConfig;
import org.vigil.app.demo.DemoData;
import org.vigil.app.demo.PlantedSeries;
import org.vigil.forecast.Forecast;
import org.vigil.forecast.ForecastMethod;
import org.vigil.forecast.ForecastSpec;
import org.vigil.forecast.eval.BacktestResult;
import org.vigil.forecast.eval.BacktestSpec;
import org.vigil.model.AccessContext;
import org.vigil.model.NotFoundException;
import org.vigil.model.Role;

/** Forecasts of demo series as the secretariat's analyst sees them. */
class ForecastServiceTest {
  private static final AccessContext SECRETARIAT =
      AccessContext.of("secretariat.analyst", "SECRETARIAT", Role.ANALYST);
  private static Vigil vigil;
  private static ForecastService service;
  private static PlantedSeries planted;

  @BeforeAll
  static void load() {
    vigil = Vigil.open(VigilConfig.h2InMemory("forecast-service"));
    DemoData.load(vigil);
    service = ForecastService.create(vigil);
    planted = DemoData.groundTruth().get(0);
  }

  @AfterAll
  static void close() {
    vigil.close();
  }

  @Test
  void forecast_storedSeries_continuesAfterItsLastPeriod() {
    Forecast f =
        service.forecast(
            SECRETARIAT,
            planted.indicator(),
            planted.area(),
            ForecastSpec.builder().method(ForecastMethod.ETS).horizon(6).build());
    assertThat(f.horizon()).isEqualTo(6);
    assertThat(f.model()).startsWith("ETS(");
    for (double p : f.points()) {
      assertThat(p).isFinite();
    }
  }

  @Test
  void backtest_storedSeries_givesFiniteAccuracy() {
    BacktestResult r =
        service.backtest(
            SECRETARIAT,
            planted.indicator(),
            planted.area(),
            ForecastSpec.builder().method(ForecastMethod.THETA).build(),
            new BacktestSpec(3, 3, 3, 24));
    assertThat(r.origins()).hasSize(3);
    assertThat(r.mase()).isFinite().isPositive();
  }

  @Test
  void forecast_unknownSeries_isNotFound() {
    assertThatThrownBy(
            () -> service.forecast(SECRETARIAT, "NO_SUCH_INDICATOR", "KAZ", ForecastSpec.DEFAULT))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("NO_SUCH_INDICATOR");
  }
}
