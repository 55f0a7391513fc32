package org.vigil.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.vigil.store.TestClock;

class RateLimitTest {
  @Test
  void requestsOverTheLimit_are429WithRetryAfter_untilTheNextMinute() throws Exception {
    TestClock clock = new TestClock(TestData.T0);
    try (TestServer server =
        TestServer.start(
            TestData.open("rate", clock), ServerConfig.builder().requestsPerMinute(5).build())) {
      for (int i = 0; i < 5; i++) {
        assertThat(server.get("/api/health/live").statusCode()).isEqualTo(200);
      }
      HttpResponse<String> limited = server.get("/api/health/live");
      assertThat(limited.statusCode()).isEqualTo(429);
      assertThat(limited.headers().firstValue("Retry-After")).isPresent();
      assertThat(limited.headers().firstValue("Content-Type").orElse(""))
          .startsWith("application/problem+json");
      clock.advance(Duration.ofMinutes(1));
      assertThat(server.get("/api/health/live").statusCode()).isEqualTo(200);
    }
  }
}
