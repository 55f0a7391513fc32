package org.vigil.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vigil.model.AccessContext;
import org.vigil.model.Aggregation;
import org.vigil.model.Area;
import org.vigil.model.AreaKind;
import org.vigil.model.Classification;
import org.vigil.model.Indicator;
import org.vigil.model.IngestBatch;
import org.vigil.model.Observation;
import org.vigil.model.Ownership;
import org.vigil.model.Polarity;
import org.vigil.model.Role;
import org.vigil.model.ThreatDomain;
import org.vigil.store.StoreException;
import org.vigil.store.StoreFixtures;
import org.vigil.store.TestClock;
import org.vigil.timeseries.Frequency;
import org.vigil.timeseries.Period;

class VigilTest {

  @Test
  void fromEnvironment_nothingSet_usesSharedH2FileUnderData() {
    VigilConfig c = VigilConfig.fromEnvironment(Map.of());
    assertThat(c.dbUrl()).startsWith("jdbc:h2:file:./data/vigil").contains("AUTO_SERVER=TRUE");
    assertThat(c.isH2()).isTrue();
  }

  @Test
  void fromEnvironment_postgres_readsUrlUserAndPasswordAndHidesPassword() {
    VigilConfig c =
        VigilConfig.fromEnvironment(
            Map.of(
                "VIGIL_DB_URL", "jdbc:postgresql://db/vigil",
                "VIGIL_DB_USER", "vigil",
                "VIGIL_DB_PASSWORD", "s3cret"));
    assertThat(List.of(c.dbUrl(), c.dbUser(), c.dbPassword()))
        .containsExactly("jdbc:postgresql://db/vigil", "vigil", "s3cret");
    assertThat(c.toString()).doesNotContain("s3cret");
  }

  @Test
  void config_otherDatabase_isRejectedWithTheAcceptedForms() {
    assertThatThrownBy(() -> VigilConfig.of("jdbc:mysql://x/y", "", ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("jdbc:postgresql:");
  }

  @Test
  void open_unreachableDatabase_failsWithOneClearMessage() {
    assertThatThrownBy(
            () -> Vigil.open(VigilConfig.of("jdbc:postgresql://127.0.0.1:1/x", "a", "b")))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("VIGIL_DB_URL");
  }

  @Test
  void open_h2InMemory_servesTheRepositories() {
    try (Vigil vigil =
        Vigil.open(VigilConfig.h2InMemory("vigil_test_app").withClock(TestClock.standard()))) {
      roundTrip(vigil);
    }
  }

  /** Through the pool's proxy connections the PostgreSQL COPY path must still be taken and work. */
  @Test
  void open_postgres_servesTheRepositories() {
    StoreFixtures.TestDatabase db = StoreFixtures.postgres();
    try (Vigil vigil =
        Vigil.open(
            VigilConfig.of(db.url(), db.user(), db.password()).withClock(TestClock.standard()))) {
      assertThat(vigil.store().isPostgres()).isTrue();
      roundTrip(vigil);
    }
  }

  private static void roundTrip(Vigil vigil) {
    AccessContext system = AccessContext.system();
    vigil
        .reference()
        .saveArea(system, new Area("KAZ", AreaKind.COUNTRY, "Kazakhstan", "", "KZ", "398"));
    vigil
        .reference()
        .saveIndicator(
            system,
            new Indicator(
                "WATER_X",
                "X",
                "",
                ThreatDomain.WATER,
                "",
                Frequency.YEARLY,
                "",
                Polarity.NEUTRAL,
                Aggregation.MEAN,
                "",
                false));
    // KAZ-SC reports for its own area (who may report for which area is data)
    vigil
        .reference()
        .saveOrganisation(
            AccessContext.system(),
            new org.vigil.model.Organisation("KAZ-SC", "KAZ council", "", "KAZ", false));
    AccessContext steward = AccessContext.of("s", "KAZ-SC", Role.DATA_STEWARD);
    Observation o =
        new Observation(
            "WATER_X",
            "KAZ",
            Period.year(2020),
            1.5,
            "",
            "",
            0,
            null,
            Ownership.of("KAZ-SC", Classification.NATIONAL));
    IngestBatch b =
        vigil
            .observations()
            .append(
                steward,
                new IngestBatch(0, "", "", Instant.EPOCH, "f", "00", "json", 1, 0, 0),
                List.of(o));

    assertThat(b.rowsAdded()).isEqualTo(1);
    assertThat(vigil.observations().series(steward, "WATER_X", "KAZ"))
        .containsExactly(o.withVintage(b.id(), vigil.clock().instant()));
    assertThat(vigil.audit().verify(system).valid()).isTrue();
  }
}
