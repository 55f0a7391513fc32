package org.vigil.app.programme;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vigil.analytics.programme.DriftSpec;
import org.vigil.analytics.programme.KpiDrift;
import org.vigil.app.Vigil;
import org.vigil.model.AccessContext;
import org.vigil.model.Classification;
import org.vigil.model.Ownership;
import org.vigil.model.Role;
import org.vigil.model.programme.Kpi;
import org.vigil.store.TestSeries;

/**
 * The drift cache reuses an assessment only for the same programme version, day, spec and the same
 * inputs as the reader reads them: a new vintage recomputes, a new version recomputes, and a reader
 * who may not read a value never gets a figure made from it.
 */
class DriftCacheTest {
  private static final AccessContext RUS = AccessContext.of("rus.analyst", "RUS-SC", Role.ANALYST);
  private static final AccessContext RUS_VIEWER =
      AccessContext.of("rus.viewer", "RUS-SC", Role.VIEWER);
  private static final AccessContext KAZ = AccessContext.of("kaz.analyst", "KAZ-SC", Role.ANALYST);
  private static final AccessContext COORDINATOR =
      AccessContext.of("secretariat.coordinator", "SECRETARIAT", Role.PROGRAMME_COORDINATOR);
  private static final String CRIME = ProgrammeDemo.CRIME;

  private Vigil vigil;
  private ProgrammeService service;

  @BeforeEach
  void open() {
    vigil = DemoVigil.open();
    service = new ProgrammeService(vigil);
  }

  @AfterEach
  void close() {
    vigil.close();
  }

  @Test
  void drift_sameInputs_isReused_evenByAnotherReaderWhoReadsTheSame() {
    List<KpiDrift> first = service.drift(RUS, CRIME, DriftSpec.DEFAULT).kpis();
    List<KpiDrift> again = service.drift(RUS, CRIME, DriftSpec.DEFAULT).kpis();
    List<KpiDrift> viewer = service.drift(RUS_VIEWER, CRIME, DriftSpec.DEFAULT).kpis();

    assertThat(again).isEqualTo(first);
    assertThat(viewer).isEqualTo(first);
    assertThat(service.driftCache().misses()).isEqualTo(1);
    assertThat(service.driftCache().hits()).isEqualTo(2);
    // Another threshold is another spec: assessed anew.
    service.drift(RUS, CRIME, DriftSpec.DEFAULT.withThreshold(0.6));
    assertThat(service.driftCache().misses()).isEqualTo(2);
  }

  @Test
  void drift_newNationalVintage_recomputesForItsReader_andNeverReachesAnotherReader() {
    List<KpiDrift> rusBefore = service.drift(RUS, CRIME, DriftSpec.DEFAULT).kpis();
    List<KpiDrift> kazBefore = service.drift(KAZ, CRIME, DriftSpec.DEFAULT).kpis();
    KpiDrift k1 = k1(rusBefore);
    Kpi kpi = service.show(RUS, CRIME, 0).content().kpi("K1").orElseThrow();
    double revised = k1.lastValue() * 3;
    // Russia revises its latest value, for its own eyes only.
    TestSeries.append(
        vigil.observations(),
        "RUS-SC",
        Instant.parse("2026-03-15T09:00:00Z"),
        "revision.csv",
        "ab".repeat(32),
        List.of(
            TestSeries.value(
                kpi.indicator(),
                kpi.area(),
                k1.lastPeriod(),
                revised,
                new Ownership("RUS-SC", Classification.NATIONAL, java.util.Set.of()))));
    long missesBefore = service.driftCache().misses();

    List<KpiDrift> rusAfter = service.drift(RUS, CRIME, DriftSpec.DEFAULT).kpis();
    List<KpiDrift> kazAfter = service.drift(KAZ, CRIME, DriftSpec.DEFAULT).kpis();

    assertThat(service.driftCache().misses()).isGreaterThan(missesBefore);
    assertThat(k1(rusAfter).lastValue()).isEqualTo(revised);
    assertThat(k1(rusAfter).probability()).isNotEqualTo(k1.probability());
    assertThat(k1(kazAfter).lastValue()).isNotEqualTo(revised);
    assertThat(k1(kazAfter).median()).isNotEqualTo(k1(rusAfter).median());
    assertThat(kazBefore).isNotEqualTo(rusAfter);
    // The cache never changes an answer: a service without one gives the same.
    ProgrammeService fresh = new ProgrammeService(vigil);
    assertThat(fresh.drift(RUS, CRIME, DriftSpec.DEFAULT).kpis()).isEqualTo(rusAfter);
    assertThat(fresh.drift(KAZ, CRIME, DriftSpec.DEFAULT).kpis()).isEqualTo(kazAfter);
  }

  @Test
  void drift_newVersionInForce_isAssessedAnew() {
    ProgrammeDrift before = service.drift(RUS, CRIME, DriftSpec.DEFAULT);
    service.accept(RUS, CRIME, "K1-TARGET", DriftSpec.DEFAULT, "");
    service.decide(COORDINATOR, CRIME, before.version() + 1, true, "agreed");
    long misses = service.driftCache().misses();

    ProgrammeDrift after = service.drift(RUS, CRIME, DriftSpec.DEFAULT);

    assertThat(after.version()).isEqualTo(before.version() + 1);
    assertThat(service.driftCache().misses()).isEqualTo(misses + 1);
    assertThat(k1(after.kpis()).target()).isNotEqualTo(k1(before.kpis()).target());
  }

  private static KpiDrift k1(List<KpiDrift> kpis) {
    return kpis.stream().filter(k -> k.kpi().equals("K1")).findFirst().orElseThrow();
  }
}
