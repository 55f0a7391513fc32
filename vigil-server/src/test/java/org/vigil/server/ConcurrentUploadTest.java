package org.vigil.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.vigil.model.AccessContext;
import org.vigil.model.IngestBatch;
import org.vigil.store.TestClock;

/**
 * Issue 17: two identical uploads sent at the same moment were both stored (9 of 9, a
 * check-then-insert). Eight identical uploads released together by a barrier must store one batch;
 * every other answer says "already loaded" and stores nothing.
 */
class ConcurrentUploadTest {
  static final int UPLOADS = 8;

  @Test
  void identicalSimultaneousUploads_storeOneBatch_theOthersAreAlreadyLoaded() throws Exception {
    TestClock clock = new TestClock(TestData.T0);
    try (TestServer server =
        TestServer.start(
            TestData.open("concurrent-upload-" + System.nanoTime(), clock),
            ServerConfig.builder().requestsPerMinute(0).build())) {
      Map<String, String> headers = new HashMap<>(server.as("kaz.steward"));
      headers.put("Content-Type", "text/csv");
      StringBuilder body = new StringBuilder("indicator,area,period,value\n");
      for (int m = 1; m <= 12; m++) {
        body.append(String.format(java.util.Locale.ROOT, "TEST_CRIME,KAZ,2022-%02d,%d%n", m, m));
      }
      CyclicBarrier together = new CyclicBarrier(UPLOADS);
      ExecutorService pool = Executors.newFixedThreadPool(UPLOADS);
      List<Future<HttpResponse<String>>> sent = new ArrayList<>();
      try {
        for (int i = 0; i < UPLOADS; i++) {
          sent.add(
              pool.submit(
                  () -> {
                    together.await(60, TimeUnit.SECONDS);
                    return server.send(
                        "POST",
                        "/api/ingest?file=same.csv&classification=NATIONAL",
                        body.toString(),
                        headers);
                  }));
        }
        int stored = 0;
        int already = 0;
        ObjectMapper json = new ObjectMapper();
        for (Future<HttpResponse<String>> f : sent) {
          HttpResponse<String> r = f.get(300, TimeUnit.SECONDS);
          JsonNode answer = json.readTree(r.body());
          if (r.statusCode() == 201) {
            stored++;
            assertThat(answer.get("alreadyLoaded").asBoolean()).as(r.body()).isFalse();
          } else {
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            assertThat(answer.get("alreadyLoaded").asBoolean()).as(r.body()).isTrue();
            already++;
          }
        }
        assertThat(stored).isEqualTo(1);
        assertThat(already).isEqualTo(UPLOADS - 1);
      } finally {
        pool.shutdownNow();
      }
      List<IngestBatch> batches =
          server.vigil().observations().batches(AccessContext.system()).stream()
              .filter(b -> b.sourceFile().equals("same.csv"))
              .toList();
      assertThat(batches).hasSize(1);
      assertThat(
              server
                  .vigil()
                  .observations()
                  .vintages(
                      AccessContext.system(),
                      "TEST_CRIME",
                      "KAZ",
                      org.vigil.timeseries.Period.parse("2022-06")))
          .hasSize(1);
    }
  }
}
