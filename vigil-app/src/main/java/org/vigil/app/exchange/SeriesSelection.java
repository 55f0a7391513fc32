package org.vigil.app.exchange;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.vigil.timeseries.Period;

/**
 * Which series an export or an SDMX data query takes: indicators (empty: every readable one), areas
 * (empty: every readable one), a period range, the "as of" time, and whether every vintage is
 * wanted or only the latest value per period.
 *
 * @param indicators indicator codes, upper case
 * @param areas area codes
 * @param from first period wanted (by its start date), if any
 * @param to last period wanted (by its end date), if any
 * @param asOf only values recorded at or before this time ({@link Instant#MAX}: now)
 * @param vintages every vintage (true) or the latest per period (false)
 */
public record SeriesSelection(
    List<String> indicators,
    List<String> areas,
    Optional<Period> from,
    Optional<Period> to,
    Instant asOf,
    boolean vintages) {
  public SeriesSelection {
    indicators = List.copyOf(indicators);
    areas = List.copyOf(areas);
    if (from.isPresent() && to.isPresent() && from.get().start().isAfter(to.get().end())) {
      throw new IllegalArgumentException(
          "The period range is empty: start " + from.get() + " is after end " + to.get());
    }
  }

  /** Everything readable, latest values. */
  public static SeriesSelection all() {
    return new SeriesSelection(
        List.of(), List.of(), Optional.empty(), Optional.empty(), Instant.MAX, false);
  }

  /** True when a period falls in the range (overlaps it). */
  public boolean covers(Period p) {
    return from.map(f -> !p.end().isBefore(f.start())).orElse(true)
        && to.map(t -> !p.start().isAfter(t.end())).orElse(true);
  }
}
