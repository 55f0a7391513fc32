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
    "2024-A1, YEARLY, 2024, 1, 2024",
    "2026-W05, WEEKLY, 2026, 5, 2026-W05",
    "2026W5, WEEKLY, 2026, 5, 2026-W05",
    "2020-W53, WEEKLY, 2020, 53, 2020-W53",
    "2026-01-31, DAILY, 2026, 31, 2026-01-31",
    "2024-12-31, DAILY, 2024, 366, 2024-12-31"
  })
  void parse_acceptedForms_giveCanonicalPeriod(
      String text, Frequency f, int year, int sub, String canonical) {
    Period p = Period.parse(text);
    assertThat(p).isEqualTo(new Period(f, year, sub));
    assertThat(p).hasToString(canonical);
  }

  @ParameterizedTest
  @CsvSource({"2024-13", "2024-Q5", "24-03", "March 2024", "''", "2024-00", "2024-W", "2024-3-1"})
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

  @ParameterizedTest
  @CsvSource({
    "2026-W53, 2026 has weeks W01..W53", // 2026 has 53 ISO weeks: this one parses
    "2025-W53, 2025 has weeks W01..52",
    "2025-02-29, no such day",
    "2026-W00, 2026 has weeks W01..53"
  })
  void parse_weekOrDayOutsideTheCalendar_isRejectedOrAccepted(String text, String message) {
    if (text.equals("2026-W53")) {
      assertThat(Period.parse(text).end()).isEqualTo(LocalDate.of(2027, 1, 3));
      return;
    }
    assertThatThrownBy(() -> Period.parse(text)).hasMessageContaining(message);
  }

  @Test
  void weeks_followIso8601() {
    // 2026-01-01 is a Thursday: week 1 runs Monday 2025-12-29 to Sunday 2026-01-04.
    Period w1 = Period.week(2026, 1);
    assertThat(w1.start()).isEqualTo(LocalDate.of(2025, 12, 29));
    assertThat(w1.end()).isEqualTo(LocalDate.of(2026, 1, 4));
    assertThat(Period.containing(LocalDate.of(2025, 12, 30), Frequency.WEEKLY)).isEqualTo(w1);
    // 2021-01-03 (a Sunday) still belongs to 2020's week 53.
    assertThat(Period.containing(LocalDate.of(2021, 1, 3), Frequency.WEEKLY))
        .isEqualTo(Period.week(2020, 53));
    assertThat(Period.week(2020, 53).plus(1)).isEqualTo(Period.week(2021, 1));
    assertThat(Period.week(2020, 1).until(Period.week(2021, 1))).isEqualTo(53);
    assertThat(Period.week(2026, 5).containingMonth()).isEqualTo(Period.month(2026, 1));
    assertThat(w1.containingMonth()).isEqualTo(Period.month(2026, 1));
    assertThat(Period.week(2025, 1).containingMonth()).isEqualTo(Period.month(2025, 1));
  }

  @Test
  void days_countCalendarDays() {
    Period d = Period.parse("2024-02-28");
    assertThat(d.plus(1)).hasToString("2024-02-29");
    assertThat(d.plus(2)).hasToString("2024-03-01");
    assertThat(d.plus(-59)).hasToString("2023-12-31");
    assertThat(d.until(Period.parse("2025-02-28"))).isEqualTo(366);
    assertThat(d.start()).isEqualTo(d.end()).isEqualTo(LocalDate.of(2024, 2, 28));
    assertThat(d.containingMonth()).isEqualTo(Period.month(2024, 2));
    assertThat(Period.containing(LocalDate.of(2024, 2, 28), Frequency.DAILY)).isEqualTo(d);
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

  @Property(seed = "20261206")
  void weekAndDay_plusUntilAndParse_roundTrip(
      @ForAll @IntRange(min = -700_000, max = 2_900_000) int epochDay,
      @ForAll @IntRange(min = -2000, max = 2000) int steps) {
    LocalDate date = LocalDate.ofEpochDay(epochDay);
    for (Frequency f : new Frequency[] {Frequency.WEEKLY, Frequency.DAILY}) {
      Period p = Period.containing(date, f);
      assertThat(p.start()).isBeforeOrEqualTo(date);
      assertThat(p.end()).isAfterOrEqualTo(date);
      Period q = p.plus(steps);
      assertThat(p.until(q)).isEqualTo(steps);
      assertThat(Period.parse(q.toString())).isEqualTo(q);
      assertThat(q.plus(1).start()).isEqualTo(q.end().plusDays(1));
    }
  }
}
