package org.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code vigil docs ingest|search|show|reindex} on an H2 file database in a temp folder. */
class DocsCommandTest {
  @TempDir Path dir;

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
    CliHarness.Run r =
        CliHarness.execute(
            "docs", "ingest", in.toString(), "--classification", "PUBLIC", "--db", db);
    assertThat(r.exit()).as(r.err()).isEqualTo(0);
    assertThat(r.out()).contains("2");
    CliHarness.Run again =
        CliHarness.execute(
            "docs", "ingest", in.toString(), "--classification", "PUBLIC", "--db", db);
    assertThat(again.exit()).isEqualTo(0);
    CliHarness.Run s =
        CliHarness.execute("docs", "search", "Таджикистана", "--db", db, "--format", "json");
    assertThat(s.exit()).as(s.err()).isEqualTo(0);
    assertThat(s.out()).contains("Граница").doesNotContain("Heroin");
    assertThat(s.err()).contains("1 text(s) match");
    String id = s.out().replaceAll("(?s).*\"id\"\\s*:\\s*\"?(\\d+).*", "$1");
    CliHarness.Run show = CliHarness.execute("docs", "show", id, "--db", db, "--format", "json");
    assertThat(show.exit()).as(show.err()).isEqualTo(0);
    assertThat(show.out()).contains("\"states\"").contains("TJK").contains("\"events\"");
    CliHarness.Run re = CliHarness.execute("docs", "reindex", "--db", db);
    assertThat(re.out()).contains("rebuilt: 2 text(s)");
    Path bad = dir.resolve("bad.jsonl");
    Files.writeString(bad, "{\"title\":\"x\",\"text\":\"y\"}\n");
    CliHarness.Run b = CliHarness.execute("docs", "ingest", bad.toString(), "--db", db);
    assertThat(b.exit()).isEqualTo(2);
    assertThat(b.err().strip()).contains("bad.jsonl line 1, field published").doesNotContain("\n");
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
    CliHarness.Run t =
        CliHarness.execute("docs", "train", file.toString(), "--folds", "4", "--db", db);
    assertThat(t.exit()).as(t.err()).isEqualTo(0);
    assertThat(t.out()).contains("micro F1 of domains").contains("exact match");
    assertThat(t.err())
        .contains("24 labelled text(s), 4-fold cross-validation")
        .contains("kept in");
    assertThat(dir.resolve("db/vigil-domain-model.json")).exists();

    Path in = dir.resolve("new.jsonl");
    Files.writeString(
        in,
        "{\"title\":\"Cash couriers\",\"text\":\"Investigators found a smurfing scheme of"
            + " couriers in Bishkek.\",\"published\":\"2025-04-01\"}\n");
    CliHarness.Run ing =
        CliHarness.execute(
            "docs", "ingest", in.toString(), "--classification", "PUBLIC", "--db", db);
    assertThat(ing.exit()).as(ing.err()).isEqualTo(0);
    CliHarness.Run s =
        CliHarness.execute("docs", "search", "smurfing", "--db", db, "--format", "json");
    String id = s.out().replaceAll("(?s).*\"id\"\\s*:\\s*\"?(\\d+).*", "$1");
    CliHarness.Run show = CliHarness.execute("docs", "show", id, "--db", db, "--format", "json");
    assertThat(show.out()).as(show.err()).contains("ORGANISED_CRIME");

    Path bad = dir.resolve("bad.csv");
    Files.writeString(bad, "text,domains\nSome text,PIRACY\n");
    CliHarness.Run b = CliHarness.execute("docs", "train", bad.toString(), "--db", db);
    assertThat(b.exit()).isEqualTo(2);
    assertThat(b.err().strip())
        .contains("bad.csv line 2: unknown domain 'PIRACY'")
        .doesNotContain("\n");
  }
}
