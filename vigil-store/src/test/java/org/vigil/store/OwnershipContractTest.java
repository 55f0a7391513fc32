package org.vigil.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vigil.model.AccessContext;
import org.vigil.model.AccessDeniedException;
import org.vigil.model.Aggregation;
import org.vigil.model.Area;
import org.vigil.model.AreaKind;
import org.vigil.model.Classification;
import org.vigil.model.Indicator;
import org.vigil.model.IngestBatch;
import org.vigil.model.InvalidInputException;
import org.vigil.model.Observation;
import org.vigil.model.Organisation;
import org.vigil.model.Ownership;
import org.vigil.model.Polarity;
import org.vigil.model.Role;
import org.vigil.model.ThreatDomain;
import org.vigil.timeseries.Frequency;
import org.vigil.timeseries.Period;

/**
 * Ownership that cannot be borrowed: who may report for an area, owners as part of a series'
 * identity, future periods, and withdrawal of vintages when a classification rises. Run on H2 and
 * PostgreSQL by the subclasses.
 */
abstract class OwnershipContractTest {
  static final String IND = "TERROR_INCIDENTS";
  static final AccessContext SYSTEM = AccessContext.system();
  static final AccessContext KAZ_STEWARD =
      AccessContext.of("kaz.steward", "KAZ-SC", Role.DATA_STEWARD);
  static final AccessContext KAZ_VIEWER = AccessContext.of("kaz.viewer", "KAZ-SC", Role.VIEWER);
  static final AccessContext RUS_STEWARD =
      AccessContext.of("rus.steward", "RUS-SC", Role.DATA_STEWARD);
  static final AccessContext RUS_VIEWER = AccessContext.of("rus.viewer", "RUS-SC", Role.VIEWER);

  TestClock clock;
  StoreFixtures.OpenStore open;
  Store store;
  ReportingAgreements agreements;

  abstract StoreFixtures.TestDatabase database();

  @BeforeEach
  void openStore() {
    clock = TestClock.standard();
    open = StoreFixtures.open(database(), clock);
    store = open.store();
    agreements = ReportingAgreements.open(open.dataSource(), clock);
    for (String c : List.of("KAZ", "RUS")) {
      store.reference().saveArea(SYSTEM, new Area(c, AreaKind.COUNTRY, c, c, "", ""));
      store
          .reference()
          .saveOrganisation(SYSTEM, new Organisation(c + "-SC", c + " council", "", c, false));
    }
    store
        .reference()
        .saveIndicator(
            SYSTEM,
            new Indicator(
                IND,
                IND,
                "",
                ThreatDomain.TERRORISM,
                "count",
                Frequency.MONTHLY,
                "",
                Polarity.RISE_IS_BAD,
                Aggregation.SUM,
                "",
                false));
  }

  @AfterEach
  void closeStore() {
    open.close();
  }

  static Observation obs(String area, String period, double v, String flags, Ownership o) {
    return new Observation(IND, area, Period.parse(period), v, flags, "test", 0, null, o);
  }

  IngestBatch append(AccessContext ctx, Observation... rows) {
    clock.advance(Duration.ofHours(1));
    return store
        .observations()
        .append(
            ctx,
            new IngestBatch(
                0, "x", "x", Instant.EPOCH, "f.csv", "abc" + clock.instant(), "long-csv", 0, 0, 0),
            List.of(rows));
  }

  @Test
  void append_forAnotherStatesArea_withoutAgreement_isDeniedNamingTheRow() {
    long before = store.observations().count(SYSTEM);
    assertThatThrownBy(
            () ->
                append(
                    KAZ_STEWARD,
                    obs("KAZ", "2024-01", 1, "", Ownership.of("KAZ-SC", Classification.PUBLIC)),
                    obs("RUS", "2024-02", 7, "", Ownership.of("KAZ-SC", Classification.NATIONAL))))
        .isInstanceOf(AccessDeniedException.class)
        .hasMessageContaining("KAZ-SC may not report values for area RUS")
        .hasMessageContaining(IND + "/RUS/2024-02")
        .hasMessageContaining("reporting agreement")
        .hasMessageContaining("./vigil agreements allow --reporter KAZ-SC --area RUS")
        .hasMessageContaining("an admin of RUS-SC");
    assertThat(store.observations().count(SYSTEM)).isEqualTo(before);
  }

