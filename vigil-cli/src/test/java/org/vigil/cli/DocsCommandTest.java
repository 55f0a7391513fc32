package org.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code vigil docs ingest|search|show|reindex} on an H2 file database in a temp folder. */
class DocsCommandTest {
  @TempDir Path dir;

  private String[] run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit =
        VigilCommand.execute(
            args,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new String[] {
      String.valueOf(exit),
      out.toString(StandardCharsets.UTF_8),
      err.toString(StandardCharsets.UTF_8)
    };
  }

  @Test
  void ingestSearchShowReindex_endToEnd_andBadInputIsOneLineExitTwo() throws Exception {
    String db = "jdbc:h2:file:" + dir.resolve("db/vigil").toAbsolutePath();
    Path in = dir.resolve("in");
    Files.createDirectories(in);
    Files.writeString(
        in.resolve("a.jsonl"),
        "{\"title\":\"Граница\",\"text\":\"В Таджикистане пограничники задержали 3 200"
            + " мигрантов.\",\"published\":\"2025-03-01\",\"source\":\"Synthetic wire\"}\n"
            + "{\"title\":\"Heroin\",\"text\":\"Police in Kazakhstan said that 4.5 tonnes of"
            + " heroin were seized in Almaty.\",\"published\":\"2025-03-02\"}\n");
    String[] r = run("docs", "ingest", in.toString(), "--classification", "PUBLIC", "--db", db);
    assertThat(r[0]).as(r[2]).isEqualTo("0");
    assertThat(r[1]).contains("2");
    String[] again = run("docs", "ingest", in.toString(), "--classification", "PUBLIC", "--db", db);
    assertThat(again[0]).isEqualTo("0");
    String[] s = run("docs", "search", "Таджикистана", "--db", db, "--format", "json");
    assertThat(s[0]).as(s[2]).isEqualTo("0");
    assertThat(s[1]).contains("Граница").doesNotContain("Heroin");
    assertThat(s[2]).contains("1 text(s) match");
    String id = s[1].replaceAll("(?s).*\"id\"\\s*:\\s*\"?(\\d+).*", "$1");
    String[] show = run("docs", "show", id, "--db", db, "--format", "json");
    assertThat(show[0]).as(show[2]).isEqualTo("0");
    assertThat(show[1]).contains("\"states\"").contains("TJK").contains("\"events\"");
    String[] re = run("docs", "reindex", "--db", db);
    assertThat(re[1]).contains("rebuilt: 2 text(s)");
    Path bad = dir.resolve("bad.jsonl");
    Files.writeString(bad, "{\"title\":\"x\",\"text\":\"y\"}\n");
    String[] b = run("docs", "ingest", bad.toString(), "--db", db);
    assertThat(b[0]).isEqualTo("2");
    assertThat(b[2].strip()).contains("bad.jsonl line 1, field published").doesNotContain("\n");
  }

  @Test
  void train_keepsAModelThatLaterIngestsUse_andABadFileIsOneLineExitTwo() throws Exception {
    String db = "jdbc:h2:file:" + dir.resolve("db/vigil").toAbsolutePath();
    StringBuilder csv = new StringBuilder("text,domains\n");
    String[] places = {"Osh", "Almaty", "Khujand", "Minsk", "Baku", "Gomel", "Omsk", "Aktobe"};
    for (int i = 0; i < places.length; i++) {
      csv.append("\"Investigators in ")
          .append(places[i])
          .append(
              " uncovered a smurfing scheme of couriers, who split cash into small deposits.\",")
          .append("ORGANISED_CRIME\n")
          .append("The river flooded villages near ")
          .append(places[i])
          .append(" after heavy rain,WATER\n")
          .append("Inflation in ")
          .append(places[i])
          .append(" rose as prices climbed,ECONOMIC\n");
    }
    Path file = dir.resolve("labelled.csv");
    Files.writeString(file, csv.toString());
    String[] t = run("docs", "train", file.toString(), "--folds", "4", "--db", db);
    assertThat(t[0]).as(t[2]).isEqualTo("0");
    assertThat(t[1]).contains("micro F1 of domains").contains("exact match");
    assertThat(t[2]).contains("24 labelled text(s), 4-fold cross-validation").contains("kept in");
    assertThat(dir.resolve("db/vigil-domain-model.json")).exists();

    Path in = dir.resolve("new.jsonl");
    Files.writeString(
        in,
        "{\"title\":\"Cash couriers\",\"text\":\"Investigators found a smurfing scheme of"
            + " couriers in Bishkek.\",\"published\":\"2025-04-01\"}\n");
    String[] ing = run("docs", "ingest", in.toString(), "--classification", "PUBLIC", "--db", db);
    assertThat(ing[0]).as(ing[2]).isEqualTo("0");
    String[] s = run("docs", "search", "smurfing", "--db", db, "--format", "json");
    String id = s[1].replaceAll("(?s).*\"id\"\\s*:\\s*\"?(\\d+).*", "$1");
    String[] show = run("docs", "show", id, "--db", db, "--format", "json");
    assertThat(show[1]).as(show[2]).contains("ORGANISED_CRIME");

    Path bad = dir.resolve("bad.csv");
    Files.writeString(bad, "text,domains\nSome text,PIRACY\n");
    String[] b = run("docs", "train", bad.toString(), "--db", db);
    assertThat(b[0]).isEqualTo("2");
    assertThat(b[2].strip())
        .contains("bad.csv line 2: unknown domain 'PIRACY'")
        .doesNotContain("\n");
  }
}
