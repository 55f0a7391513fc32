package org.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
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
}
