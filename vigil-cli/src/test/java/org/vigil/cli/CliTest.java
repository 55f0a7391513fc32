package org.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.app.Vigil;
import org.vigil.app.VigilConfig;
import org.vigil.cli.CliHarness.Run;
import org.vigil.model.AccessContext;
import org.vigil.model.Classification;
import org.vigil.model.IngestBatch;
import org.vigil.model.Observation;
import org.vigil.model.Ownership;
import org.vigil.model.Role;
import org.vigil.timeseries.Period;

/**
 * The read and admin commands against a file database: formats, exit codes, and tenancy (a user of
 * one organisation cannot read another's NATIONAL values through the command line either).
 */
class CliTest {
  static final String PASSWORD = CliHarness.PASSWORD;
  @TempDir Path dir;
  String kazToken;
  String rusToken;

  Run vigil(String... args) {
    return CliHarness.run(dir, args);
  }

  String url() {
    return CliHarness.url(dir);
  }

  @BeforeEach
  void world() {
    try (Vigil vigil = CliHarness.open(dir)) {
      AccessContext sys = AccessContext.system();
      CliHarness.twoStates(vigil);
      kazToken = CliHarness.user(vigil, "kaz.analyst", "KAZ-SC", Role.ANALYST);
      rusToken = CliHarness.user(vigil, "rus.analyst", "RUS-SC", Role.ANALYST);
      Ownership rusNational = Ownership.of("RUS-SC", Classification.NATIONAL);
      List<Observation> rows =
          List.of(
              obs("RUS", "2024-01", 1111.5, rusNational),
              obs("RUS", "2024-02", 2222.5, rusNational),
              obs("RUS", "2023-12", 80, Ownership.of("RUS-SC", Classification.PUBLIC)),
              obs("KAZ", "2024-01", 10, Ownership.of("KAZ-SC", Classification.NATIONAL)));
      vigil
          .observations()
          .append(
              sys,
              new IngestBatch(
                  0,
                  "system",
                  "RUS-SC",
                  Instant.EPOCH,
                  "t.csv",
                  "ab".repeat(32),
                  "long-csv",
                  4,
                  0,
                  0),
              rows);
    }
  }

  static Observation obs(String area, String period, double v, Ownership o) {
    return new Observation("TEST_CRIME", area, Period.parse(period), v, "", "test", 0, null, o);
  }

