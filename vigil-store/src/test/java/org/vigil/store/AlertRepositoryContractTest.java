package org.vigil.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vigil.model.AccessContext;
import org.vigil.model.AccessDeniedException;
import org.vigil.model.AuditEntry;
import org.vigil.model.Classification;
import org.vigil.model.InvalidInputException;
import org.vigil.model.NotFoundException;
import org.vigil.model.Ownership;
import org.vigil.model.Role;
import org.vigil.model.alert.Alert;
import org.vigil.model.alert.AlertChange;
import org.vigil.model.alert.AlertQuery;
import org.vigil.model.alert.AlertRepository;
import org.vigil.model.alert.AlertRule;
import org.vigil.model.alert.AlertSeverity;
import org.vigil.model.alert.AlertState;
import org.vigil.model.alert.AlertSubject;

/** The alert repository contract, run on H2 and on PostgreSQL. */
abstract class AlertRepositoryContractTest {
  private static final AccessContext SYSTEM = AccessContext.system();
  private static final AccessContext KAZ_ANALYST =
      AccessContext.of("kaz.analyst", "KAZ-SC", Role.ANALYST);
  private static final AccessContext RUS_ADMIN =
      AccessContext.of("rus.admin", "RUS-SC", Role.SYSTEM_ADMIN);

  private final TestClock clock = TestClock.standard();
  private StoreFixtures.OpenStore open;
  private AlertRepository repo;

  abstract StoreFixtures.TestDatabase database();

  @BeforeEach
  void setUp() {
    open = StoreFixtures.open(database(), clock);
    repo = JdbcAlertRepository.open(open.dataSource(), clock);
  }

  @AfterEach
  void tearDown() {
    open.close();
  }

  private Alert alert(String area, String period, Ownership o) {
    return new Alert(
        0,
        AlertRule.ANOMALY,
        AlertSeverity.WARNING,
        new AlertSubject("HOMICIDES", area, period),
        "CRIME",
        "Unusually high value",
        "Необычно высокое значение",
        Map.of("value", "12.5", "upper", "9.0"),
        clock.instant(),
        o,
        List.of());
  }

  @Test
  void raise_sameKeyTwice_storesOnce() {
    Ownership o = Ownership.of("KAZ-SC", Classification.SHARED);
    List<Alert> first = repo.raise(SYSTEM, List.of(alert("KZ", "2024", o), alert("KZ", "2023", o)));
    clock.advance(Duration.ofHours(1));
    List<Alert> second =
        repo.raise(SYSTEM, List.of(alert("KZ", "2024", o), alert("KZ", "2022", o)));

    assertThat(first).hasSize(2);
    assertThat(second).extracting(a -> a.subject().period()).containsExactly("2022");
    assertThat(repo.list(SYSTEM, AlertQuery.all())).hasSize(3);
    assertThat(repo.list(SYSTEM, AlertQuery.all()).get(0).evidence())
        .containsEntry("value", "12.5");
  }

  @Test
  void list_nationalAlertOfAnotherOrganisation_isInvisible() {
    Alert kz =
        repo.raise(
                SYSTEM,
                List.of(alert("KZ", "2024", Ownership.of("KAZ-SC", Classification.NATIONAL))))
            .get(0);
    repo.raise(SYSTEM, List.of(alert("RU", "2024", Ownership.of("RUS-SC", Classification.PUBLIC))));

    assertThat(repo.list(RUS_ADMIN, AlertQuery.all()))
        .extracting(a -> a.subject().area())
        .containsExactly("RU");
    assertThatThrownBy(() -> repo.get(RUS_ADMIN, kz.id())).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> repo.mark(RUS_ADMIN, kz.id(), AlertState.SEEN))
        .isInstanceOf(NotFoundException.class);
    assertThat(repo.list(KAZ_ANALYST, AlertQuery.all()))
        .extracting(a -> a.subject().area())
        .containsExactlyInAnyOrder("KZ", "RU");
    List<AuditEntry> audit = open.store().audit().entries(SYSTEM, 0, 1000);
    assertThat(audit)
        .anySatisfy(
            e -> {
              assertThat(e.action()).isEqualTo("alert.read");
              assertThat(e.user()).isEqualTo("kaz.analyst");
            });
  }

  @Test
  void mark_seenThenClosed_keepsEveryStateInHistory() throws SQLException {
    Alert a =
        repo.raise(
                SYSTEM, List.of(alert("KZ", "2024", Ownership.of("KAZ-SC", Classification.SHARED))))
            .get(0);
    clock.advance(Duration.ofMinutes(5));
    repo.mark(KAZ_ANALYST, a.id(), AlertState.SEEN);
    clock.advance(Duration.ofMinutes(5));
    Alert closed = repo.mark(KAZ_ANALYST, a.id(), AlertState.CLOSED);

    Alert read = repo.get(KAZ_ANALYST, a.id());
    assertThat(read).isEqualTo(closed);
    assertThat(read.history())
        .extracting(AlertChange::state)
        .containsExactly(AlertState.NEW, AlertState.SEEN, AlertState.CLOSED);
    assertThat(read.history().get(1).by()).isEqualTo("kaz.analyst");
    assertThat(read.history().get(2).at()).isEqualTo(clock.instant());
    assertThat(count("SELECT COUNT(*) FROM alert_state_change")).isEqualTo(3);
    assertThat(
            repo.list(
                KAZ_ANALYST,
                new AlertQuery(Optional.of(AlertState.NEW), Optional.empty(), Optional.empty())))
        .isEmpty();
    assertThat(
            repo.list(
                KAZ_ANALYST,
                new AlertQuery(
                    Optional.of(AlertState.CLOSED),
                    Optional.of("KZ"),
                    Optional.of(AlertRule.ANOMALY))))
        .hasSize(1);
  }

  @Test
  void mark_sharedAlertByAnotherOrganisation_isDenied() {
    Alert a =
        repo.raise(
                SYSTEM, List.of(alert("KZ", "2024", Ownership.of("KAZ-SC", Classification.SHARED))))
            .get(0);

    assertThat(repo.get(RUS_ADMIN, a.id()).id()).isEqualTo(a.id());
    assertThatThrownBy(() -> repo.mark(RUS_ADMIN, a.id(), AlertState.CLOSED))
        .isInstanceOf(AccessDeniedException.class)
        .hasMessageContaining("KAZ-SC");
    assertThat(repo.get(SYSTEM, a.id()).state()).isEqualTo(AlertState.NEW);
  }

  @Test
  void mark_sameStateOrNew_isRejected() {
    Alert a =
        repo.raise(
                SYSTEM, List.of(alert("KZ", "2024", Ownership.of("KAZ-SC", Classification.SHARED))))
            .get(0);
    repo.mark(KAZ_ANALYST, a.id(), AlertState.SEEN);

    assertThatThrownBy(() -> repo.mark(KAZ_ANALYST, a.id(), AlertState.SEEN))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("already SEEN");
    assertThatThrownBy(() -> repo.mark(KAZ_ANALYST, a.id(), AlertState.NEW))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void raise_byUser_isDenied() {
    Ownership o = Ownership.of("KAZ-SC", Classification.SHARED);

    assertThatThrownBy(() -> repo.raise(KAZ_ANALYST, List.of(alert("KZ", "2024", o))))
        .isInstanceOf(AccessDeniedException.class);
    assertThat(repo.list(SYSTEM, AlertQuery.all())).isEmpty();
  }

  private long count(String sql) throws SQLException {
    try (Connection c = open.dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
