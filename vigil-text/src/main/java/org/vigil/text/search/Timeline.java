package org.vigil.text.search;

import java.io.IOException;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;

/**
 * Counts of matching texts per day, ISO week or month of publication, read from the index's doc
 * values (no stored text is loaded). Keys sort in time order: {@code 2025-03-14}, {@code 2025-W11},
 * {@code 2025-03}.
 */
public enum Timeline {
  DAY,
  WEEK,
  MONTH;

  /** Parses day, week or month (any case). */
  public static Timeline parse(String text) {
    for (Timeline t : values()) {
      if (t.name().equalsIgnoreCase(text.strip())) {
        return t;
      }
    }
    throw new IllegalArgumentException(
        "Unknown period '" + text + "': expected day, week or month");
  }

  /** The key of the period that contains a date. */
  public String key(LocalDate d) {
    return switch (this) {
      case DAY -> d.toString();
      case WEEK ->
          String.format(
              Locale.ROOT,
              "%d-W%02d",
              d.get(IsoFields.WEEK_BASED_YEAR),
              d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
      case MONTH -> String.format(Locale.ROOT, "%d-%02d", d.getYear(), d.getMonthValue());
    };
  }

  CollectorManager<Counter, Map<String, Integer>> manager() {
    return new CollectorManager<>() {
      @Override
      public Counter newCollector() {
        return new Counter(Timeline.this);
      }

      @Override
      public Map<String, Integer> reduce(Collection<Counter> collectors) {
        Map<String, Integer> out = new TreeMap<>();
        collectors.forEach(c -> c.counts.forEach((k, n) -> out.merge(k, n, Integer::sum)));
        return out;
      }
    };
  }

  static final class Counter extends SimpleCollector {
    final Map<String, Integer> counts = new TreeMap<>();
    private final Timeline by;
    private SortedNumericDocValues published;

    Counter(Timeline by) {
      this.by = by;
    }

    @Override
    protected void doSetNextReader(LeafReaderContext context) throws IOException {
      published = context.reader().getSortedNumericDocValues("published");
    }

    @Override
    public void collect(int doc) throws IOException {
      if (published != null && published.advanceExact(doc)) {
        LocalDate d = LocalDate.ofEpochDay(published.nextValue());
        if (!d.equals(LocalDate.EPOCH)) {
          counts.merge(by.key(d), 1, Integer::sum);
        }
      }
    }

    @Override
    public ScoreMode scoreMode() {
      return ScoreMode.COMPLETE_NO_SCORES;
    }
  }
}