  @Test
  void areas_json_isAnArrayOfObjects() {
    Run r = vigil("--format", "json", "areas");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out())
        .startsWith("[")
        .contains("\"code\" : \"KAZ\"")
        .contains("\"name_ru\" : \"Россия\"");
  }

  @Test
  void areas_csv_hasHeaderAndRows() {
    Run r = vigil("areas", "--format", "csv");
    assertThat(r.exit()).isZero();
    assertThat(r.out().lines().toList())
        .startsWith("code,kind,name_en,name_ru,iso2,parent,level,marks")
        .contains("KAZ,COUNTRY,Kazakhstan,Казахстан,KZ,,0,");
  }

  @Test
  void badFormat_exits2_withOneLine() {
    Run r = vigil("--format", "xml", "areas");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err().strip().lines()).hasSize(1);
    assertThat(r.err()).contains("--format").contains("xml");
  }

  @Test
  void serve_portInUse_exits2_withOneLineNamingThePortAndTheOption() throws Exception {
    try (java.net.ServerSocket busy =
        new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
      String port = String.valueOf(busy.getLocalPort());
      Run r = vigil("serve", "--port", port, "--analyse-every", "off");
      assertThat(r.exit()).as(r.err()).isEqualTo(2);
      assertThat(r.err().strip().lines()).as(r.err()).hasSize(1);
      assertThat(r.err())
          .contains("Port " + port + " on 127.0.0.1 is in use")
          .contains("--port")
          .doesNotContain("internal error");
    }
  }

  @Test
  void missingOption_exits2_withOneLine() {
    Run r = vigil("series", "--indicator", "TEST_CRIME");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err().strip().lines()).hasSize(1);
    assertThat(r.err()).contains("--area");
  }

  @Test
  void series_areaByRussianNameInAnotherCase_findsTheArea() {
    Run r =
        vigil(
            "series",
            "--indicator",
            "TEST_CRIME",
            "--area",
            "России",
            "--token",
            rusToken,
            "--format",
            "csv");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("2024-01,1111.5");
  }

  @Test
  void series_unknownArea_exits2NamingTheClosest() {
    Run r = vigil("series", "--indicator", "TEST_CRIME", "--area", "Rusia");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err().strip().lines()).hasSize(1);
    assertThat(r.err()).contains("Unknown area 'Rusia'").contains("RUS (Russia)");
  }

  @Test
  void forecast_countSeries_printsWholeNonNegativeIntervals() {
    try (Vigil vigil = Vigil.open(VigilConfig.fromEnvironment().withDbUrl(url()))) {
      List<Observation> rows = new ArrayList<>();
      java.util.Random random = new java.util.Random(5);
      Ownership kaz = Ownership.of("KAZ-SC", Classification.NATIONAL);
      for (int m = 0; m < 36; m++) {
        String p = String.format(java.util.Locale.ROOT, "%d-%02d", 2020 + m / 12, m % 12 + 1);
        rows.add(obs("KAZ", p, random.nextInt(4), kaz));
      }
      vigil
          .observations()
          .append(
              AccessContext.system(),
              new IngestBatch(
                  0,
                  "system",
                  "KAZ-SC",
                  Instant.EPOCH,
                  "k.csv",
                  "cd".repeat(32),
                  "long-csv",
                  36,
                  0,
                  0),
              rows);
    }
    Run r =
        vigil(
            "--format",
            "csv",
            "--token",
            kazToken,
            "forecast",
            "--indicator",
            "TEST_CRIME",
            "--area",
            "KZ",
            "--horizon",
            "6");
    assertThat(r.exit()).as(r.err()).isZero();
    List<String> lines = r.out().lines().toList();
    assertThat(lines.get(0)).isEqualTo("period,forecast,lower_80,upper_80,lower_95,upper_95");
    assertThat(lines).hasSize(7);
    for (String line : lines.subList(1, 7)) {
      for (String cell : line.substring(line.indexOf(',') + 1).split(",")) {
        assertThat(cell).matches("\\d+");
      }
    }
    assertThat(r.err()).contains("counts");
  }

  @Test
  void forecast_badHorizonOrUnknownIndicator_exits2_onBothEngines() {
    for (String engine : List.of("inprocess", "spark")) {
      Run h =
          vigil(
              "forecast",
              "--engine",
              engine,
              "--indicator",
              "TEST_CRIME",
              "--area",
              "KZ",
              "--horizon",
              "0");
      assertThat(h.exit()).as(engine).isEqualTo(2);
      assertThat(h.err()).as(engine).contains("--horizon must be 1-120, found 0");
      Run i = vigil("forecast", "--engine", engine, "--indicator", "nope", "--area", "KZ");
      assertThat(i.exit()).as(engine).isEqualTo(2);
      assertThat(i.err())
          .as(engine)
          .startsWith("vigil: Unknown indicator 'nope'; list them with: vigil indicators");
    }
  }

  @Test
  void series_unknownIndicator_exits2() {
    Run r = vigil("series", "--indicator", "NOPE", "--area", "KAZ");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).startsWith("vigil: Unknown indicator 'NOPE'");
  }

  @Test
  void series_otherOrganisationsToken_showsNoNationalValues() {
    Run kaz =
        vigil(
            "series",
            "--indicator",
            "TEST_CRIME",
            "--area",
            "RUS",
            "--token",
            kazToken,
            "--format",
            "csv");
    assertThat(kaz.exit()).as(kaz.err()).isZero();
    assertThat(kaz.out()).contains("2023-12,80").doesNotContain("1111.5").doesNotContain("2222.5");
    Run rus =
        vigil(
            "series",
            "--indicator",
            "TEST_CRIME",
            "--area",
            "RUS",
            "--token",
            rusToken,
            "--format",
            "csv");
    assertThat(rus.out()).contains("1111.5").contains("2222.5");
    Run anonymous =
        vigil("series", "--indicator", "TEST_CRIME", "--area", "RUS", "--format", "csv");
    assertThat(anonymous.out()).contains("80").doesNotContain("1111.5");
  }

  @Test
  void export_otherOrganisationsToken_containsNoNationalValues() {
    Run r = vigil("export", "--indicator", "TEST_CRIME", "--as", "sdmx-csv", "--token", kazToken);
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out())
        .startsWith("DATAFLOW,")
        .contains(",RUS,TEST_CRIME,2023-12,80,A,")
        .contains(",KAZ,TEST_CRIME,2024-01,10,");
    assertThat(r.out()).doesNotContain("1111.5").doesNotContain("2222.5");
  }

  @Test
  void export_sdmxMlWithVintages_isReadBackByIngestWithoutAFormat() throws Exception {
    Path file = dir.resolve("kaz.data");
    Run r =
        vigil(
            "export",
            "--format",
            "sdmx-ml",
            "--all-vintages",
            "--area",
            "RUS",
            "--from",
            "2023-12",
            "--to",
            "2024-02",
            "--output",
            file.toString(),
            "--token",
            kazToken);
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.err()).contains("Wrote 1 observations");
    String xml = Files.readString(file);
    assertThat(xml)
        .contains("StructureSpecificData")
        .contains("validFromDate=")
        .contains("<Obs TIME_PERIOD=\"2023-12\" OBS_VALUE=\"80\"")
        .doesNotContain("1111.5");
    Run json =
        vigil("export", "--as", "sdmx-json-2", "--indicator", "TEST_CRIME", "--token", kazToken);
    assertThat(json.exit()).as(json.err()).isZero();
    assertThat(json.out()).contains("\"structures\"").doesNotContain("1111.5");
    Run in = vigil("ingest", file.toString(), "--owner", "RUS-SC", "--classification", "PUBLIC");
    assertThat(in.exit()).as(in.err() + in.out()).isZero();
    assertThat(in.out() + in.err()).containsIgnoringCase("sdmx-ml");
  }

  @Test
  void forgedToken_exits2() {
    Run r = vigil("series", "--indicator", "TEST_CRIME", "--area", "RUS", "--token", "vgl_forged");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.out()).doesNotContain("1111.5");
  }

  @Test
  void usersAdd_thenList_thenSetRole() throws Exception {
    Path pw = Files.writeString(dir.resolve("pw"), "a long enough password\n");
    Run add =
        vigil(
            "users",
            "add",
            "new.user",
            "--org",
            "KAZ-SC",
            "--role",
            "viewer",
            "--password-file",
            pw.toString());
    assertThat(add.exit()).as(add.err()).isZero();
    Run set = vigil("users", "set-role", "new.user", "analyst");
    assertThat(set.exit()).as(set.err()).isZero();
    Run list = vigil("users", "list", "--format", "csv");
    assertThat(list.out()).contains("new.user,KAZ-SC,ANALYST,true");
    Path weak = Files.writeString(dir.resolve("weak"), "short\n");
    Run bad =
        vigil(
            "users",
            "add",
            "weak.user",
            "--org",
            "KAZ-SC",
            "--role",
            "viewer",
            "--password-file",
            weak.toString());
    assertThat(bad.exit()).isEqualTo(2);
    assertThat(bad.err()).contains("12 to 256");
  }

  @Test
  void auditVerify_intact_exits0_tampered_exits3NamingEntry() throws Exception {
    Run ok = vigil("audit", "verify");
    assertThat(ok.exit()).as(ok.err()).isZero();
    assertThat(ok.out()).contains("intact");
    try (Vigil vigil = Vigil.open(VigilConfig.fromEnvironment().withDbUrl(url()));
        Connection c = vigil.dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.executeUpdate("UPDATE audit_log SET detail = 'tampered' WHERE seq = 2");
    }
    Run broken = vigil("audit", "verify");
    assertThat(broken.exit()).isEqualTo(3);
    assertThat(broken.err()).contains("BROKEN at entry 2");
  }
}
