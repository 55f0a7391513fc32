package org.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class RendererWrapTest {
  private static String print(Table t, int width) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8);
    new Renderer(OutputFormat.TABLE, ps, ps, width).print(t);
    return out.toString(StandardCharsets.UTF_8);
  }

  private static Table longMessages() {
    Table t = Table.of("id", "area", "message");
    String words = "Значение показателя резко выросло по сравнению с ожидаемым уровнем ";
    t.row(1, "KAZ", words.repeat(4).strip());
    t.row(22, "RUS", "short");
    return t;
  }

  @Test
  void print_rowsWiderThanTheLimit_wrapTextColumnsToFit() {
    String text = print(longMessages(), 120);
    assertThat(text.lines()).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(120));
    assertThat(text.lines().count()).isGreaterThan(4);
    assertThat(text.replaceAll("\\s+", " ")).contains("резко выросло");
    assertThat(text).contains("short");
  }

  @Test
  void print_noLimit_keepsEachRowOnOneLine() {
    String text = print(longMessages(), 0);
    assertThat(text.lines()).hasSize(4);
    assertThat(text.lines().skip(2).findFirst().orElseThrow().length()).isGreaterThan(120);
  }

  @Test
  void wrap_breaksAtSpacesAndSplitsLongWords() {
    assertThat(Renderer.wrap("one two three", 7)).containsExactly("one two", "three");
    assertThat(Renderer.wrap("abcdefghij", 4)).containsExactly("abcd", "efgh", "ij");
  }

  @Test
  void print_detailColumn_goesUnderItsRowAtNearlyFullWidth() {
    Table t =
        Table.of("id", "rule", "severity", "indicator", "area", "period", "message")
            .detail("message");
    String words = "Сдвиг уровня: DEMO_TERROR_INCIDENTS (BLR) необычно высок с 2026-09 ";
    t.row(7, "ANOMALY", "CRITICAL", "DEMO_TERROR_INCIDENTS", "BLR", "2026-09", words.repeat(3));
    t.row(8, "KPI_DRIFT", "WARNING", "K1", "KAZ", "2026-11", "short");

    String text = print(t, 100);

    List<String> lines = text.lines().toList();
    assertThat(lines).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(100));
    assertThat(lines.get(0)).startsWith("id").doesNotContain("message");
    assertThat(lines.get(2)).contains("DEMO_TERROR_INCIDENTS").contains("CRITICAL");
    // the message's first line under the row is nearly as wide as the terminal, not squeezed
    assertThat(lines.get(3)).startsWith("    Сдвиг уровня").hasSizeGreaterThan(80);
    assertThat(lines).contains("    short");
    assertThat(String.join(" ", lines).replaceAll("\\s+", " "))
        .contains("необычно высок с 2026-09");
  }

  @Test
  void print_detailColumn_staysAColumnInCsv() {
    Table t = Table.of("id", "message").detail("message");
    t.row(1, "a b");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8);
    new Renderer(OutputFormat.CSV, ps, ps, 100).print(t);
    assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("id,message").contains("1,a b");
  }
}
