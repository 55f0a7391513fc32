package org.vigil.server;

import org.vigil.app.Vigil;
import org.vigil.app.VigilConfig;
import org.vigil.model.AccessContext;
import org.vigil.model.Area;
import org.vigil.model.AreaKind;
import org.vigil.store.TestClock;

/**
 * A server in its own process for {@link CrashSafetyTest}: opens (and on first use fills) the H2
 * file database given as the first argument, starts the server on a free loopback port, prints
 * {@code PORT <n>} and serves until killed.
 */
public final class CrashServerMain {
  static final int AREAS = 200;

  private CrashServerMain() {}

  public static void main(String[] args) {
    TestClock clock = new TestClock(TestData.T0);
    Vigil vigil =
        Vigil.open(
            VigilConfig.fromEnvironment().withDbUrl("jdbc:h2:file:" + args[0]).withClock(clock));
    if (vigil.users().findForLogin("kaz.steward").isEmpty()) {
      TestData.load(vigil, clock);
      for (int i = 0; i < AREAS; i++) {
        vigil
            .reference()
            .saveArea(
                AccessContext.system(), new Area(area(i), AreaKind.BASIN, "Area " + i, "", "", ""));
      }
    } else {
      clock.advance(java.time.Duration.between(clock.instant(), TestData.NOW));
    }
    VigilServer server =
        VigilServer.start(
            vigil,
            ServerConfig.builder().maxBodyBytes(200L * 1024 * 1024).requestsPerMinute(0).build());
    System.out.println("PORT " + server.port());
    System.out.flush();
  }

  static String area(int i) {
    return String.format(java.util.Locale.ROOT, "X%04d", i);
  }
}
