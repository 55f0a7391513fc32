package org.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.cli.CliHarness.Run;
import org.vigil.store.StoreFixtures;

class IngestCommandTest {
  private static final String RATE = "Death rate from all forms of violence (IHME (2016))";

  @TempDir Path dir;

  private Run vigil(String... args) {
    return CliHarness.execute(args);
  }

  private String url() {
    return CliHarness.url(dir);
  }

  private Path file(String name, String text) throws Exception {
    return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
  }

  /** The README's example files: a ratio in percent declared in the file, and a bad scale. */
  @Test
  void ingest_owidScaleColumn_createsARatio_andABadScaleExits2NamingWhere() throws Exception {
    Path examples = Path.of("..", "docs", "examples");
    String[] options = {
      "--format",
      "owid",
      "--indicator",
      "EXAMPLE_WATER_WITHDRAWAL",
      "--domain",
      "water",
      "--unit",
      "%"
    };
    String before = "";
    Run bad =
        vigil(
            concat(
                new String[] {
                  "--db",
                  url(),
                  "ingest",
                  examples.resolve("water-withdrawal-bad-scale.csv").toString()
                },
                options));
    assertThat(bad.exit()).isEqualTo(2);
    assertThat(bad.err())
        .contains(
            "vigil: water-withdrawal-bad-scale.csv line 5, field Scale: expected a scale: SHARE")
        .contains("found 'RATIO'");
    before = dump();
    assertThat(before).doesNotContain("EXAMPLE_WATER_WITHDRAWAL");

    Run good =
        vigil(
            concat(
                new String[] {
                  "--db", url(), "ingest", examples.resolve("water-withdrawal-owid.csv").toString()
                },
                options));
    assertThat(good.exit()).as(good.err()).isZero();
    // The summary table wraps its note column at 120 characters: compare without white space.
    assertThat(good.out().replaceAll("\\s+", ""))
        .contains("createdindicatorEXAMPLE_WATER_WITHDRAWAL(scalePERCENT_RATIO)");
    Run list = vigil("--db", url(), "--format", "csv", "indicators", "--domain", "WATER");
    assertThat(list.out())
        .containsPattern("EXAMPLE_WATER_WITHDRAWAL,[^\\n]*,%,PERCENT_RATIO,YEARLY");
  }

  @Test
  void ingest_fileWithOneBadRow_exits2NamingLineAndFieldAndChangesNothing() throws Exception {
    Path good =
        file(
            "cis.csv",
            "Entity,Year,Total deaths,"
                + RATE
                + "\nArmenia,1990,172,4.82\nRussia,1990,30000,21.5\n");
    Path bad =
        file(
            "bad.csv",
            "Entity,Year,Total deaths,"
                + RATE
                + "\nKazakhstan,1990,1,4.8\nKazakhstan,1991,1,n/a\n");
    String[] options = {"--format", "owid", "--column", RATE, "--indicator", "VIOLENT_DEATH_RATE"};
    Run first = vigil(concat(new String[] {"--db", url(), "ingest", good.toString()}, options));
    assertThat(first.exit()).as(first.err()).isZero();
    assertThat(first.out()).contains("cis.csv").contains("owid");
    assertThat(first.err())
        .as("progress of the store phase, from the claim to the last chunk")
        .contains("cis.csv: stored 0 of 2 new values (0%)")
        .contains("cis.csv: stored 2 of 2 new values (100%)");
    String before = dump();

    Run rejected = vigil(concat(new String[] {"--db", url(), "ingest", bad.toString()}, options));

    assertThat(rejected.exit()).isEqualTo(2);
    assertThat(rejected.err())
        .contains("vigil: bad.csv line 3, field " + RATE + ": expected a number")
        .contains("found 'n/a'");
    assertThat(dump()).isEqualTo(before);

    Run again = vigil(concat(new String[] {"--db", url(), "ingest", good.toString()}, options));
    assertThat(again.exit()).isZero();
    assertThat(again.out()).contains("already loaded");
    assertThat(dump()).isEqualTo(before);
  }

  @Test
  void ingest_anExportOfTheSameStore_addsNothingAndSaysHowManyAreUnchanged() throws Exception {
    Path csv =
        file(
            "kaz.csv",
            "indicator,area,period,value,flags\n"
                + "VIOLENT_DEATHS,KAZ,2019,1083,\n"
                + "VIOLENT_DEATHS,KAZ,2020,1000,P\n"
                + "VIOLENT_DEATHS,KAZ,2021,990,\"P,E\"\n");
    Run loaded = vigil("--db", url(), "ingest", csv.toString(), "--classification", "PUBLIC");
    assertThat(loaded.exit()).as(loaded.err()).isZero();
    for (String format : new String[] {"sdmx-ml", "sdmx-json", "sdmx-json-2", "sdmx-csv"}) {
      Path out = dir.resolve("back-" + format);
      Run export =
          vigil(
              "--db",
              url(),
              "export",
              "--format",
              format,
              "--indicator",
              "VIOLENT_DEATHS",
              "--area",
              "KAZ",
              "--all-vintages",
              "--output",
              out.toString());
      assertThat(export.exit()).as(export.err()).isZero();
      assertThat(export.err()).as(format).contains("Wrote 3 observations");

      Run back = vigil("--db", url(), "ingest", out.toString());

      assertThat(back.exit()).as(back.err()).isZero();
      assertThat(back.out())
          .as(format)
          .contains("unchanged")
          // the table wraps its note column: any run of spaces and line breaks between words
          .containsPattern(
              "already\\s+loaded:\\s+nothing\\s+added,\\s+3\\s+unchanged"
                  + "|no\\s+new\\s+or\\s+revised\\s+values:\\s+3\\s+unchanged");
      assertThat(back.err()).as(format).doesNotContain("rows added");
    }
    assertThat(Files.readString(dir.resolve("back-sdmx-ml")))
        .contains("OBS_VALUE=\"990\" OBS_STATUS=\"P\" OBS_FLAG=\"P,E\"");
  }

