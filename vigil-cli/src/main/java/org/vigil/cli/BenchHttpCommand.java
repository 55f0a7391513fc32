package org.vigil.cli;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.vigil.app.Vigil;
import org.vigil.app.VigilConfig;
import org.vigil.app.analytics.AnalyticRunner;
import org.vigil.app.demo.DemoData;
import org.vigil.model.AccessContext;
import org.vigil.server.ServerConfig;
import org.vigil.server.VigilServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code vigil bench http}: throughput and latency of the main read endpoints next to a trivial
 * endpoint of the same server ({@code /api/health/live}, which touches nothing), so the cost of the
 * work shows apart from the cost of HTTP. The server runs in this process on loopback over an
 * in-memory database with the demo data (or over {@code --db}); each endpoint gets a warm-up and
 * then {@code --seconds} of closed-loop load from {@code --connections} clients, each sending its
 * next request when the previous answer arrived. Latency percentiles are exact (every request is
 * recorded). Client and server share the machine's cores: the numbers are a floor. The rows marked
 * "dashboard" are the data calls of the web UI's dashboard for the bench user, read from the
 * published analytic run (made once here when the store has none); {@code vs_trivial} is each
 * endpoint's throughput as a share of the trivial endpoint's.
 */
@Command(
    name = "http",
    mixinStandardHelpOptions = true,
    description =
        "Load the main read endpoints and a trivial one over loopback; print throughput and"
            + " p50/p99 latency.")
