package org.vigil.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vigil.model.AccessContext;
import org.vigil.model.AccessDeniedException;
import org.vigil.model.AuditEntry;
import org.vigil.model.Classification;
import org.vigil.model.NotFoundException;
import org.vigil.model.Ownership;
import org.vigil.model.Role;
import org.vigil.model.SharingAgreement;
import org.vigil.model.ThreatDomain;
import org.vigil.model.water.WaterRun;
import org.vigil.model.water.WaterRunRepository;

/** The water run repository contract, run on H2 and on PostgreSQL. */
abstract class WaterRunRepositoryContractTest {
  private static final AccessContext KAZ = AccessContext.of("kaz.analyst", "KAZ-SC", Role.ANALYST);
  private static final AccessContext UZB = AccessContext.of("uzb.analyst", "UZB-SC", Role.ANALYST);
  private static final AccessContext RUS = AccessContext.of("rus.analyst", "RUS-SC", Role.ANALYST);

  private final TestClock clock = TestClock.standard();
  private StoreFixtures.OpenStore open;
  private WaterRunRepository repo;

  abstract StoreFixtures.TestDatabase database();

  @BeforeEach
  void setUp() {
    open = StoreFixtures.open(database(), clock);
    repo = JdbcWaterRunRepository.open(open.dataSource(), clock);
  }

  @AfterEach
  void tearDown() {
    open.close();
  }

  private WaterRun run(Ownership o, double shortfall) {
    return new WaterRun(
        0,
        "SYR_DARYA",
        "dry",
        "MAX_MIN",
        "2027-01",
        12,
        Double.isNaN(shortfall) ? "INFEASIBLE" : "OPTIMAL",
        shortfall,
        "{\"basin\":\"SYR_DARYA\",\"inflow\":[1.5,2.0]}",
        "{\"status\":\"OPTIMAL\"}",
        "kaz.analyst",
        clock.instant(),
        o);
  }

  @Test
  void save_thenGetAndList_returnTheRunAsStored_andTheStoreIsAudited() {
    WaterRun saved = repo.save(KAZ, run(Ownership.of("KAZ-SC", Classification.SHARED), 512.25));
    WaterRun infeasible =
        repo.save(KAZ, run(Ownership.of("KAZ-SC", Classification.SHARED), Double.NaN));

    assertThat(saved.id()).isPositive();
    assertThat(repo.get(UZB, saved.id())).isEqualTo(saved);
    assertThat(repo.get(KAZ, infeasible.id()).totalShortfall()).isNaN();
    assertThat(repo.list(UZB, Optional.of("SYR_DARYA"))).containsExactly(infeasible, saved);
    assertThat(repo.list(UZB, Optional.of("AMU_DARYA"))).isEmpty();
    List<AuditEntry> audit = open.store().audit().entries(AccessContext.system(), 0, 1000);
    assertThat(audit)
        .filteredOn(e -> e.action().equals("water.run"))
        .extracting(AuditEntry::subject)
        .containsExactly("water run " + saved.id(), "water run " + infeasible.id());
  }

  @Test
  void readRule_nationalOwnerOnly_restrictedNamed_sharingAgreementInWaterDomain() {
    WaterRun national = repo.save(KAZ, run(Ownership.of("KAZ-SC", Classification.NATIONAL), 1));
    WaterRun restricted = repo.save(KAZ, run(Ownership.restricted("KAZ-SC", Set.of("RUS-SC")), 2));

    assertThat(repo.get(KAZ, national.id())).isEqualTo(national);
    assertThatThrownBy(() -> repo.get(UZB, national.id())).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> repo.get(UZB, restricted.id())).isInstanceOf(NotFoundException.class);
    assertThat(repo.get(RUS, restricted.id())).isEqualTo(restricted);
    assertThat(repo.list(AccessContext.anonymous(), Optional.empty())).isEmpty();

    AccessContext sys = AccessContext.system();
    open.store()
        .sharing()
        .grant(
            sys,
            new SharingAgreement(
                "KAZ-SC", "UZB-SC", Classification.NATIONAL, Set.of(ThreatDomain.TERRORISM)));
    assertThat(repo.list(UZB, Optional.empty())).isEmpty();
    open.store()
        .sharing()
        .grant(
            sys,
            new SharingAgreement(
                "KAZ-SC", "UZB-SC", Classification.NATIONAL, Set.of(ThreatDomain.WATER)));
    assertThat(repo.list(UZB, Optional.empty())).containsExactly(national);
    assertThat(open.store().audit().entries(sys, 0, 1000))
        .anySatisfy(e -> assertThat(e.action()).isEqualTo("water.read"));
  }

  @Test
  void save_byViewerAnonymousOrForAnotherOwner_isRefusedAndStoresNothing() {
    WaterRun kaz = run(Ownership.of("KAZ-SC", Classification.SHARED), 1);
    AccessContext viewer = AccessContext.of("kaz.viewer", "KAZ-SC", Role.VIEWER);
    assertThatThrownBy(() -> repo.save(viewer, kaz)).isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> repo.save(AccessContext.anonymous(), kaz))
        .isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> repo.save(UZB, kaz))
        .isInstanceOf(AccessDeniedException.class)
        .hasMessageContaining("a run belongs to the organisation of the user who runs it");
    assertThat(repo.list(AccessContext.system(), Optional.empty())).isEmpty();
  }
}
