package org.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.app.Vigil;
import org.vigil.app.auth.AuthService;
import org.vigil.app.demo.DemoData;
import org.vigil.app.programme.ProgrammeDemo;
import org.vigil.cli.CliHarness.Run;
import org.vigil.model.Role;

/** {@code vigil programme} over the demo in a file database: formats, exit codes, the flow. */
class ProgrammeCommandTest {
  static final String NEW_PASSWORD = "Programme fixture passphrase 2026";

  @TempDir static Path dir;
  static String analyst;
  static String coordinator;
  static String kgzCoordinator;
  static String rusCoordinator;

  Run vigil(String... args) {
    return CliHarness.run(dir, args);
  }

  String url() {
    return CliHarness.url(dir);
  }

  @BeforeAll
  static void demo() {
    try (Vigil vigil = CliHarness.open(dir)) {
      DemoData.load(vigil);
      AuthService auth =
          new AuthService(
              vigil.users(), vigil.tokens(), vigil.audit(), vigil.clock(), new SecureRandom());
      // Outside serve --demo the demo logins must change their published password before their
      // sessions and tokens work: each user of the fixture changes it first, as a user would.
      for (String user :
          new String[] {
            "kgz.analyst", "secretariat.coordinator", "kgz.coordinator", "rus.coordinator"
          }) {
        auth.changeOwnPassword(user, DemoData.PASSWORD, NEW_PASSWORD, "test", "");
      }
      analyst = CliHarness.token(vigil, "kgz.analyst", "KGZ-SC", Role.ANALYST);
      coordinator =
          CliHarness.token(
              vigil, "secretariat.coordinator", "SECRETARIAT", Role.PROGRAMME_COORDINATOR);
      kgzCoordinator =
          CliHarness.token(vigil, "kgz.coordinator", "KGZ-SC", Role.PROGRAMME_COORDINATOR);
      rusCoordinator =
          CliHarness.token(vigil, "rus.coordinator", "RUS-SC", Role.PROGRAMME_COORDINATOR);
    }
  }

  @Test
  void list_csv_bothDemoProgrammes() {
    Run r = vigil("programme", "list", "--format", "csv");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out())
        .startsWith("code,title,start,end,parties,active,latest,drafts,measures,kpis");
    assertThat(r.out()).contains(ProgrammeDemo.CRIME + ",", ProgrammeDemo.TERRORISM + ",");
  }

  @Test
  void drift_json_warnsOnTheMissingKpis() {
    Run r =
        vigil("programme", "drift", ProgrammeDemo.CRIME, "--format", "json", "--token", analyst);
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("\"kpi\" : \"K1\"", "\"status\" : \"AT_RISK\"", "K1-TARGET");
    assertThat(r.err()).contains("warning(s) on v");
  }

  @Test
  void acceptDecideDiff_diffShowsExactlyTheAcceptedChange() {
    Run accepted =
        vigil(
            "programme",
            "accept",
            ProgrammeDemo.CRIME,
            "K4-TARGET",
            "--token",
            analyst,
            "--format",
            "csv");
    assertThat(accepted.exit()).as(accepted.err()).isZero();
    String version = accepted.out().lines().skip(1).findFirst().orElseThrow().split(",")[0];

    Run denied = vigil("programme", "decide", ProgrammeDemo.CRIME, version, "--token", analyst);
    assertThat(denied.exit()).isEqualTo(VigilCommand.BAD_INPUT);
    assertThat(denied.err()).contains("PROGRAMME_COORDINATOR");

    Run approved =
        vigil("programme", "decide", ProgrammeDemo.CRIME, version, "--token", coordinator);
    assertThat(approved.exit()).as(approved.err()).isZero();
    assertThat(approved.out()).contains("APPROVED");

    int v = Integer.parseInt(version);
    Run diff =
        vigil(
            "programme",
            "diff",
            ProgrammeDemo.CRIME,
            String.valueOf(v - 1),
            version,
            "--format",
            "csv");
    assertThat(diff.out().lines().toList()).hasSize(2);
    assertThat(diff.out()).contains("CHANGED,kpis[K4].target,");
  }

  @Test
  void import_badFile_exit2NamingFieldAndLine() throws Exception {
    Path f = dir.resolve("bad.json");
    Run export = vigil("programme", "export", ProgrammeDemo.TERRORISM);
    Files.writeString(f, export.out().replace("\"target\" : ", "\"target\" : \"x\", \"y\" : "));
    Run r = vigil("programme", "import", f.toString(), "--token", analyst);
    assertThat(r.exit()).isEqualTo(VigilCommand.BAD_INPUT);
    assertThat(r.err()).contains("bad.json, line ").contains("$.kpis[0].target");
  }

  /**
   * Issue 17, programme amendment from the command line: Kyrgyzstan's analyst adds a joint KPI
   * (area CIS), which concerns every party; Kyrgyzstan's own coordinator cannot approve it (exit 2,
   * one line), Russia's approval leaves it a draft awaiting the rest, the secretariat's puts it in
   * force.
   */
  @Test
  void import_jointKpi_awaitsEveryOtherParty_decideRefusesTheDrafter_secretariatApproves()
      throws Exception {
    com.fasterxml.jackson.databind.ObjectMapper json =
        new com.fasterxml.jackson.databind.ObjectMapper();
    Run export = vigil("programme", "export", ProgrammeDemo.CRIME);
    assertThat(export.exit()).as(export.err()).isZero();
    com.fasterxml.jackson.databind.node.ObjectNode doc =
        (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(export.out());
    com.fasterxml.jackson.databind.node.ObjectNode joint =
        ((com.fasterxml.jackson.databind.node.ObjectNode) doc.get("kpis").get(0)).deepCopy();
    joint.put("code", "KJ").put("area", "CIS").put("nameEn", "CIS-wide drug offences down 5%");
    ((com.fasterxml.jackson.databind.node.ArrayNode) doc.get("kpis")).add(joint);
    Path f = dir.resolve("joint.json");
    Files.writeString(f, json.writeValueAsString(doc));

    Run imported =
        vigil("programme", "import", f.toString(), "--token", analyst, "--format", "csv");
    assertThat(imported.exit()).as(imported.err()).isZero();
    String row = imported.out().lines().skip(1).findFirst().orElseThrow();
    String version = row.split(",")[0];
    assertThat(row).endsWith("ARM AZE BLR KAZ RUS TJK UZB,ARM AZE BLR KAZ RUS TJK UZB");

    Run own = vigil("programme", "decide", ProgrammeDemo.CRIME, version, "--token", kgzCoordinator);
    assertThat(own.exit()).isEqualTo(VigilCommand.BAD_INPUT);
    assertThat(own.err().strip().lines()).hasSize(1);
    assertThat(own.err()).contains("KPIs or measures of ARM, AZE, BLR, KAZ, RUS, TJK, UZB");

    Run one =
        vigil(
            "programme",
            "decide",
            ProgrammeDemo.CRIME,
            version,
            "--token",
            rusCoordinator,
            "--format",
            "csv");
    assertThat(one.exit()).as(one.err()).isZero();
    assertThat(one.out()).contains(",DRAFT,").contains(",ARM AZE BLR KAZ TJK UZB");

    Run sec = vigil("programme", "decide", ProgrammeDemo.CRIME, version, "--token", coordinator);
    assertThat(sec.exit()).as(sec.err()).isZero();
    assertThat(sec.out()).contains("APPROVED");
  }
}