final class BenchHttpCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--connections", description = "Concurrent clients (default: ${DEFAULT-VALUE}).")
  int connections = 100;

  @Option(
      names = "--seconds",
      description = "Measured seconds per endpoint (default: ${DEFAULT-VALUE}).")
  int seconds = 30;

  @Option(
      names = "--warmup",
      description = "Warm-up seconds per endpoint (default: ${DEFAULT-VALUE}).")
  int warmup = 3;

  @Option(
      names = "--demo-user",
      description = "Demo user the clients authenticate as (default: ${DEFAULT-VALUE}).")
  String user = "kaz.analyst";

  @Option(
      names = "--use-db",
      description =
          "Serve the --db database (which must hold the demo) instead of a fresh in-memory one.")
  boolean useDb;

  record Result(
      String endpoint,
      long requests,
      long errors,
      double perSecond,
      double p50,
      double p99,
      double max) {}

  @Override
  public Integer call() throws Exception {
    if (connections < 1 || connections > 1000 || seconds < 1 || warmup < 0) {
      throw new IllegalArgumentException(
          "--connections must be 1-1000 and --seconds >= 1, found "
              + connections
              + " and "
              + seconds);
    }
    VigilCommand root = VigilCommand.of(spec);
    Renderer renderer = root.renderer();
    Vigil vigil =
        useDb
            ? root.openVigil()
            : Vigil.open(
                VigilConfig.h2InMemory("bench-http").withMaxPoolSize(Math.min(32, connections)));
    try {
      renderer.note("Loading the demo data (once)...");
      DemoData.load(vigil);
      if (vigil.store().analyticRuns().latest(AccessContext.system(), Instant.MAX).isEmpty()) {
        // As `./vigil demo` does: the dashboard reads the published run, never computes it.
        renderer.note("Publishing the analytic run (once)...");
        new AnalyticRunner(vigil).run("bench", true, AnalyticRunner.Progress.NONE);
      }
      VigilServer server =
          VigilServer.start(
              vigil, ServerConfig.builder().port(0).requestsPerMinute(0).demo(true).build());
      try {
        String base = "http://127.0.0.1:" + server.port();
        HttpClient client =
            HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        String token = login(client, base);
        String indicator = firstSeries(client, base, token);
        String area = area(client, base, token);
        List<String[]> endpoints = new ArrayList<>();
        endpoints.addAll(
            List.of(
                new String[] {"trivial /api/health/live", "/api/health/live"},
                new String[] {"/api/areas", "/api/areas"},
                new String[] {"/api/indicators", "/api/indicators"},
                new String[] {"/api/series", "/api/series?indicator=" + indicator + "&area=KAZ"},
                new String[] {
                  "/api/series asOf",
                  "/api/series?indicator=" + indicator + "&area=KAZ&asOf=2024-06-30"
                },
                new String[] {"/api/events", "/api/events?limit=100"}));
        endpoints.addAll(dashboard(client, base, token, area, indicator));
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        renderer.note(
            String.format(
                Locale.ROOT,
                "%d connections, %d s per endpoint after %d s warm-up, %d cores, load average %.1f;"
                    + " client and server share the cores.",
                connections,
                seconds,
                warmup,
                Runtime.getRuntime().availableProcessors(),
                load));
        Table t =
            Table.of(
                "endpoint",
                "requests",
                "errors",
                "req_per_s",
                "vs_trivial",
                "p50_ms",
                "p99_ms",
                "max_ms");
        double trivial = Double.NaN;
        for (String[] e : endpoints) {
          renderer.note("  " + e[0] + " ...");
          run(client, base + e[1], token, warmup);
          Result r = run(client, base + e[1], token, seconds);
          if (Double.isNaN(trivial)) {
            trivial = r.perSecond();
          }
          t.row(
              e[0],
              r.requests(),
              r.errors(),
              round(r.perSecond()),
              String.format(Locale.ROOT, "%.0f%%", 100 * r.perSecond() / trivial),
              round(r.p50()),
              round(r.p99()),
              round(r.max()));
        }
        renderer.print(t);
      } finally {
        server.stop();
      }
    } finally {
      vigil.close();
    }
    return VigilCommand.OK;
  }

  private String login(HttpClient client, String base) throws Exception {
    HttpResponse<String> r =
        client.send(
            HttpRequest.newBuilder(URI.create(base + "/api/auth/login"))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\""
                            + user
                            + "\",\"password\":\""
                            + DemoData.PASSWORD
                            + "\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IllegalStateException("Login of " + user + " failed (" + r.statusCode() + ")");
    }
    String cookie =
        r.headers().allValues("Set-Cookie").stream()
            .filter(c -> c.startsWith("vigil_session="))
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("Login set no session cookie"));
    return cookie.substring("vigil_session=".length(), cookie.indexOf(';'));
  }

  /**
   * The data calls the dashboard makes for the bench user (web/js/pages/dashboard.js and the
   * reference data it loads), each measured on its own, labelled "dashboard".
   */
  private static List<String[]> dashboard(
      HttpClient client, String base, String token, String area, String indicator)
      throws Exception {
    List<String[]> out = new ArrayList<>();
    String q = area.isEmpty() ? "" : "&area=" + area;
    out.add(new String[] {"dashboard /api/auth/me", "/api/auth/me"});
    out.add(new String[] {"dashboard risk (published)", "/api/analytics/risk?horizon=0"});
    out.add(new String[] {"dashboard alerts", "/api/alerts?state=NEW&order=rank&limit=200" + q});
    out.add(new String[] {"dashboard /api/programmes", "/api/programmes"});
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("\"code\":\"([^\"]+)\"")
            .matcher(get(client, base + "/api/programmes", token));
    if (m.find()) {
      out.add(
          new String[] {"dashboard programme drift", "/api/programmes/" + m.group(1) + "/drift"});
    }
    out.add(new String[] {"dashboard /api/reports/recent", "/api/reports/recent"});
    // The state's anomalies in one read of the published run (the secretariat's dashboard asks
    // per indicator); the state profile's latest values, no longer a dashboard call, for contrast.
    out.add(
        new String[] {
          "dashboard anomalies",
          "/api/analytics/anomalies?published=true"
              + (area.isEmpty() ? "&indicator=" + indicator : q)
        });
    if (!area.isEmpty()) {
      out.add(new String[] {"/api/areas/{area}/latest", "/api/areas/" + area + "/latest"});
    }
    return out;
  }

  /** The bench user's own state ("" for the secretariat), as the dashboard shows it. */
  private static String area(HttpClient client, String base, String token) throws Exception {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("\"area\":\"([A-Z]{3})\"")
            .matcher(get(client, base + "/api/auth/me", token));
    return m.find() ? m.group(1) : "";
  }

  private static String get(HttpClient client, String url, String token) throws Exception {
    return client
        .send(
            HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token)
                .build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }

  /** The first monthly indicator with values for KAZ, so the series endpoint returns real data. */
  private static String firstSeries(HttpClient client, String base, String token) throws Exception {
    String body =
        client
            .send(
                HttpRequest.newBuilder(URI.create(base + "/api/indicators"))
                    .header("Authorization", "Bearer " + token)
                    .build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("\"code\":\"([A-Z0-9_]+)\"[^}]*\"frequency\":\"MONTHLY\"")
            .matcher(body);
    return m.find() ? m.group(1) : "TERROR_INCIDENTS";
  }

  private Result run(HttpClient client, String url, String token, int secs)
      throws InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url))
            .header("Authorization", "Bearer " + token)
            .timeout(Duration.ofSeconds(30))
            .build();
    AtomicBoolean stop = new AtomicBoolean();
    CountDownLatch done = new CountDownLatch(connections);
    List<long[]> latencies = new ArrayList<>();
    long[] counts = new long[connections * 2];
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < connections; i++) {
      long[] mine = new long[1 << 16];
      latencies.add(mine);
      int id = i;
      Thread th =
          new Thread(
              () -> {
                long[] buf = mine;
                int n = 0;
                long errors = 0;
                try {
                  while (!stop.get()) {
                    long t0 = System.nanoTime();
                    try {
                      HttpResponse<byte[]> r =
                          client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                      if (r.statusCode() != 200) {
                        errors++;
                      }
                    } catch (java.io.IOException e) {
                      errors++;
                    }
                    if (n == buf.length) {
                      buf = Arrays.copyOf(buf, n * 2);
                    }
                    buf[n++] = System.nanoTime() - t0;
                  }
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                } finally {
                  synchronized (latencies) {
                    latencies.set(id, Arrays.copyOf(buf, n));
                  }
                  counts[id * 2] = n;
                  counts[id * 2 + 1] = errors;
                  done.countDown();
                }
              },
              "bench-http-" + i);
      th.setDaemon(true);
      threads.add(th);
    }
    long start = System.nanoTime();
    threads.forEach(Thread::start);
    Thread.sleep(secs * 1000L);
    stop.set(true);
    done.await();
    double elapsed = (System.nanoTime() - start) / 1e9;
    long total = 0;
    long errors = 0;
    for (int i = 0; i < connections; i++) {
      total += counts[i * 2];
      errors += counts[i * 2 + 1];
    }
    long[] all = new long[(int) total];
    int k = 0;
    synchronized (latencies) {
      for (long[] l : latencies) {
        System.arraycopy(l, 0, all, k, l.length);
        k += l.length;
      }
    }
    Arrays.sort(all);
    return new Result(
        url,
        total,
        errors,
        total / elapsed,
        percentile(all, 0.50) / 1e6,
        percentile(all, 0.99) / 1e6,
        all.length == 0 ? 0 : all[all.length - 1] / 1e6);
  }

  private static double percentile(long[] sorted, double q) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int i = (int) Math.ceil(q * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
  }

  private static double round(double v) {
    return Math.round(v * 100) / 100.0;
  }
}
