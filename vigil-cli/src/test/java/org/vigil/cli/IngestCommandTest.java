package org.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IngestCommandTest {
  private static final String RATE = "Death rate from all forms of violence (IHME (2016))";

  @TempDir Path dir;

  private record Run(int exit, String out, String err) {}

  private Run vigil(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit =
        VigilCommand.execute(
            args,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(
        exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private String url() {
    return "jdbc:h2:file:" + dir.resolve("db").toAbsolutePath();
  }

  private Path file(String name, String text) throws Exception {
    return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
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
  void ingest_unknownFormatOrMissingFile_exits2() {
    Run format = vigil("--db", url(), "ingest", "x.csv", "--format", "xml");
    assertThat(format.exit()).isEqualTo(2);
    assertThat(format.err())
        .contains("ingest needs --format long, owid, sdmx or json")
        .contains("'xml'");
    Run missing =
        vigil("--db", url(), "ingest", dir.resolve("nope.csv").toString(), "--format", "long");
    assertThat(missing.exit()).isEqualTo(2);
    assertThat(missing.err()).contains("File not found");
  }

  private static String[] concat(String[] a, String[] b) {
    String[] out = new String[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  /** Every row of every table as sorted text. */
  private String dump() throws SQLException {
    StringBuilder out = new StringBuilder();
    try (Connection c = DriverManager.getConnection(url());
        Statement s = c.createStatement()) {
      List<String> tables = new ArrayList<>();
      try (ResultSet rs =
          s.executeQuery(
              "SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC'"
                  + " AND TABLE_TYPE = 'BASE TABLE' ORDER BY TABLE_NAME")) {
        while (rs.next()) {
          tables.add(rs.getString(1));
        }
      }
      for (String t : tables) {
        List<String> rows = new ArrayList<>();
        try (ResultSet rs = s.executeQuery("SELECT * FROM \"" + t + "\"")) {
          int n = rs.getMetaData().getColumnCount();
          while (rs.next()) {
            StringBuilder row = new StringBuilder();
            for (int i = 1; i <= n; i++) {
              row.append(rs.getString(i)).append('|');
            }
            rows.add(row.toString());
          }
        }
        Collections.sort(rows);
        out.append("== ").append(t).append(" (").append(rows.size()).append(")\n");
        rows.forEach(r -> out.append(r).append('\n'));
      }
    }
    assertThat(out.toString()).contains("== OBSERVATION (2)");
    return out.toString();
  }
}