  @Test
  void ingest_unknownFormatOrMissingFile_exits2() {
    Run format = vigil("--db", url(), "ingest", "x.csv", "--format", "xml");
    assertThat(format.exit()).isEqualTo(2);
    assertThat(format.err())
        .contains("ingest --format: expected long, owid, sdmx, sdmx-ml, sdmx-json or json")
        .contains("'xml'");
    Run missing =
        vigil("--db", url(), "ingest", dir.resolve("nope.csv").toString(), "--format", "long");
    assertThat(missing.exit()).isEqualTo(2);
    assertThat(missing.err()).contains("File not found");
    Run missingInferred = vigil("--db", url(), "ingest", dir.resolve("nope.csv").toString());
    assertThat(missingInferred.exit()).isEqualTo(2);
    assertThat(missingInferred.err()).contains("File not found");
  }

  @Test
  void ingest_semicolonDecimalCommaCyrillicAreas_loadsWithNoOptions() throws Exception {
    StringBuilder csv = new StringBuilder("indicator;area;period;value;source\r\n");
    String[] areas = {"Казахстан", "Россия", "Кыргызстан", "Армения", "Беларусь"};
    java.util.Random random = new java.util.Random(13);
    for (String area : areas) {
      for (int year = 2015; year <= 2020; year++) {
        double v = Math.round(random.nextDouble() * 10_000) / 100.0;
        csv.append("VIOLENT_DEATH_RATE;")
            .append(area)
            .append(';')
            .append(year)
            .append(';')
            .append(String.format(java.util.Locale.forLanguageTag("ru"), "%.2f", v))
            .append(";Росстат\r\n");
      }
    }
    Path f = file("ru-excel.csv", csv.toString());
    assertThat(csv.toString()).contains(",").doesNotContain(".");

    Run r = vigil("--db", url(), "ingest", f.toString());

    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("ru-excel.csv").contains("long-csv").contains(" 30 ");
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL(url());
    try (var c = ds.getConnection();
        var q =
            c.prepareStatement(
                "SELECT COUNT(*), MIN(obs_value) FROM observation WHERE area_code = 'KAZ'");
        var rs = q.executeQuery()) {
      rs.next();
      assertThat(rs.getInt(1)).isEqualTo(6);
      assertThat(rs.getDouble(2)).isNotEqualTo(Math.rint(rs.getDouble(2)));
    }
  }

  /**
   * The summary is a table like any other: it fits 120 columns by wrapping its note, and {@code
   * --wide} (before or after the subcommand) keeps each row on one line.
   */
  @Test
  void ingest_summary_wrapsAt120Columns_andWideKeepsTheRowWhole() throws Exception {
    Path f =
        file(
            "kaz-kgz-deaths.csv",
            "indicator,area,period,value\n"
                + "VIOLENT_DEATHS,KAZ,2019,1083\n"
                + "VIOLENT_DEATHS,KAZ,2020,1000\n"
                + "VIOLENT_DEATHS,KGZ,2021,990\n");
    assertThat(vigil("--db", url(), "ingest", f.toString()).exit()).isZero();
    String note = "already loaded: nothing added, 3 unchanged";

    Run narrow = vigil("--db", url(), "ingest", f.toString());
    Run wideFirst = vigil("--db", url(), "--wide", "ingest", f.toString());
    Run wideAfter = vigil("--db", url(), "ingest", f.toString(), "--wide");

    assertThat(narrow.exit()).as(narrow.err()).isZero();
    assertThat(narrow.out().lines()).allMatch(l -> l.length() <= 120);
    assertThat(narrow.out()).doesNotContain(note);
    // The note wraps in its column, word by word, under the row.
    assertThat(narrow.out().lines().skip(2).map(String::strip).toList())
        .endsWith("unchanged")
        .hasSizeGreaterThan(1);
    for (Run wide : List.of(wideFirst, wideAfter)) {
      assertThat(wide.exit()).as(wide.err()).isZero();
      List<String> lines = wide.out().lines().toList();
      assertThat(lines).hasSize(3);
      assertThat(lines.get(2)).contains(note).hasSizeGreaterThan(120);
    }
  }

  private static String[] concat(String[] a, String[] b) {
    String[] out = new String[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  /** Every row of every table as sorted text (the store's own dump, shared by every test). */
  private String dump() {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL(url());
    String out = StoreFixtures.dump(ds);
    assertThat(out).contains("== OBSERVATION\n");
    return out;
  }
}