  @Test
  void checkWrite_refusesWhatAppendWouldRefuse_andWritesNothing() {
    String before = StoreFixtures.dump(open.dataSource());
    List<Observation> otherArea =
        List.of(obs("RUS", "2024-02", 7, "", Ownership.of("KAZ-SC", Classification.NATIONAL)));
    List<Observation> otherOwner =
        List.of(obs("KAZ", "2024-02", 7, "", Ownership.of("RUS-SC", Classification.NATIONAL)));
    List<Observation> own =
        List.of(obs("KAZ", "2024-02", 7, "", Ownership.of("KAZ-SC", Classification.NATIONAL)));

    assertThatThrownBy(() -> store.observations().checkWrite(KAZ_STEWARD, "f.csv", otherArea))
        .isInstanceOf(AccessDeniedException.class)
        .hasMessageContaining("KAZ-SC may not report values for area RUS");
    assertThatThrownBy(() -> store.observations().checkWrite(KAZ_STEWARD, "f.csv", otherOwner))
        .isInstanceOf(AccessDeniedException.class)
        .hasMessageContaining("may not write data owned by RUS-SC");
    store.observations().checkWrite(KAZ_STEWARD, "f.csv", own);

    assertThat(StoreFixtures.dump(open.dataSource())).isEqualTo(before);
  }

  @Test
  void poisoning_anotherOwnersValue_isASeparateSeries_neverAReplacement() {
    append(
        RUS_STEWARD,
        obs("RUS", "2024-01", 100, "", Ownership.of("RUS-SC", Classification.NATIONAL)));
    agreements.allow(SYSTEM, "KAZ-SC", "RUS");
    append(
        KAZ_STEWARD,
        obs("RUS", "2024-01", 123456.5, "", Ownership.of("KAZ-SC", Classification.PUBLIC)));

    List<Observation> rusView = store.observations().series(RUS_VIEWER, IND, "RUS");
    assertThat(rusView).extracting(Observation::value).containsExactly(100.0);
    assertThat(rusView.get(0).ownership().owner()).isEqualTo("RUS-SC");
    assertThat(store.observations().series(SYSTEM, IND, "RUS"))
        .extracting(Observation::value)
        .containsExactly(100.0);
    assertThat(store.observations().owners(RUS_VIEWER, IND, "RUS"))
        .containsExactly("KAZ-SC", "RUS-SC");
    assertThat(store.observations().series(RUS_VIEWER, IND, "RUS", "KAZ-SC", Instant.MAX))
        .extracting(Observation::value)
        .containsExactly(123456.5);
    assertThat(store.observations().latestByIndicator(RUS_VIEWER, IND, Instant.MAX))
        .extracting(Observation::value)
        .containsExactly(100.0);
    // The area's one-read view agrees with the series read per indicator, for each reader.
    assertThat(store.observations().latestByArea(RUS_VIEWER, "RUS").get(IND)).isEqualTo(rusView);
    assertThat(store.observations().latestByArea(SYSTEM, "RUS").get(IND))
        .extracting(Observation::value)
        .containsExactly(100.0);
    assertThat(store.observations().latestByArea(KAZ_VIEWER, "RUS").get(IND))
        .isEqualTo(store.observations().series(KAZ_VIEWER, IND, "RUS"));
    // KAZ cannot read RUS's NATIONAL series: it sees its own, labelled as its own.
    List<Observation> kazView = store.observations().series(KAZ_VIEWER, IND, "RUS");
    assertThat(kazView).extracting(o -> o.ownership().owner()).containsExactly("KAZ-SC");
    assertThat(store.observations().owners(KAZ_VIEWER, IND, "RUS")).containsExactly("KAZ-SC");
  }

