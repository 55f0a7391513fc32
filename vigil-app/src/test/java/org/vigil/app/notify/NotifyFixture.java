package org.vigil.app.notify;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.vigil.app.Vigil;
import org.vigil.app.VigilConfig;
import org.vigil.model.AccessContext;
import org.vigil.model.Area;
import org.vigil.model.AreaKind;
import org.vigil.model.Classification;
import org.vigil.model.Organisation;
import org.vigil.model.Ownership;
import org.vigil.model.Role;
import org.vigil.model.User;
import org.vigil.model.alert.Alert;
import org.vigil.model.alert.AlertRule;
import org.vigil.model.alert.AlertSeverity;
import org.vigil.model.alert.AlertSubject;
import org.vigil.store.JdbcAlertRepository;
import org.vigil.store.TestClock;

/** Two states' councils, their users, and alerts on data of each, in an H2 file database. */
final class NotifyFixture {
  static final Instant START = Instant.parse("2026-12-06T08:00:00Z");

  private NotifyFixture() {}

  /** An SMTP server on a free loopback port, fresh for each test method. */
  static GreenMailExtension loopbackMail() {
    return new GreenMailExtension(new ServerSetup(0, "127.0.0.1", "smtp").dynamicPort())
        .withPerMethodLifecycle(true);
  }

  static Vigil open(Path dir, TestClock clock) {
    return Vigil.open(
        VigilConfig.h2InMemory("unused")
            .withDbUrl("jdbc:h2:file:" + dir.resolve("vigil") + ";LOCK_TIMEOUT=10000")
            .withClock(clock));
  }

  static void seed(Vigil vigil) {
    AccessContext sys = AccessContext.system();
    var ref = vigil.reference();
    ref.saveArea(sys, new Area("KAZ", AreaKind.COUNTRY, "Kazakhstan", "Казахстан", "KZ", "398"));
    ref.saveArea(sys, new Area("RUS", AreaKind.COUNTRY, "Russia", "Россия", "RU", "643"));
    ref.saveOrganisation(sys, new Organisation("KAZ-SC", "Kazakhstan council", "", "KAZ", false));
    ref.saveOrganisation(sys, new Organisation("RUS-SC", "Russia council", "", "RUS", false));
    for (String[] u :
        new String[][] {
          {"kaz.analyst", "KAZ-SC", "ANALYST"},
          {"kaz.viewer", "KAZ-SC", "VIEWER"},
          {"rus.analyst", "RUS-SC", "ANALYST"}
        }) {
      vigil.users().save(sys, new User(u[0], u[1], Role.parse(u[2]), "not-a-login", true));
    }
  }

  /**
   * {@code n} alerts of each kind: on KAZ data SHARED with all members, on KAZ data NATIONAL, on
   * RUS data NATIONAL.
   */
  static List<Alert> raise(Vigil vigil, int n, Instant at) {
    List<Alert> candidates = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      candidates.add(alert("KAZ", "2026-" + (10 + i % 3), i, Classification.SHARED, "KAZ-SC", at));
      candidates.add(
          alert("KAZ", "2026-" + (10 + i % 3), i, Classification.NATIONAL, "KAZ-SC", at));
      candidates.add(
          alert("RUS", "2026-" + (10 + i % 3), i, Classification.NATIONAL, "RUS-SC", at));
    }
    return JdbcAlertRepository.open(vigil.dataSource(), vigil.clock())
        .raise(AccessContext.system(), candidates);
  }

  private static Alert alert(
      String area, String period, int i, Classification c, String owner, Instant at) {
    return new Alert(
        0,
        AlertRule.ANOMALY,
        AlertSeverity.WARNING,
        new AlertSubject("TEST_" + c + "_" + i, area, period),
        "ORGANISED_CRIME",
        "Unusually high value " + i + " in " + area,
        "Необычно высокое значение " + i + " (" + area + ")",
        Map.of("z", String.valueOf(3 + i)),
        at,
        Ownership.of(owner, c),
        List.of());
  }
}
