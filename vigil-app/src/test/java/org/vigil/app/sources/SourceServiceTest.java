package org.vigil.app.sources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.vigil.app.sources.SourceFixture.CLOCK;
import static org.vigil.app.sources.SourceFixture.OPERATOR;

import java.net.ServerSocket;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vigil.app.Vigil;
import org.vigil.model.AccessContext;
import org.vigil.model.AccessDeniedException;
import org.vigil.model.Classification;
import org.vigil.model.IngestBatch;
import org.vigil.model.InvalidInputException;
import org.vigil.model.Observation;
import org.vigil.model.Role;

/**
 * Each connector against recorded responses served by a local HTTP server: parsed into the expected
 * series, licence and citation stored with the batch, a re-pull adds nothing, a closed port fails
 * with one clear line and stores nothing.
 */
class SourceServiceTest {

  private SourceFixture fixture;
  private Vigil vigil;

  @BeforeEach
  void open() {
    fixture = new SourceFixture("sources-", CLOCK);
    vigil = fixture.vigil();
  }

  @AfterEach
  void close() {
    fixture.close();
  }

  private SourceService service(String source, Function<URI, String> route) {
    return fixture.recorded(source, route);
  }

  private static Function<URI, String> worldBank() {
    return uri -> {
      String page = RecordedSourceServer.query(uri, "page");
      if (uri.getPath().endsWith("/MS.MIL.XPND.GD.ZS")) {
        return "/sources/worldbank-milex-page" + page + ".json";
      }
      return uri.getPath().endsWith("/SM.POP.REFG.OR")
          ? "/sources/worldbank-refugees-page1.json"
          : null;
    };
  }