  @Test
  void append_futurePeriod_isRefusedUnlessFlaggedAsProjection() {
    long before = store.observations().count(SYSTEM);
    assertThatThrownBy(
            () ->
                append(
                    KAZ_STEWARD,
                    obs("KAZ", "2040-01", 5, "", Ownership.of("KAZ-SC", Classification.PUBLIC))))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("Period 2040-01 of " + IND + "/KAZ starts after today (2025-01-01")
        .hasMessageContaining("flag the value 'F'");
    assertThat(store.observations().count(SYSTEM)).isEqualTo(before);

    append(
        KAZ_STEWARD, obs("KAZ", "2025-01", 4, "", Ownership.of("KAZ-SC", Classification.PUBLIC)));
    append(
        KAZ_STEWARD, obs("KAZ", "2040-01", 5, "F", Ownership.of("KAZ-SC", Classification.PUBLIC)));
    assertThat(store.observations().series(KAZ_VIEWER, IND, "KAZ"))
        .extracting(o -> o.period().toString())
        .containsExactly("2025-01", "2040-01");
  }

  @Test
  void raisingClassification_withdrawsEarlierSharedVintagesFromOthers() {
    append(
        RUS_STEWARD, obs("RUS", "2024-01", 50, "", Ownership.of("RUS-SC", Classification.SHARED)));
    Instant shared = clock.instant();
    assertThat(store.observations().series(KAZ_VIEWER, IND, "RUS"))
        .extracting(Observation::value)
        .containsExactly(50.0);

    append(
        RUS_STEWARD,
        obs("RUS", "2024-01", 50, "", Ownership.of("RUS-SC", Classification.NATIONAL)));

    assertThat(store.observations().series(KAZ_VIEWER, IND, "RUS")).isEmpty();
    assertThat(store.observations().series(KAZ_VIEWER, IND, "RUS", shared)).isEmpty();
    assertThat(store.observations().vintages(KAZ_VIEWER, IND, "RUS", Period.parse("2024-01")))
        .isEmpty();
    assertThat(store.observations().latestByIndicator(KAZ_VIEWER, IND, Instant.MAX)).isEmpty();
    assertThat(store.observations().latestByArea(KAZ_VIEWER, "RUS")).isEmpty();
    assertThat(store.observations().vintages(RUS_VIEWER, IND, "RUS", Period.parse("2024-01")))
        .extracting(o -> o.ownership().classification())
        .containsExactly(Classification.SHARED, Classification.NATIONAL);
  }

  @Test
  void loweringClassification_sharesOnlyTheNewVintage() {
    append(
        RUS_STEWARD,
        obs("RUS", "2024-01", 60, "", Ownership.of("RUS-SC", Classification.NATIONAL)));
    append(
        RUS_STEWARD, obs("RUS", "2024-01", 61, "", Ownership.of("RUS-SC", Classification.SHARED)));
    assertThat(store.observations().vintages(KAZ_VIEWER, IND, "RUS", Period.parse("2024-01")))
        .extracting(Observation::value)
        .containsExactly(61.0);
  }

  @Test
  void reportingAgreement_grantedBySomeoneElse_isDenied() {
    assertThatThrownBy(
            () ->
                agreements.allow(
                    AccessContext.of("kaz.admin", "KAZ-SC", Role.ORG_ADMIN), "KAZ-SC", "RUS"))
        .isInstanceOf(AccessDeniedException.class)
        .hasMessageContaining("may not grant reporting agreements");
  }

  static final AccessContext RUS_ADMIN = AccessContext.of("rus.admin", "RUS-SC", Role.ORG_ADMIN);
  static final AccessContext KAZ_ADMIN = AccessContext.of("kaz.admin", "KAZ-SC", Role.ORG_ADMIN);
  static final AccessContext SYS_ADMIN =
      AccessContext.of("admin", "SECRETARIAT", Role.SYSTEM_ADMIN);

