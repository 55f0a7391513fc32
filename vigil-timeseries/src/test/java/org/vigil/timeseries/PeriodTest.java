package org.vigil.timeseries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PeriodTest {

  @ParameterizedTest
  @CsvSource({
    "2024-03, MONTHLY, 2024, 3, 2024-03",
    "2024M3, MONTHLY, 2024, 3, 2024-03",
    "2024-M12, MONTHLY, 2024, 12, 2024-12",
    "2024-Q1, QUARTERLY, 2024, 1, 2024-Q1",
    "2024Q4, QUARTERLY, 2024, 4, 2024-Q4",
    "2024, YEARLY, 2024, 1, 2024",
    "2024-A1, YEARLY, 2024, 1, 2024"
  })
  void parse_acceptedForms_giveCanonicalPeriod(
      String text, Frequency f, int year, int sub, String canonical) {
    Period p = Period.parse(text);
    assertThat(p).isEqualTo(new Period(f, year, sub));
    assertThat(p).hasToString(canonical);
  }

  @ParameterizedTest
  @CsvSource({"2024-13", "2024-Q5", "24-03", "March 2024", "''", "2024-00"})
  void parse_badText_namesTheAcceptedForms(String text) {
    assertThatThrownBy(() -> Period.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("expected YYYY, YYYY-MM or YYYY-Qn");
  }

  @Test
  void parse_withExpectedFrequency_rejectsOther() {
    assertThatThrownBy(() -> Period.parse("2024-Q1", Frequency.MONTHLY))
        .hasMessageContaining("is QUARTERLY, expected MONTHLY");
  }

  @Test
  void plus_crossesYearBoundaries() {
    assertThat(Period.month(2023, 11).plus(3)).isEqualTo(Period.month(2024, 2));
    assertThat(Period.quarter(2024, 1).plus(-1)).isEqualTo(Period.quarter(2023, 4));
    assertThat(Period.year(2020).plus(5)).isEqualTo(Period.year(2025));
  }

  @Test
  void startAndEnd_spanTheCalendarPeriod() {
    assertThat(Period.quarter(2024, 1).start()).isEqualTo(LocalDate.of(2024, 1, 1));
    assertThat(Period.quarter(2024, 1).end()).isEqualTo(LocalDate.of(2024, 3, 31));
    assertThat(Period.month(2024, 2).end()).isEqualTo(LocalDate.of(2024, 2, 29));
    assertThat(Period.year(2023).end()).isEqualTo(LocalDate.of(2023, 12, 31));
  }

  @Test
  void containing_mapsDatesToTheirPeriod() {
    LocalDate d = LocalDate.of(2024, 8, 15);
    assertThat(Period.containing(d, Frequency.QUARTERLY)).isEqualTo(Period.quarter(2024, 3));
    assertThat(Period.containing(d, Frequency.MONTHLY)).isEqualTo(Period.month(2024, 8));
  }

  @Test
  void compareTo_mixedFrequencies_isRejected() {
    assertThatThrownBy(() -> Period.month(2024, 1).compareTo(Period.year(2024)))
        .hasMessageContaining("Cannot compare");
  }

  @Property(seed = "20261129")
  void plusThenUntil_roundTrips(
      @ForAll @IntRange(min = 1900, max = 2100) int year,
      @ForAll @IntRange(min = 1, max = 12) int month,
      @ForAll @IntRange(min = -500, max = 500) int steps) {
    Period p = Period.month(year, month);
    assertThat(p.until(p.plus(steps))).isEqualTo(steps);
    assertThat(Period.parse(p.plus(steps).toString())).isEqualTo(p.plus(steps));
  }

  @Property(seed = "20261129")
  void quarterToString_parsesBack(
      @ForAll @IntRange(min = 1, max = 9999) int year, @ForAll @IntRange(min = 1, max = 4) int q) {
    Period p = Period.quarter(year, q);
    assertThat(Period.parse(p.toString())).isEqualTo(p);
  }
}
