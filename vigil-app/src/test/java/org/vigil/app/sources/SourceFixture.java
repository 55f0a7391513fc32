package org.vigil.app.sources;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.function.Function;
import org.vigil.app.Vigil;
import org.vigil.app.VigilConfig;
import org.vigil.app.ingest.SmallReference;
import org.vigil.model.AccessContext;
import org.vigil.model.Organisation;

/**
 * What the source tests share: an in-memory store with the member states and the secretariat (the
 * owner of pulled data), and, once asked, a local server that answers with recorded responses.
 * Close it after each test.
 */
final class SourceFixture implements AutoCloseable {
  /** The operator who pulls from the command line. */
  static final AccessContext OPERATOR = AccessContext.system().withOrigin("cli");

  /** The day the connector tests pull on. */
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T00:00:00Z"), ZoneOffset.UTC);

  private final Vigil vigil;
  private RecordedSourceServer server;

  /** A new store named {@code name} (plus a unique suffix) on {@code clock}. */
  SourceFixture(String name, Clock clock) {
    vigil = Vigil.open(VigilConfig.h2InMemory(name + System.nanoTime()).withClock(clock));
    SmallReference.saveCountries(vigil, "AM", "AZ", "BY", "KZ", "KG", "MD", "RU", "TJ", "TM", "UZ");
    vigil
        .reference()
        .saveOrganisation(
            AccessContext.system(), new Organisation("SECRETARIAT", "S", "S", "", true));
  }

  Vigil vigil() {
    return vigil;
  }

  /** Starts the recorded server (one a test) answering through {@code route}; its base URL. */
  String serve(Function<URI, String> route) {
    if (server != null) {
      throw new IllegalStateException("the recorded server is already running: one a test");
    }
    server = new RecordedSourceServer(route);
    return server.baseUrl();
  }

  /** The server {@link #serve} started. */
  RecordedSourceServer server() {
    if (server == null) {
      throw new IllegalStateException("no recorded server: call serve or recorded first");
    }
    return server;
  }

  /** A service whose {@code source} is answered by the recorded server through {@code route}. */
  SourceService recorded(String source, Function<URI, String> route) {
    return service(source, serve(route));
  }

  /** A service whose {@code source} is fetched from {@code baseUrl}, with 5 s and 10 s timeouts. */
  SourceService service(String source, String baseUrl) {
    return new SourceService(
        vigil,
        SourceCatalog.builtIn().withBaseUrl(source, baseUrl),
        new SourceHttp(Duration.ofSeconds(5), Duration.ofSeconds(10)),
        Map.of());
  }

  @Override
  public void close() {
    if (server != null) {
      server.close();
    }
    vigil.close();
  }
}
