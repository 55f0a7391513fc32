package org.vigil.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vigil.store.StoreFixtures;
import org.vigil.store.TestClock;

/**
 * The body limit holds for uploads without a Content-Length: a chunked multipart upload is counted
 * while it streams and refused with 413 once it passes the limit, and nothing is stored. (It used
 * to be read whole: 200 MB accepted, 2.4 GB resident.)
 */
class UploadLimitTest {
  private static final long LIMIT = 256 * 1024;
  private static final TestClock clock = new TestClock(TestData.T0);
  private static TestServer server;

  @BeforeAll
  static void start() {
    server =
        TestServer.start(
            TestData.open("upload-limit", clock),
            ServerConfig.builder().maxBodyBytes(LIMIT).requestsPerMinute(0).build());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void chunkedMultipart_overTheLimit_is413_afterReadingLittleMoreThanTheLimit_andStoresNothing()
      throws Exception {
    Map<String, String> auth = server.as("kaz.steward");
    String before = StoreFixtures.dump(server.vigil().dataSource());
    AtomicLong sent = new AtomicLong();
    String response = chunkedMultipart(auth, 64L * 1024 * 1024, sent);
    assertThat(response).startsWith("HTTP/1.1 413");
    assertThat(response).contains("application/problem+json");
    // The server stopped reading near the limit: far less than the 64 MB offered got through.
    assertThat(sent.get()).isLessThan(16L * 1024 * 1024);
    assertThat(StoreFixtures.dump(server.vigil().dataSource())).isEqualTo(before);
  }

  @Test
  void chunkedMultipart_underTheLimit_isStored() throws Exception {
    AtomicLong sent = new AtomicLong();
    String response = chunkedMultipart(server.as("kaz.steward"), 0, sent);
    assertThat(response).startsWith("HTTP/1.1 201");
  }

  /**
   * Sends a multipart upload with Transfer-Encoding: chunked: a valid file part padded with {@code
   * padding} bytes of extra rows that repeat one value, then reads the response.
   */
  private String chunkedMultipart(Map<String, String> auth, long padding, AtomicLong sent)
      throws Exception {
    String boundary = "vigil-test-boundary";
    try (Socket s = new Socket("127.0.0.1", server.server().port())) {
      s.setSoTimeout(30_000);
      OutputStream out = s.getOutputStream();
      String head =
          "POST /api/ingest?format=long-csv HTTP/1.1\r\n"
              + "Host: 127.0.0.1\r\n"
              + "Authorization: "
              + auth.get("Authorization")
              + "\r\n"
              + "Content-Type: multipart/form-data; boundary="
              + boundary
              + "\r\n"
              + "Transfer-Encoding: chunked\r\n"
              + "Connection: close\r\n\r\n";
      out.write(head.getBytes(StandardCharsets.US_ASCII));
      Thread writer =
          new Thread(
              () -> {
                try {
                  chunk(
                      out,
                      "--"
                          + boundary
                          + "\r\nContent-Disposition: form-data; name=\"file\";"
                          + " filename=\"big.csv\"\r\nContent-Type: text/csv\r\n\r\n"
                          + "indicator,area,period,value\n"
                          + TestData.INDICATOR
                          + ",KAZ,2024-06,6\n",
                      sent);
                  String row = TestData.INDICATOR + ",KAZ,2024-06,6\n";
                  String block = row.repeat(64 * 1024 / row.length());
                  for (long n = 0; n < padding; n += block.length()) {
                    chunk(out, block, sent);
                  }
                  chunk(out, "\r\n--" + boundary + "--\r\n", sent);
                  out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                  out.flush();
                } catch (IOException e) {
                  // The server refused and closed: expected for the oversized upload.
                }
              });
      writer.start();
      StringBuilder response = new StringBuilder();
      try (BufferedReader in =
          new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = in.readLine()) != null) {
          response.append(line).append('\n');
          if (line.contains("\"instance\"") || line.contains("\"batch\"")) {
            break;
          }
        }
      }
      writer.join(30_000);
      return response.toString();
    }
  }

  private static void chunk(OutputStream out, String text, AtomicLong sent) throws IOException {
    byte[] b = text.getBytes(StandardCharsets.UTF_8);
    out.write((Integer.toHexString(b.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
    out.write(b);
    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
    sent.addAndGet(b.length);
  }
}
