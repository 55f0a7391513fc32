package org.vigil.text.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One holder of an index directory at a time; closing frees it and keeps what was written. */
class DocumentIndexLockTest {
  @Test
  void open_whileAnotherHolds_saysWhatToDo_andCloseReleasesTheLock(@TempDir Path dir) {
    Path at = dir.resolve("text-index");
    DocumentIndex first = DocumentIndex.open(at);
    first.add(
        List.of(
            new IndexedText(
                1,
                "en",
                "Seizure",
                "Border guards seized heroin.",
                LocalDate.of(2025, 3, 1),
                "Wire",
                Set.of("DRUG_TRAFFICKING"),
                Set.of("TJK"),
                Set.of("COERCE"),
                "KAZ-SC",
                "PUBLIC",
                Set.of())));
    assertThatThrownBy(() -> DocumentIndex.open(at))
        .isInstanceOf(IndexInUseException.class)
        .hasMessageContaining(at.toString())
        .hasMessageContaining("in use by another Vigil process")
        .hasMessageContaining("/api/texts");
    first.close();
    try (DocumentIndex again = DocumentIndex.open(at)) {
      assertThat(again.size()).isEqualTo(1);
    }
  }
}