  private double value(String indicator, String area, String period) {
    return vigil.observations().series(OPERATOR, indicator, area).stream()
        .filter(o -> o.period().toString().equals(period))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + indicator + "/" + area + "/" + period))
        .value();
  }

  private long stored() {
    return vigil.observations().count(OPERATOR);
  }

  @Test
  void worldBank_pagesOfEachIndicator_becomeSeriesWithLicenceAndCitation() {
    SourceService s = service("worldbank-wdi", worldBank());

    SourcePull pull = s.pull(OPERATOR, "worldbank-wdi", Optional.empty());

    // 7 rows on two pages of MS.MIL.XPND.GD.ZS (2 of them null gaps) and 3 of SM.POP.REFG.OR
    assertThat(pull.records()).isEqualTo(10);
    assertThat(pull.pages()).isEqualTo(3);
    assertThat(pull.rowsAdded()).isEqualTo(8);
    assertThat(value("WB_MILITARY_EXPENDITURE_GDP", "KAZ", "2023"))
        .isCloseTo(0.531219410896301, within(1e-12));
    assertThat(value("WB_MILITARY_EXPENDITURE_GDP", "RUS", "2022"))
        .isCloseTo(4.06344938278198, within(1e-12));
    assertThat(value("REFUGEES_BY_ORIGIN", "TJK", "2023")).isEqualTo(7221);
    assertThat(vigil.observations().series(OPERATOR, "WB_MILITARY_EXPENDITURE_GDP", "ARM"))
        .extracting(o -> o.period().toString())
        .containsExactly("2023");
    assertThat(pull.indicatorsCreated())
        .containsExactly("WB_MILITARY_EXPENDITURE_GDP", "REFUGEES_BY_ORIGIN");
    Observation o = vigil.observations().series(OPERATOR, "REFUGEES_BY_ORIGIN", "RUS").get(0);
    assertThat(o.ownership().owner()).isEqualTo("SECRETARIAT");
    assertThat(o.ownership().classification()).isEqualTo(Classification.PUBLIC);
    assertThat(vigil.observations().series(AccessContext.anonymous(), "REFUGEES_BY_ORIGIN", "RUS"))
        .hasSize(1);
    IngestBatch batch = batch(pull.batchId());
    assertThat(batch.licence()).isEqualTo("CC BY 4.0");
    assertThat(batch.citation()).startsWith("World Bank, World Development Indicators");
    assertThat(batch.sourceFile())
        .contains(
            "/v2/country/ARM;AZE;BLR;KAZ;KGZ;MDA;RUS;TJK;TKM;UZB/indicator/MS.MIL.XPND.GD.ZS");
    assertThat(fixture.server().requests())
        .extracting(u -> RecordedSourceServer.query(u, "format"))
        .containsOnly("json");
    assertThat(vigil.audit().entries(OPERATOR, 0, 1000))
        .anyMatch(e -> e.action().equals("sources.pull") && e.subject().equals("worldbank-wdi"));
  }

  private IngestBatch batch(long id) {
    return vigil.observations().batches(OPERATOR).stream()
        .filter(b -> b.id() == id)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no batch " + id));
  }

  @Test
  void worldBank_rePull_addsNothing() {
    SourceService s = service("worldbank-wdi", worldBank());
    s.pull(OPERATOR, "worldbank-wdi", Optional.empty());
    long rows = stored();
    int batches = vigil.observations().batches(OPERATOR).size();

    SourcePull again = s.pull(OPERATOR, "worldbank-wdi", Optional.empty());

    assertThat(again.rowsAdded()).isZero();
    assertThat(again.batchId()).isZero();
    assertThat(stored()).isEqualTo(rows);
    assertThat(vigil.observations().batches(OPERATOR)).hasSize(batches);
    assertThat(
            vigil
                .observations()
                .vintages(
                    OPERATOR,
                    "WB_MILITARY_EXPENDITURE_GDP",
                    "KAZ",
                    org.vigil.timeseries.Period.parse("2023")))
        .hasSize(1);
  }

  @Test
  void worldBank_since_asksForTheYearsFromItToThisYear() {
    SourceService s = service("worldbank-wdi", worldBank());

    s.pull(OPERATOR, "worldbank-wdi", Optional.of(LocalDate.of(2022, 6, 1)));

    assertThat(fixture.server().requests())
        .extracting(u -> RecordedSourceServer.query(u, "date"))
        .containsOnly("2022:2026");
  }

  @Test
  void worldBank_errorDocument_failsNamingTheApiMessage_andStoresNothing() {
    SourceService s = service("worldbank-wdi", uri -> "/sources/worldbank-error.json");

    assertThatThrownBy(() -> s.pull(OPERATOR, "worldbank-wdi", Optional.empty()))
        .isInstanceOf(SourceUnavailableException.class)
        .hasMessageContaining("120 Invalid value: The provided parameter value is not valid")
        .hasMessageEndingWith("nothing was stored");
    assertThat(stored()).isZero();
    assertThat(vigil.reference().indicator(OPERATOR, "REFUGEES_BY_ORIGIN")).isEmpty();
  }

  @Test
  void owid_graphCsv_becomesTheMappedIndicator_regionsSkipped() {
    SourceService s = service("owid-homicide-rate", uri -> "/sources/owid-homicide-rate.csv");

    SourcePull pull = s.pull(OPERATOR, "owid-homicide-rate", Optional.empty());

    assertThat(pull.rowsAdded()).isEqualTo(6);
    assertThat(value("HOMICIDE_RATE", "RUS", "2020")).isCloseTo(7.3433423, within(1e-9));
    assertThat(value("HOMICIDE_RATE", "ARM", "2019")).isCloseTo(1.8018916, within(1e-9));
    assertThat(pull.result().read().skipped()).hasSize(1);
    assertThat(vigil.observations().series(OPERATOR, "HOMICIDE_RATE", "KAZ").get(0).source())
        .isEqualTo("owid-homicide-rate");
    assertThat(batch(pull.batchId()).licence()).isEqualTo("CC BY 4.0");
    assertThat(batch(pull.batchId()).citation()).contains("Our World in Data");
    URI request = fixture.server().requests().get(0);
    assertThat(request.getPath()).isEqualTo("/grapher/homicide-rate-unodc.csv");
    assertThat(RecordedSourceServer.query(request, "country"))
        .isEqualTo("~ARM~AZE~BLR~KAZ~KGZ~MDA~RUS~TJK~TKM~UZB");
    assertThat(RecordedSourceServer.query(request, "time")).isNull();
  }

  @Test
  void owid_since_asksForYearsFromIt_andRePullAddsNothing() {
    SourceService s = service("owid-homicide-rate", uri -> "/sources/owid-homicide-rate.csv");
    s.pull(OPERATOR, "owid-homicide-rate", Optional.empty());
    long rows = stored();
    fixture.server().route(uri -> "/sources/owid-homicide-rate-2020.csv");

    SourcePull again =
        s.pull(OPERATOR, "owid-homicide-rate", Optional.of(LocalDate.of(2020, 1, 1)));

    assertThat(RecordedSourceServer.query(fixture.server().requests().get(1), "time"))
        .isEqualTo("2020..latest");
    assertThat(again.rowsAdded()).isZero();
    assertThat(stored()).isEqualTo(rows);
  }

  @Test
  void ucdp_events_areCountedPerStateAndMonth_withZeroMonths_andNoActorKept() {
    SourceService s =
        service(
            "ucdp-ged",
            uri -> "/sources/ucdp-page" + RecordedSourceServer.query(uri, "page") + ".json");

    SourcePull pull = s.pull(OPERATOR, "ucdp-ged", Optional.empty());

    assertThat(pull.records()).isEqualTo(5);
    assertThat(pull.pages()).isEqualTo(2);
    // 10 states x 4 months (2023-03..2023-06) x 2 measures; the Ukrainian event is not counted
    assertThat(pull.rowsAdded()).isEqualTo(80);
    assertThat(value("UCDP_EVENTS", "RUS", "2023-05")).isEqualTo(2);
    assertThat(value("UCDP_FATALITIES", "RUS", "2023-05")).isEqualTo(13);
    assertThat(value("UCDP_EVENTS", "RUS", "2023-06")).isEqualTo(1);
    assertThat(value("UCDP_EVENTS", "RUS", "2023-04")).isZero();
    assertThat(value("UCDP_FATALITIES", "TJK", "2023-03")).isEqualTo(3);
    assertThat(value("UCDP_EVENTS", "KAZ", "2023-06")).isZero();
    assertThat(vigil.reference().areas(OPERATOR)).noneMatch(a -> a.code().equals("UKR"));
    for (Observation o : vigil.observations().series(OPERATOR, "UCDP_EVENTS", "RUS")) {
      assertThat(o.source()).doesNotContain("Government").doesNotContain("Belgorod");
    }
    assertThat(batch(pull.batchId()).citation()).contains("Sundberg");
    URI first = fixture.server().requests().get(0);
    assertThat(first.getPath()).isEqualTo("/api/gedevents/25.1");
    assertThat(RecordedSourceServer.query(first, "Country"))
        .isEqualTo("371,373,370,705,703,359,365,702,701,704");
    assertThat(s.pull(OPERATOR, "ucdp-ged", Optional.empty()).rowsAdded()).isZero();
  }

  @Test
  void ucdp_token_isSentFromTheNamedVariable_andSinceBecomesStartDate() {
    String baseUrl =
        fixture.serve(
            uri -> "/sources/ucdp-page" + RecordedSourceServer.query(uri, "page") + ".json");
    SourceService s =
        new SourceService(
            vigil,
            SourceCatalog.builtIn().withBaseUrl("ucdp-ged", baseUrl),
            SourceHttp.standard(),
            Map.of("VIGIL_UCDP_TOKEN", "t0ken"));

    SourcePull pull = s.pull(OPERATOR, "ucdp-ged", Optional.of(LocalDate.of(2023, 5, 1)));

    URI first = fixture.server().requests().get(0);
    assertThat(RecordedSourceServer.query(first, "StartDate")).isEqualTo("2023-05-01");
    assertThat(fixture.server().headersOf(first).get("X-ucdp-access-token"))
        .containsExactly("t0ken");
    // from the month asked for: 10 states x 2 months x 2 measures (the recorded answer is not cut)
    assertThat(pull.rowsAdded()).isEqualTo(40);
  }

  @Test
  void sdmx_csvFromTheEndpoint_isReadWithTheMappedIndicator() {
    SourceService s = service("eurostat-homicide", uri -> "/sources/eurostat-homicide.csv");

    SourcePull pull = s.pull(OPERATOR, "eurostat-homicide", Optional.of(LocalDate.of(2020, 3, 1)));

    assertThat(pull.rowsAdded()).isEqualTo(4);
    assertThat(value("HOMICIDE_RATE_POLICE", "MDA", "2021")).isCloseTo(2.84, within(1e-12));
    URI request = fixture.server().requests().get(0);
    assertThat(request.getPath())
        .isEqualTo("/data/crim_off_cat/A.ICCS0101.P_HTHAB.AM+AZ+BY+KZ+KG+MD+RU+TJ+TM+UZ");
    assertThat(RecordedSourceServer.query(request, "startPeriod")).isEqualTo("2020");
    assertThat(RecordedSourceServer.query(request, "format")).isEqualTo("SDMX-CSV");
    assertThat(fixture.server().headersOf(request).get("Accept"))
        .containsExactly(SdmxConnector.ACCEPT);
    assertThat(batch(pull.batchId()).citation()).contains("crim_off_cat");
  }

  @Test
  void sdmx_rePullOfAnUpdatedFileWithTheSameValues_addsNoVintage() {
    SourceService s = service("eurostat-homicide", uri -> "/sources/eurostat-homicide.csv");
    s.pull(OPERATOR, "eurostat-homicide", Optional.empty());
    long rows = stored();
    int batches = vigil.observations().batches(OPERATOR).size();
    fixture.server().route(uri -> "/sources/eurostat-homicide-updated.csv");

    SourcePull again = s.pull(OPERATOR, "eurostat-homicide", Optional.empty());

    assertThat(again.result().alreadyLoaded()).isFalse(); // other bytes: the values decide
    assertThat(again.rowsAdded()).isZero();
    assertThat(stored()).isEqualTo(rows);
    assertThat(vigil.observations().batches(OPERATOR)).hasSize(batches);
  }

  @Test
  void pull_againstAClosedPort_failsWithOneClearLine_andChangesNothing() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    SourceService s =
        new SourceService(
            vigil,
            SourceCatalog.builtIn().withBaseUrl("worldbank-wdi", "http://127.0.0.1:" + port),
            SourceHttp.standard(),
            Map.of());
    int indicators = vigil.reference().indicators(OPERATOR).size();
    long lastSeq =
        vigil.audit().entries(OPERATOR, 0, 10_000).stream().mapToLong(e -> e.seq()).max().orElse(0);

    assertThatThrownBy(() -> s.pull(OPERATOR, "worldbank-wdi", Optional.empty()))
        .isInstanceOf(SourceUnavailableException.class)
        .hasMessage(
            "cannot reach 127.0.0.1: connection refused or no route (no network?); nothing was stored");
    assertThat(stored()).isZero();
    assertThat(vigil.observations().batches(OPERATOR)).isEmpty();
    assertThat(vigil.reference().indicators(OPERATOR)).hasSize(indicators);
    // reading the audit log is itself audited (audit.read); nothing else was written
    assertThat(vigil.audit().entries(OPERATOR, lastSeq, 10_000))
        .extracting(e -> e.action())
        .containsOnly("audit.read");
  }

  @Test
  void pull_byAnAnalyst_isRefused_andAnUnknownSourceNamesTheKnownOnes() {
    SourceService s = service("worldbank-wdi", worldBank());

    assertThatThrownBy(
            () ->
                s.pull(
                    AccessContext.of("kaz.analyst", "KAZ-SC", Role.ANALYST),
                    "worldbank-wdi",
                    Optional.empty()))
        .isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> s.pull(OPERATOR, "imf", Optional.empty()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("eurostat-homicide, owid-homicide-rate, ucdp-ged, worldbank-wdi");
    assertThatThrownBy(
            () -> s.pull(OPERATOR, "worldbank-wdi", Optional.of(LocalDate.of(2027, 1, 1))))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("after today");
    assertThat(fixture.server().requests()).isEmpty();
  }

  @Test
  void catalogue_everySourceHasLicenceCitationAndMapping() {
    List<SourceSpec> all = SourceCatalog.builtIn().sources();
    assertThat(all).extracting(SourceSpec::kind).contains(SourceKind.values());
    assertThat(SourceCatalog.builtIn().owner()).isEqualTo("SECRETARIAT");
    assertThat(SourceCatalog.urlVariable("worldbank-wdi"))
        .isEqualTo("VIGIL_SOURCE_URL_WORLDBANK_WDI");
    SourceCatalog env =
        SourceCatalog.fromEnvironment(Map.of("VIGIL_SOURCE_URL_UCDP_GED", "http://127.0.0.1:9/"));
    assertThat(env.find("ucdp-ged").baseUrl()).isEqualTo("http://127.0.0.1:9");
  }
}