  @Test
  void reportingAgreement_theAreaOwnersAdminGrants_thenRevokes_andAppendFollows() {
    Observation forRus =
        obs("RUS", "2024-02", 7, "", Ownership.of("KAZ-SC", Classification.PUBLIC));
    assertThatThrownBy(() -> append(KAZ_STEWARD, forRus)).isInstanceOf(AccessDeniedException.class);
    assertThat(agreements.allow(RUS_ADMIN, "KAZ-SC", "RUS")).isTrue();
    assertThat(agreements.allow(RUS_ADMIN, "KAZ-SC", "RUS")).isFalse();
    append(KAZ_STEWARD, forRus);
    agreements.revoke(RUS_ADMIN, "KAZ-SC", "RUS");
    assertThatThrownBy(() -> append(KAZ_STEWARD, forRus)).isInstanceOf(AccessDeniedException.class);
    assertThat(
            store.audit().entries(SYS_ADMIN, 0, 1000).stream()
                .filter(e -> e.action().startsWith("reporting."))
                .map(e -> e.action() + " " + e.subject() + " by " + e.user()))
        .containsExactly(
            "reporting.allow KAZ-SC -> RUS by rus.admin",
            "reporting.revoke KAZ-SC -> RUS by rus.admin");
  }

  @Test
  void reportingAgreement_onlyTheSystemAdminOrTheAreaOwnersAdmin_mayChangeIt() {
    for (AccessContext refused : List.of(KAZ_ADMIN, RUS_STEWARD, RUS_VIEWER)) {
      assertThatThrownBy(() -> agreements.allow(refused, "KAZ-SC", "RUS"))
          .as(refused.user())
          .isInstanceOf(AccessDeniedException.class)
          .hasMessageContaining(
              "expected a system administrator or an organisation admin of RUS-SC");
    }
    agreements.allow(SYS_ADMIN, "KAZ-SC", "RUS");
    assertThatThrownBy(() -> agreements.revoke(KAZ_ADMIN, "KAZ-SC", "RUS"))
        .isInstanceOf(AccessDeniedException.class);
    assertThat(agreements.list(SYSTEM))
        .containsExactly(new ReportingAgreements.Agreement("KAZ-SC", "RUS"));
    agreements.revoke(SYS_ADMIN, "KAZ-SC", "RUS");
    assertThat(agreements.list(SYSTEM)).isEmpty();
    assertThatThrownBy(() -> agreements.revoke(SYS_ADMIN, "KAZ-SC", "RUS"))
        .isInstanceOf(org.vigil.model.NotFoundException.class);
  }

  @Test
  void reportingAgreement_unknownOrganisationOrArea_orOwnArea_isRefused() {
    assertThatThrownBy(() -> agreements.allow(SYS_ADMIN, "NOPE-SC", "RUS"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("Unknown organisation 'NOPE-SC'");
    assertThatThrownBy(() -> agreements.allow(SYS_ADMIN, "KAZ-SC", "XXX"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("Unknown area 'XXX'");
    assertThatThrownBy(() -> agreements.allow(SYS_ADMIN, "KAZ-SC", "KAZ"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("its own area");
    assertThat(agreements.list(SYSTEM)).isEmpty();
  }

  @Test
  void reportingAgreements_areListedToTheOrganisationsTheyConcern() {
    store.reference().saveArea(SYSTEM, new Area("BLR", AreaKind.COUNTRY, "BLR", "BLR", "", ""));
    store
        .reference()
        .saveOrganisation(SYSTEM, new Organisation("BLR-SC", "BLR council", "", "BLR", false));
    agreements.allow(SYS_ADMIN, "KAZ-SC", "RUS");
    agreements.allow(SYS_ADMIN, "BLR-SC", "KAZ");
    var kazRus = new ReportingAgreements.Agreement("KAZ-SC", "RUS");
    var blrKaz = new ReportingAgreements.Agreement("BLR-SC", "KAZ");
    assertThat(agreements.list(SYS_ADMIN)).containsExactly(blrKaz, kazRus);
    assertThat(agreements.list(KAZ_VIEWER)).containsExactly(blrKaz, kazRus);
    assertThat(agreements.list(RUS_VIEWER)).containsExactly(kazRus);
    assertThat(agreements.list(AccessContext.of("b", "BLR-SC", Role.VIEWER)))
        .containsExactly(blrKaz);
  }
}
