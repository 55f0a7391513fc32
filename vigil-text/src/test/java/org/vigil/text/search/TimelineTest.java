package org.vigil.text.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Daily, weekly and monthly counts of what a reader may read, from the index. */
class TimelineTest {
  private static IndexedText text(long id, LocalDate published, String owner, String c) {
    return new IndexedText(
        id,
        "en",
        "t" + id,
        "Police in Osh seized heroin, report " + id + ".",
        published,
        "Wire",
        Set.of("DRUG_TRAFFICKING"),
        Set.of("KGZ"),
        Set.of("COERCE"),
        owner,
        c,
        Set.of());
  }

  @Test
  void timeline_countsPerPeriod_forWhatTheReaderMayRead() {
    try (DocumentIndex index = DocumentIndex.inMemory()) {
      index.add(
          List.of(
              text(1, LocalDate.of(2025, 12, 28), "KGZ-SC", "PUBLIC"),
              text(2, LocalDate.of(2025, 12, 29), "KGZ-SC", "PUBLIC"),
              text(3, LocalDate.of(2025, 12, 29), "KGZ-SC", "PUBLIC"),
              text(4, LocalDate.of(2026, 1, 2), "KGZ-SC", "PUBLIC"),
              text(5, LocalDate.of(2026, 1, 2), "KGZ-SC", "NATIONAL"),
              text(6, LocalDate.EPOCH, "KGZ-SC", "PUBLIC")));
      Access other = new Access(false, "KAZ-SC", true, List.of());
      TextQuery all = TextQuery.of("");
      assertThat(index.timeline(all, other, Timeline.DAY))
          .containsExactly(
              java.util.Map.entry("2025-12-28", 1),
              java.util.Map.entry("2025-12-29", 2),
              java.util.Map.entry("2026-01-02", 1));
      // 2025-12-29 is Monday of ISO week 1 of 2026.
      assertThat(index.timeline(all, other, Timeline.WEEK))
          .containsExactly(java.util.Map.entry("2025-W52", 1), java.util.Map.entry("2026-W01", 3));
      assertThat(index.timeline(all, other, Timeline.MONTH))
          .containsExactly(java.util.Map.entry("2025-12", 3), java.util.Map.entry("2026-01", 1));
      Access owner = new Access(false, "KGZ-SC", true, List.of());
      assertThat(index.timeline(all, owner, Timeline.MONTH)).containsEntry("2026-01", 2);
      assertThat(index.timeline(TextQuery.of("cyber"), owner, Timeline.MONTH)).isEmpty();
    }
  }

  @Test
  void parse_namesTheChoices() {
    assertThat(Timeline.parse(" Week ")).isEqualTo(Timeline.WEEK);
    assertThatThrownBy(() -> Timeline.parse("year")).hasMessageContaining("day, week or month");
  }
}
