package org.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.app.Vigil;
import org.vigil.app.VigilConfig;
import org.vigil.cli.CliHarness.Run;
import org.vigil.model.AccessContext;
import org.vigil.model.Organisation;

/**
 * {@code vigil sources list|pull}: the list names every connector's source with its licence, and a
 * pull from a closed port prints one line, exits 2 and leaves the database as it was.
 */
class SourcesCommandTest {
  @TempDir Path dir;

  Run vigil(String... args) {
    return CliHarness.run(dir, args);
  }

  String url() {
    return CliHarness.url(dir);
  }

  @Test
  void list_namesEachSourceWithConnectorAndLicence() {
    Run r = vigil("--format", "csv", "sources", "list");

    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("worldbank-wdi,worldbank")
        .contains("owid-homicide-rate,owid")
        .contains("ucdp-ged,ucdp")
        .contains("eurostat-homicide,sdmx")
        .contains("CC BY 4.0");
    assertThat(vigil("--format", "csv", "sources", "list", "--lang", "ru").out())
        .contains("Организованное насилие");
  }

  @Test
  void pull_fromAClosedPort_printsOneLine_exits2_andStoresNothing() throws Exception {
    try (Vigil v = Vigil.open(VigilConfig.fromEnvironment().withDbUrl(url()))) {
      v.reference()
          .saveOrganisation(
              AccessContext.system(), new Organisation("SECRETARIAT", "S", "", "", true));
    }
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }

    Run r =
        vigil(
            "sources",
            "pull",
            "worldbank-wdi",
            "--since",
            "2020",
            "--base-url",
            "http://127.0.0.1:" + port);

    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err().strip())
        .isEqualTo(
            "vigil: cannot reach 127.0.0.1: connection refused or no route (no network?);"
                + " nothing was stored");
    assertThat(r.out()).isEmpty();
    try (Vigil v = Vigil.open(VigilConfig.fromEnvironment().withDbUrl(url()))) {
      assertThat(v.observations().batches(AccessContext.system())).isEmpty();
      assertThat(v.reference().indicator(AccessContext.system(), "REFUGEES_BY_ORIGIN")).isEmpty();
    }
  }

  @Test
  void pull_withABadDateOrUnknownSource_isOneLineOfBadInput() {
    Run date = vigil("sources", "pull", "worldbank-wdi", "--since", "last year");
    assertThat(date.exit()).isEqualTo(2);
    assertThat(date.err()).contains("--since: expected a date yyyy-MM-dd or a year yyyy");
    Run unknown = vigil("sources", "pull", "imf");
    assertThat(unknown.exit()).isEqualTo(2);
    assertThat(unknown.err()).contains("Unknown source 'imf'").contains("worldbank-wdi");
  }
}
