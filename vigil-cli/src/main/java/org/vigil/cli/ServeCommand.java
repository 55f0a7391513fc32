package org.vigil.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.vigil.app.Vigil;
import org.vigil.model.InvalidInputException;
import org.vigil.server.ServerConfig;
import org.vigil.server.VigilServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code vigil serve}: runs the HTTP server until interrupted. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = "Start the web server (API, docs and web UI).")
final class ServeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--port", description = "TCP port (default: 7070; 0 picks a free one).")
  int port = 7070;

  @Option(
      names = "--host",
      description = "Interface to listen on (default: 127.0.0.1; 0.0.0.0 for all).")
  String host = "127.0.0.1";

  @Option(names = "--demo", description = "Load the demo data set first (once; idempotent).")
  boolean demo;

  @Option(names = "--tls-cert", paramLabel = "PEM", description = "Certificate chain (PEM).")
  Path tlsCert;

  @Option(names = "--tls-key", paramLabel = "PEM", description = "Private key (PEM, PKCS#8).")
  Path tlsKey;

  @Option(
      names = "--analyse-every",
      paramLabel = "INTERVAL",
      defaultValue = "1h",
      description =
          "Run the analytic run at start and then at this interval: 90s, 30m, 1h, 1d or"
              + " an ISO-8601 duration; 'off' for never (default: ${DEFAULT-VALUE}).")
  String analyseEvery;

  @Override
  public Integer call() throws InterruptedException {
    VigilCommand root = VigilCommand.of(spec);
    ServerConfig config =
        ServerConfig.builder()
            .host(host)
            .port(port)
            .tls(tlsCert, tlsKey)
            .demo(demo)
            .analyseEvery(interval(analyseEvery).orElse(null))
            .sourcesSettings(System.getenv())
            .build();
    VigilServer.checkPortFree(host, port); // before the demo's load, not a minute after it
    Vigil vigil = root.openVigil();
    if (demo) {
      root.err().println("Loading demo data (first run only)...");
      DemoLogins.load(vigil, root.err());
      new org.vigil.app.alert.AlertService(vigil).evaluate(root.operator());
    }
    VigilServer server;
    try {
      server = VigilServer.start(vigil, config);
    } catch (RuntimeException e) {
      vigil.close(); // a busy port is one line and exit 2 (VigilCommand), not a hung process
      throw e;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.stop();
                  vigil.close();
                  stopped.countDown();
                }));
    String scheme = config.tls() ? "https" : "http";
    String shownHost = "0.0.0.0".equals(host) ? "localhost" : host;
    root.out()
        .println("Vigil is running at " + scheme + "://" + shownHost + ":" + server.port() + "/");
    root.out()
        .println("API docs: " + scheme + "://" + shownHost + ":" + server.port() + "/api/docs");
    if (demo) {
      DemoLogins.print(root.out());
    }
    interval(analyseEvery)
        .ifPresent(
            d ->
                root.out()
                    .println(
                        "Analytic run: now (in the background), then every "
                            + analyseEvery
                            + " (--analyse-every)"));
    root.out().println("Press Ctrl+C to stop.");
    root.out().flush();
    stopped.await();
    return VigilCommand.OK;
  }

  /** "90s", "30m", "1h", "1d", an ISO-8601 duration, or "off" (empty). */
  static Optional<Duration> interval(String text) {
    String v = text.trim().toLowerCase(Locale.ROOT);
    if (v.equals("off")) {
      return Optional.empty();
    }
    Matcher m = Pattern.compile("(\\d{1,9})(s|m|h|d)").matcher(v);
    try {
      Duration d;
      if (m.matches()) {
        long n = Long.parseLong(m.group(1));
        d =
            switch (m.group(2)) {
              case "s" -> Duration.ofSeconds(n);
              case "m" -> Duration.ofMinutes(n);
              case "h" -> Duration.ofHours(n);
              default -> Duration.ofDays(n);
            };
      } else {
        d = Duration.parse(text.trim());
      }
      if (d.getSeconds() < 1) {
        throw new DateTimeParseException("shorter than a second", text, 0);
      }
      return Optional.of(d);
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(
          "--analyse-every must be an interval of at least 1s such as 90s, 30m, 1h, 1d or PT1H,"
              + " or off; found '"
              + text
              + "'");
    }
  }
}
