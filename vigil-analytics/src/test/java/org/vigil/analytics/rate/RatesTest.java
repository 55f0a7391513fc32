package org.vigil.analytics.rate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vigil.model.Aggregation;
import org.vigil.timeseries.Period;
import org.vigil.timeseries.TimeSeries;

class RatesTest {
  @Test
  void per100k_monthlyCountsYearlyPopulation_usesTheYearAndCarriesForward() {
    TimeSeries counts = TimeSeries.of(Period.month(2023, 12), 50, 60, Double.NaN);
    TimeSeries pop = TimeSeries.of(Period.year(2023), 1_000_000);
    TimeSeries r = Rates.per100k(counts, pop);
    assertThat(r.get(0)).isCloseTo(5.0, within(1e-12));
    assertThat(r.get(1)).isCloseTo(6.0, within(1e-12));
    assertThat(r.get(2)).isNaN();
  }

  @Test
  void aggregate_rate_populationWeightedAndSaysWhoReported() {
    Period y = Period.year(2024);
    Map<String, TimeSeries> rates =
        Map.of("ARM", TimeSeries.of(y, 10.0), "KAZ", TimeSeries.of(y, 20.0));
    Map<String, TimeSeries> pop =
        Map.of("ARM", TimeSeries.of(y, 1_000_000), "KAZ", TimeSeries.of(y, 3_000_000));
    List<RegionalAggregate.Point> out =
        RegionalAggregate.aggregate(rates, pop, Aggregation.RATE, 9);
    assertThat(out).hasSize(1);
    assertThat(out.get(0).value()).isCloseTo(17.5, within(1e-12));
    assertThat(out.get(0).included()).containsExactly("ARM", "KAZ");
    assertThat(out.get(0).coverage()).isEqualTo("2 of 9 states");
  }

  @Test
  void aggregate_sumWithAGap_leavesTheSilentStateOut() {
    Period y = Period.year(2023);
    Map<String, TimeSeries> counts =
        Map.of("ARM", TimeSeries.of(y, 1, 2), "KAZ", TimeSeries.of(y, 10, Double.NaN));
    List<RegionalAggregate.Point> out =
        RegionalAggregate.aggregate(counts, Map.of(), Aggregation.SUM, 2);
    assertThat(out.get(0).value()).isEqualTo(11);
    assertThat(out.get(1).value()).isEqualTo(2);
    assertThat(out.get(1).included()).containsExactly("ARM");
  }
}
