package org.vigil.app.sources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vigil.app.sources.SourceFixture.CLOCK;
import static org.vigil.app.sources.SourceFixture.OPERATOR;

import java.net.ServerSocket;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.vigil.app.Vigil;
import org.vigil.model.IngestBatch;
import org.vigil.model.Observation;

/**
 * The same three promises for every connector, against the recorded responses in {@code
 * src/test/resources/sources} served by a local HTTP server: the pull stores values with the
 * catalogue's licence and citation on its batch; a re-pull of the same answer adds no value, no
 * vintage and no batch; without network (a name that cannot resolve, a closed port) the pull fails
 * with one line naming the host and changes nothing.
 */
class SourceConnectorContractTest {

  /** Each built-in source with the recorded answer its requests get. */
  enum Recorded {
    OWID("owid-homicide-rate", uri -> "/sources/owid-homicide-rate.csv"),
    WORLD_BANK(
        "worldbank-wdi",
        uri ->
            uri.getPath().endsWith("/MS.MIL.XPND.GD.ZS")
                ? "/sources/worldbank-milex-page"
                    + RecordedSourceServer.query(uri, "page")
                    + ".json"
                : "/sources/worldbank-refugees-page1.json"),
    UCDP(
        "ucdp-ged",
        uri -> "/sources/ucdp-page" + RecordedSourceServer.query(uri, "page") + ".json"),
    SDMX_REST("eurostat-homicide", uri -> "/sources/eurostat-homicide.csv");

    final String source;
    final Function<URI, String> route;

    Recorded(String source, Function<URI, String> route) {
      this.source = source;
      this.route = route;
    }
  }

  private SourceFixture fixture;
  private Vigil vigil;

  @BeforeEach
  void open() {
    fixture = new SourceFixture("connector-", CLOCK);
    vigil = fixture.vigil();
  }

  @AfterEach
  void close() {
    fixture.close();
  }

  /** Every stored vintage of every indicator the source maps to, as text. */
  private List<String> everything(Recorded r) {
    List<String> out = new ArrayList<>();
    for (IndicatorMapping m : SourceCatalog.builtIn().find(r.source).indicators()) {
      for (Observation o : vigil.observations().history(OPERATOR, m.indicator(), Instant.MAX)) {
        out.add(
            o.indicator() + "/" + o.area() + "/" + o.period() + "=" + o.value() + "@" + o.batch());
      }
    }
    return out;
  }

  @ParameterizedTest
  @EnumSource(Recorded.class)
  void pull_storesTheValuesWithLicenceAndCitation_andARePullAddsNothing(Recorded r) {
    SourceSpec spec = SourceCatalog.builtIn().find(r.source);
    SourceService s = fixture.recorded(r.source, r.route);

    SourcePull first = s.pull(OPERATOR, r.source, Optional.empty());

    assertThat(first.rowsAdded()).isPositive();
    IngestBatch batch =
        vigil.observations().batches(OPERATOR).stream()
            .filter(b -> b.id() == first.batchId())
            .findFirst()
            .orElseThrow();
    assertThat(batch.licence()).isEqualTo(spec.licence()).isNotBlank();
    assertThat(batch.citation()).isEqualTo(spec.citation()).isNotBlank();
    List<String> before = everything(r);
    assertThat(before).hasSize(first.rowsAdded());
    int batches = vigil.observations().batches(OPERATOR).size();

    SourcePull again = s.pull(OPERATOR, r.source, Optional.empty());

    assertThat(again.rowsAdded()).isZero();
    assertThat(everything(r)).isEqualTo(before);
    assertThat(vigil.observations().batches(OPERATOR)).hasSize(batches);
    assertThat(fixture.server().requests()).hasSizeGreaterThanOrEqualTo(2);
  }

  @ParameterizedTest
  @EnumSource(Recorded.class)
  void pull_withoutNetwork_failsWithOneLineNamingTheHost_andChangesNothing(Recorded r)
      throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    long rows = vigil.observations().count(OPERATOR);
    int indicators = vigil.reference().indicators(OPERATOR).size();

    assertThatThrownBy(
            () ->
                fixture
                    .service(r.source, "http://vigil-test.invalid")
                    .pull(OPERATOR, r.source, Optional.empty()))
        .isInstanceOf(SourceUnavailableException.class)
        .hasMessage(
            "cannot reach vigil-test.invalid: the name does not resolve (no network or DNS?);"
                + " nothing was stored");
    assertThatThrownBy(
            () ->
                fixture
                    .service(r.source, "http://127.0.0.1:" + port)
                    .pull(OPERATOR, r.source, Optional.empty()))
        .isInstanceOf(SourceUnavailableException.class)
        .hasMessageStartingWith("cannot reach 127.0.0.1: ")
        .hasMessageEndingWith("; nothing was stored")
        .hasMessageNotContaining("\n");

    assertThat(vigil.observations().count(OPERATOR)).isEqualTo(rows).isZero();
    assertThat(vigil.observations().batches(OPERATOR)).isEmpty();
    assertThat(vigil.reference().indicators(OPERATOR)).hasSize(indicators);
  }
}
