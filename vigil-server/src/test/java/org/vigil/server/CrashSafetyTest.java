package org.vigil.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.app.Vigil;
import org.vigil.app.VigilConfig;
import org.vigil.model.AccessContext;
import org.vigil.model.IngestBatch;

/**
 * Kills (SIGKILL) a server process while it writes a large uploaded batch, then opens the database
 * again: the batch is wholly present or wholly absent, never partial, and the audit chain verifies.
 */
class CrashSafetyTest {
  static final int YEARS = 100;

  @TempDir Path dir;

  @Test
  void killDuringLargeIngest_batchAllOrNothing_auditChainIntact() throws Exception {
    String db = dir.resolve("crash").toAbsolutePath().toString();
    Process p =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g",
                "-Dorg.slf4j.simpleLogger.log.org.vigil.server.IngestRoutes=info",
                "-cp",
                System.getProperty("java.class.path"),
                CrashServerMain.class.getName(),
                db)
            .redirectErrorStream(true)
            .start();
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader r =
                  new BufferedReader(
                      new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                  lines.add(line);
                }
              } catch (java.io.IOException e) {
                lines.add("reader stopped: " + e.getMessage());
              }
            });
    reader.setDaemon(true);
    reader.start();
    int rows;
    try {
      int port = awaitPort(lines);
      HttpClient http = HttpClient.newHttpClient();
      String base = "http://127.0.0.1:" + port;
      HttpResponse<String> login =
          http.send(
              HttpRequest.newBuilder(URI.create(base + "/api/auth/login"))
                  .header("Content-Type", "application/json")
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          "{\"username\":\"kaz.steward\",\"password\":\""
                              + TestData.PASSWORD
                              + "\"}"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
      String token = cookie(login);
      StringBuilder csv = new StringBuilder("indicator,area,period,value\n");
      rows = 0;
      for (int a = 0; a < CrashServerMain.AREAS; a++) {
        for (int y = 0; y < YEARS; y++) {
          for (int m = 1; m <= 12; m++) {
            csv.append("TEST_CRIME,")
                .append(CrashServerMain.area(a))
                .append(',')
                .append(1900 + y)
                .append('-')
                .append(m < 10 ? "0" : "")
                .append(m)
                .append(',')
                .append(rows % 997)
                .append('\n');
            rows++;
          }
        }
      }
      http.sendAsync(
          HttpRequest.newBuilder(
                  URI.create(base + "/api/ingest?file=big.csv&classification=NATIONAL"))
              .header("Authorization", "Bearer " + token)
              .header("Content-Type", "text/csv")
              .POST(HttpRequest.BodyPublishers.ofString(csv.toString()))
              .build(),
          HttpResponse.BodyHandlers.ofString());
      String writing = await(lines, "writing the batch", 240);
      assertThat(writing).as("the server never reached the write (log: %s)", lines).isNotNull();
      Thread.sleep(150);
    } finally {
      p.destroyForcibly();
      p.waitFor(30, TimeUnit.SECONDS);
    }
    try (Vigil vigil = Vigil.open(VigilConfig.fromEnvironment().withDbUrl("jdbc:h2:file:" + db))) {
      AccessContext sys = AccessContext.system();
      List<IngestBatch> big =
          vigil.observations().batches(sys).stream()
              .filter(b -> b.sourceFile().equals("big.csv"))
              .toList();
      long stored =
          vigil
              .observations()
              .latestByIndicator(sys, TestData.INDICATOR, java.time.Instant.MAX)
              .stream()
              .filter(o -> o.area().startsWith("X"))
              .count();
      System.out.println(
          "Crash test: batch "
              + (big.isEmpty() ? "absent" : "present")
              + ", "
              + stored
              + " of "
              + rows
              + " rows stored");
      if (big.isEmpty()) {
        assertThat(stored).isZero();
      } else {
        assertThat(stored).isEqualTo(rows);
      }
      assertThat(vigil.audit().verify(sys).valid()).isTrue();
    }
  }

  private static String cookie(HttpResponse<String> login) {
    String c =
        login.headers().allValues("Set-Cookie").stream()
            .filter(s -> s.startsWith("vigil_session="))
            .findFirst()
            .orElseThrow();
    return c.substring("vigil_session=".length(), c.indexOf(';'));
  }

  private static int awaitPort(BlockingQueue<String> lines) throws InterruptedException {
    String line = await(lines, "PORT ", 120);
    if (line == null) {
      throw new IllegalStateException("The server process did not start: " + lines);
    }
    return Integer.parseInt(line.substring(line.indexOf("PORT ") + 5).trim());
  }

  private static String await(BlockingQueue<String> lines, String marker, int seconds)
      throws InterruptedException {
    long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
    while (System.nanoTime() < end) {
      String line = lines.poll(1, TimeUnit.SECONDS);
      if (line != null && line.contains(marker)) {
        return line;
      }
    }
    return null;
  }
}
