package org.vigil.app.demo;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;
import org.vigil.model.Ownership;
import org.vigil.timeseries.Period;

/**
 * One synthetic series: its truth, its final values (the latest vintage) and the first releases of
 * the months that were revised later.
 *
 * @param truth what was planted
 * @param values final value per month (gaps are absent)
 * @param firstRelease the first, provisional or pre-revision value of each revised month
 * @param ownership owner and classification the demo gives it
 */
public record GeneratedSeries(
    PlantedSeries truth,
    SortedMap<Period, Double> values,
    SortedMap<Period, Double> firstRelease,
    Ownership ownership) {
  public GeneratedSeries {
    values = Collections.unmodifiableSortedMap(new TreeMap<>(values));
    firstRelease = Collections.unmodifiableSortedMap(new TreeMap<>(firstRelease));
  }
}
