package org.vigil.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.model.AccessContext;
import org.vigil.model.IngestBatch;
import org.vigil.store.TestClock;

/**
 * {@code /api/sources} against the real server, with a source of the settings' own catalogue file
 * ({@code VIGIL_SOURCES_FILE}) whose base URL is a local HTTP server answering in the World Bank's
 * format: the list, a pull by a system administrator (201, then 200 with nothing new), a refused
 * pull by a state's admin, and a source on a closed port (502 problem+json, nothing stored).
 */
class SourceApiTest {
  private static final String PAGE =
      "[{\"page\":1,\"pages\":1,\"per_page\":1000,\"total\":3,\"sourceid\":\"2\","
          + "\"lastupdated\":\"2024-12-16\"},["
          + "{\"indicator\":{\"id\":\"VC.IHR.PSRC.P5\",\"value\":\"Intentional homicides (per"
          + " 100,000 people)\"},\"country\":{\"id\":\"KZ\",\"value\":\"Kazakhstan\"},"
          + "\"countryiso3code\":\"KAZ\",\"date\":\"2021\",\"value\":3.5,\"unit\":\"\","
          + "\"obs_status\":\"\",\"decimal\":1},"
          + "{\"indicator\":{\"id\":\"VC.IHR.PSRC.P5\",\"value\":\"Intentional homicides (per"
          + " 100,000 people)\"},\"country\":{\"id\":\"KZ\",\"value\":\"Kazakhstan\"},"
          + "\"countryiso3code\":\"KAZ\",\"date\":\"2020\",\"value\":4.1,\"unit\":\"\","
          + "\"obs_status\":\"\",\"decimal\":1},"
          + "{\"indicator\":{\"id\":\"VC.IHR.PSRC.P5\",\"value\":\"Intentional homicides (per"
          + " 100,000 people)\"},\"country\":{\"id\":\"RU\",\"value\":\"Russian Federation\"},"
          + "\"countryiso3code\":\"RUS\",\"date\":\"2021\",\"value\":6.8,\"unit\":\"\","
          + "\"obs_status\":\"\",\"decimal\":1}]]";

  @TempDir Path dir;
  TestServer server;
  HttpServer worldBank;

  @BeforeEach
  void start() throws Exception {
    worldBank = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    worldBank.createContext(
        "/",
        x -> {
          byte[] body = PAGE.getBytes(StandardCharsets.UTF_8);
          x.sendResponseHeaders(200, body.length);
          try (OutputStream out = x.getResponseBody()) {
            out.write(body);
          }
        });
    worldBank.start();
    int closed;
    try (ServerSocket s = new ServerSocket(0)) {
      closed = s.getLocalPort();
    }
    Path catalogue = dir.resolve("sources.json");
    Files.writeString(
        catalogue,
        "{\"sources\":[{\"name\":\"wb-homicide\",\"connector\":\"worldbank\","
            + "\"baseUrl\":\"http://127.0.0.1:"
            + worldBank.getAddress().getPort()
            + "\",\"areas\":[\"KAZ\",\"RUS\"],\"licence\":\"CC BY 4.0\","
            + "\"citation\":\"World Bank, WDI, VC.IHR.PSRC.P5\","
            + "\"descriptionEn\":\"Homicides\",\"descriptionRu\":\"Убийства\","
            + "\"indicators\":[{\"sourceCode\":\"VC.IHR.PSRC.P5\",\"indicator\":\"WB_HOMICIDE_RATE\","
            + "\"domain\":\"ORGANISED_CRIME\",\"unit\":\"per 100,000\",\"frequency\":\"YEARLY\","
            + "\"polarity\":\"RISE_IS_BAD\",\"aggregation\":\"RATE\"}]}]}");
    TestClock clock = new TestClock(TestData.T0);
    server =
        TestServer.start(
            TestData.open("sources-" + System.nanoTime(), clock),
            ServerConfig.builder()
                .sourcesSettings(
                    Map.of(
                        "VIGIL_SOURCES_FILE",
                        catalogue.toString(),
                        "VIGIL_SOURCE_URL_WORLDBANK_WDI",
                        "http://127.0.0.1:" + closed))
                .build());
  }

  @AfterEach
  void stop() {
    server.close();
    worldBank.stop(0);
  }

  @Test
  void list_showsBuiltInAndConfiguredSources_inRussianToo() throws Exception {
    HttpResponse<String> en = server.get("/api/sources", server.as("kaz.analyst"));
    assertThat(en.statusCode()).as(en.body()).isEqualTo(200);
    assertThat(en.body())
        .contains("\"name\":\"wb-homicide\"")
        .contains("\"name\":\"ucdp-ged\"")
        .contains("\"licence\":\"CC BY 4.0\"");
    HttpResponse<String> ru = server.get("/api/sources?lang=ru", server.as("kaz.analyst"));
    assertThat(ru.body()).contains("Убийства");
    assertThat(server.get("/api/sources").statusCode()).isEqualTo(401);
  }

  @Test
  void pull_bySystemAdmin_storesOnce_withLicence_andAStateAdminIsRefused() throws Exception {
    HttpResponse<String> refused =
        server.send("POST", "/api/sources/wb-homicide/pull", "{}", server.as("kaz.admin"));
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);

    HttpResponse<String> first =
        server.send("POST", "/api/sources/wb-homicide/pull", "{}", server.as("sys.admin"));
    assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
    assertThat(first.body()).contains("\"rowsAdded\":3").contains("\"records\":3");
    IngestBatch batch = server.vigil().observations().batches(AccessContext.system()).get(0);
    assertThat(batch.licence()).isEqualTo("CC BY 4.0");
    assertThat(batch.citation()).isEqualTo("World Bank, WDI, VC.IHR.PSRC.P5");
    assertThat(
            server
                .vigil()
                .observations()
                .series(AccessContext.anonymous(), "WB_HOMICIDE_RATE", "KAZ"))
        .hasSize(2);

    HttpResponse<String> again =
        server.send(
            "POST",
            "/api/sources/wb-homicide/pull",
            "{\"since\":\"2020-01-01\"}",
            server.as("sys.admin"));
    assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
    assertThat(again.body()).contains("\"rowsAdded\":0").contains("\"batch\":null");
  }

  @Test
  void pull_ofAnUnreachableSource_is502_andStoresNothing() throws Exception {
    long before = server.vigil().observations().count(AccessContext.system());

    HttpResponse<String> r =
        server.send("POST", "/api/sources/worldbank-wdi/pull", null, server.as("sys.admin"));

    assertThat(r.statusCode()).as(r.body()).isEqualTo(502);
    assertThat(r.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
    assertThat(r.body()).contains("cannot reach 127.0.0.1").contains("nothing was stored");
    assertThat(server.vigil().observations().count(AccessContext.system())).isEqualTo(before);
  }
}
