package org.vigil.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vigil.model.AccessContext;
import org.vigil.model.AccessDeniedException;
import org.vigil.model.AuditEntry;
import org.vigil.model.Classification;
import org.vigil.model.InvalidInputException;
import org.vigil.model.Organisation;
import org.vigil.model.Ownership;
import org.vigil.model.Role;
import org.vigil.model.programme.Budget;
import org.vigil.model.programme.ImplementationReport;
import org.vigil.model.programme.Kpi;
import org.vigil.model.programme.KpiDirection;
import org.vigil.model.programme.Measure;
import org.vigil.model.programme.MeasureStatus;
import org.vigil.model.programme.Objective;
import org.vigil.model.programme.Programme;
import org.vigil.model.programme.ProgrammeCodec;
import org.vigil.model.programme.ProgrammeDiff;
import org.vigil.model.programme.ProgrammeHistory;
import org.vigil.model.programme.ProgrammeRepository;
import org.vigil.model.programme.ProgrammeRevision;
import org.vigil.model.programme.RevisionState;
import org.vigil.timeseries.Frequency;
import org.vigil.timeseries.Period;

/** The programme repository contract, run on H2 and on PostgreSQL. */
abstract class ProgrammeRepositoryContractTest {
  private static final AccessContext KAZ_STEWARD =
      AccessContext.of("kaz.steward", "KAZ-SC", Role.DATA_STEWARD);
  private static final AccessContext KAZ_ANALYST =
      AccessContext.of("kaz.analyst", "KAZ-SC", Role.ANALYST);
  private static final AccessContext RUS_VIEWER =
      AccessContext.of("rus.viewer", "RUS-SC", Role.VIEWER);
  private static final AccessContext ARM_ADMIN =
      AccessContext.of("arm.admin", "ARM-SC", Role.ORG_ADMIN);
  private static final AccessContext SEC_COORD =
      AccessContext.of("sec.coord", "SECRETARIAT", Role.PROGRAMME_COORDINATOR);
  private static final AccessContext RUS_ANALYST =
      AccessContext.of("rus.analyst", "RUS-SC", Role.ANALYST);
  private static final AccessContext RUS_COORD =
      AccessContext.of("rus.coord", "RUS-SC", Role.PROGRAMME_COORDINATOR);
  private static final AccessContext KAZ_COORD =
      AccessContext.of("kaz.coord", "KAZ-SC", Role.PROGRAMME_COORDINATOR);
  private static final AccessContext KGZ_ANALYST =
      AccessContext.of("kgz.analyst", "KGZ-SC", Role.ANALYST);
  private static final AccessContext KGZ_COORD =
      AccessContext.of("kgz.coord", "KGZ-SC", Role.PROGRAMME_COORDINATOR);

  private StoreFixtures.OpenStore open;
  private ProgrammeRepository repo;
  private final TickingClock clock = new TickingClock();

  abstract StoreFixtures.TestDatabase database();

  @BeforeEach
  void setUp() {
    open = StoreFixtures.open(database(), clock);
    var ref = open.store().reference();
    ref.saveOrganisation(
        AccessContext.system(), new Organisation("KAZ-SC", "KZ", "", "KAZ", false));
    ref.saveOrganisation(
        AccessContext.system(), new Organisation("RUS-SC", "RU", "", "RUS", false));
    ref.saveOrganisation(
        AccessContext.system(), new Organisation("ARM-SC", "AM", "", "ARM", false));
    ref.saveOrganisation(
        AccessContext.system(), new Organisation("KGZ-SC", "KG", "", "KGZ", false));
    ref.saveOrganisation(
        AccessContext.system(), new Organisation("SECRETARIAT", "Sec", "", "CIS", true));
    repo = JdbcProgrammeRepository.open(open.dataSource(), clock, new MapCodec());
  }

  @AfterEach
  void tearDown() {
    open.close();
  }

  static Programme programme(double target) {
    Kpi k =
        new Kpi(
            "K1",
            "O1",
            "Seizures",
            "Изъятия",
            "DRUG_SEIZURES",
            "KAZ",
            100,
            Period.year(2023),
            target,
            Period.year(2028),
            KpiDirection.AT_LEAST,
            0,
            true);
    Measure m =
        new Measure(
            "M1",
            "O1",
            "Joint operation",
            "",
            List.of("KAZ"),
            List.of("RUS"),
            "CCID",
            LocalDate.of(2024, 1, 1),
            LocalDate.of(2026, 12, 31),
            MeasureStatus.IN_PROGRESS,
            Budget.NOT_GIVEN,
            List.of("K1"),
            false,
            true);
    return new Programme(
        "P1",
        "Programme",
        "Программа",
        LocalDate.of(2024, 1, 1),
        LocalDate.of(2028, 12, 31),
        "Council",
        LocalDate.MIN,
        List.of("KAZ", "RUS", "KGZ"),
        Frequency.YEARLY,
        "test",
        List.of(new Objective("O1", "Objective", "", true)),
        List.of(m),
        List.of(k));
  }

  private void approvedV1() {
    repo.draft(KAZ_ANALYST, programme(150), 0, "adopted");
    repo.decide(SEC_COORD, "P1", 1, RevisionState.APPROVED, "ok");
  }

  @Test
  void draft_firstVersion_isDraftUntilCoordinatorApproves() {
    ProgrammeRevision r = repo.draft(KAZ_ANALYST, programme(150), 0, "adopted");
    assertThat(r.version()).isEqualTo(1);
    assertThat(repo.active(RUS_VIEWER, "P1")).isEmpty();
    assertThat(repo.history(RUS_VIEWER, "P1").drafts()).hasSize(1);
    repo.decide(SEC_COORD, "P1", 1, RevisionState.APPROVED, "ok");
    assertThat(repo.active(RUS_VIEWER, "P1").orElseThrow().version()).isEqualTo(1);
    assertThat(repo.programmes(AccessContext.anonymous())).containsExactly("P1");
  }

  @Test
  void decide_approvedRevision_changesActiveVersionAndKeepsOlderOne() {
    approvedV1();
    Instant betweenApprovals = clock.instant();
    Programme changed = programme(150).withKpi("K1", k -> k.withTarget(130));
    repo.draft(KAZ_ANALYST, changed, 1, "target not attainable");
    assertThat(repo.active(RUS_VIEWER, "P1").orElseThrow().version()).isEqualTo(1);
    repo.decide(SEC_COORD, "P1", 2, RevisionState.APPROVED, "agreed");
    ProgrammeHistory h = repo.history(RUS_VIEWER, "P1");
    assertThat(h.active().orElseThrow().version()).isEqualTo(2);
    assertThat(h.version(1).orElseThrow().content()).isEqualTo(programme(150));
    assertThat(h.asOf(betweenApprovals).orElseThrow().version()).isEqualTo(1);
    assertThat(ProgrammeDiff.between(h.version(1).get(), h.version(2).get()).changes())
        .containsExactly(
            new ProgrammeDiff.Change(ProgrammeDiff.Kind.CHANGED, "kpis[K1].target", "150", "130"));
    assertThat(h.version(2).get().reason()).isEqualTo("target not attainable");
    assertThat(h.version(2).get().author()).isEqualTo("kaz.analyst");
  }

  @Test
  void draft_fromStaleBase_rejectedWithVersionInForce() {
    approvedV1();
    assertThatThrownBy(() -> repo.draft(KAZ_ANALYST, programme(120), 0, "x"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("version in force, 1");
  }

  @Test
  void decide_twoDraftsFromSameBase_secondCannotBeApproved() {
    approvedV1();
    repo.draft(KAZ_ANALYST, programme(140), 1, "a");
    repo.draft(KAZ_ANALYST, programme(130), 1, "b");
    repo.decide(SEC_COORD, "P1", 2, RevisionState.APPROVED, "");
    assertThatThrownBy(() -> repo.decide(SEC_COORD, "P1", 3, RevisionState.APPROVED, ""))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("draft the change again from v2");
  }

  @Test
  void decide_notCoordinator_deniedAndNothingStored() {
    repo.draft(KAZ_ANALYST, programme(150), 0, "adopted");
    String before = StoreFixtures.dump(open.dataSource());
    assertThatThrownBy(() -> repo.decide(ARM_ADMIN, "P1", 1, RevisionState.APPROVED, ""))
        .isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> repo.decide(KAZ_ANALYST, "P1", 1, RevisionState.APPROVED, ""))
        .isInstanceOf(AccessDeniedException.class);
    assertThat(StoreFixtures.dump(open.dataSource())).isEqualTo(before);
  }

  /** P1 with a second KPI, K2, of RUS. */
  static Programme twoParties(double kazTarget, double rusTarget) {
    Programme p = programme(kazTarget);
    Kpi k2 =
        new Kpi(
            "K2",
            "O1",
            "Seizures in Russia",
            "",
            "DRUG_SEIZURES",
            "RUS",
            200,
            Period.year(2023),
            rusTarget,
            Period.year(2028),
            KpiDirection.AT_LEAST,
            0,
            true);
    return p.withPlan(p.objectives(), p.measures(), List.of(p.kpis().get(0), k2));
  }

  private void approvedTwoParties() {
    repo.draft(KAZ_ANALYST, twoParties(150, 300), 0, "adopted");
    repo.decide(SEC_COORD, "P1", 1, RevisionState.APPROVED, "ok");
  }

  private List<String> auditActions() {
    return open.store().audit().entries(AccessContext.system(), 0, 100).stream()
        .map(AuditEntry::action)
        .toList();
  }

  @Test
  void decide_amendmentOfAnotherPartysKpi_pendingUntilThatPartyApproves() {
    approvedTwoParties();
    ProgrammeRevision draft =
        repo.draft(KAZ_ANALYST, twoParties(150, 250), 1, "lower Russia's target");
    assertThat(draft.consentRequired()).containsExactly("RUS");
    assertThat(draft.awaitingConsentOf()).containsExactly("RUS");

    String before = StoreFixtures.dump(open.dataSource());
    // The drafting party's own coordinator and an unrelated party's may not approve it.
    assertThatThrownBy(() -> repo.decide(KAZ_COORD, "P1", 2, RevisionState.APPROVED, ""))
        .isInstanceOf(AccessDeniedException.class)
        .hasMessageContaining("KPIs or measures of RUS")
        .hasMessageContaining("secretariat");
    assertThatThrownBy(() -> repo.decide(KGZ_COORD, "P1", 2, RevisionState.APPROVED, ""))
        .isInstanceOf(AccessDeniedException.class)
        .hasMessageContaining("awaiting RUS");
    assertThat(StoreFixtures.dump(open.dataSource())).isEqualTo(before);
    assertThat(repo.active(RUS_VIEWER, "P1").orElseThrow().version()).isEqualTo(1);

    ProgrammeRevision approved =
        repo.decide(RUS_COORD, "P1", 2, RevisionState.APPROVED, "we agree");
    assertThat(approved.state()).isEqualTo(RevisionState.APPROVED);
    ProgrammeHistory h = repo.history(RUS_VIEWER, "P1");
    assertThat(h.active().orElseThrow().version()).isEqualTo(2);
    assertThat(h.active().orElseThrow().content().kpi("K2").orElseThrow().target()).isEqualTo(250);
    ProgrammeRevision stored = h.version(2).orElseThrow();
    assertThat(stored.consentRequired()).containsExactly("RUS");
    assertThat(stored.consents())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.party()).isEqualTo("RUS");
              assertThat(c.by()).isEqualTo("rus.coord");
              assertThat(c.comment()).isEqualTo("we agree");
            });
    assertThat(auditActions())
        .containsSubsequence("programme.draft", "programme.consent", "programme.approved");
  }

  @Test
  void decide_amendmentOfTwoOtherParties_takesEffectWithTheLastApproval() {
    approvedTwoParties();
    repo.draft(KGZ_ANALYST, twoParties(140, 250), 1, "both targets");
    ProgrammeRevision first = repo.decide(KAZ_COORD, "P1", 2, RevisionState.APPROVED, "");
    assertThat(first.state()).isEqualTo(RevisionState.DRAFT);
    assertThat(first.awaitingConsentOf()).containsExactly("RUS");
    assertThat(repo.active(RUS_VIEWER, "P1").orElseThrow().version()).isEqualTo(1);
    assertThat(repo.history(RUS_VIEWER, "P1").version(2).orElseThrow().awaitingConsentOf())
        .containsExactly("RUS");
    // A party that already approved cannot stand in for the other one.
    assertThatThrownBy(() -> repo.decide(KAZ_COORD, "P1", 2, RevisionState.APPROVED, ""))
        .isInstanceOf(AccessDeniedException.class);
    ProgrammeRevision last = repo.decide(RUS_COORD, "P1", 2, RevisionState.APPROVED, "");
    assertThat(last.state()).isEqualTo(RevisionState.APPROVED);
    assertThat(repo.active(RUS_VIEWER, "P1").orElseThrow().version()).isEqualTo(2);
  }

  @Test
  void decide_amendmentOfAnotherPartysKpi_secretariatMayApproveForIt() {
    approvedTwoParties();
    repo.draft(RUS_ANALYST, twoParties(100, 300), 1, "lower Kazakhstan's target");
    assertThat(repo.decide(SEC_COORD, "P1", 2, RevisionState.APPROVED, "").state())
        .isEqualTo(RevisionState.APPROVED);
    assertThat(repo.active(RUS_VIEWER, "P1").orElseThrow().version()).isEqualTo(2);
  }

  @Test
  void decide_amendmentOfOwnKpi_anyPartysCoordinatorMayApprove() {
    approvedTwoParties();
    ProgrammeRevision d = repo.draft(RUS_ANALYST, twoParties(150, 280), 1, "our own target");
    assertThat(d.consentRequired()).isEmpty();
    assertThat(repo.decide(KGZ_COORD, "P1", 2, RevisionState.APPROVED, "").state())
        .isEqualTo(RevisionState.APPROVED);
  }

  @Test
  void draft_removingAnotherPartysKpi_needsItsApproval() {
    approvedTwoParties();
    ProgrammeRevision d = repo.draft(KAZ_ANALYST, programme(150), 1, "drop K2");
    assertThat(d.consentRequired()).containsExactly("RUS");
    assertThatThrownBy(() -> repo.decide(KAZ_COORD, "P1", 2, RevisionState.APPROVED, ""))
        .isInstanceOf(AccessDeniedException.class);
  }

  @Test
  void draft_nonParty_denied() {
    assertThatThrownBy(() -> repo.draft(ARM_ADMIN, programme(150), 0, "x"))
        .isInstanceOf(AccessDeniedException.class);
  }

  private ImplementationReport report(Ownership o) {
    return new ImplementationReport(
        0,
        "P1",
        "M1",
        "KAZ",
        Period.year(2024),
        MeasureStatus.IN_PROGRESS,
        40,
        "narrative",
        List.of("https://example.org/report"),
        o,
        "",
        Instant.EPOCH);
  }

  @Test
  void reports_confidential_onlyPartiesAndSecretariatSeeThem() {
    approvedV1();
    repo.file(KAZ_STEWARD, report(Ownership.of("KAZ-SC", Classification.NATIONAL)));
    repo.file(KAZ_STEWARD, report(Ownership.restricted("KAZ-SC", Set.of("RUS-SC"))));
    repo.file(KAZ_STEWARD, report(Ownership.of("KAZ-SC", Classification.SHARED)));
    assertThat(classes(repo.reports(KAZ_STEWARD, "P1")))
        .containsExactly(Classification.NATIONAL, Classification.RESTRICTED, Classification.SHARED);
    assertThat(classes(repo.reports(SEC_COORD, "P1")))
        .containsExactly(Classification.NATIONAL, Classification.RESTRICTED, Classification.SHARED);
    assertThat(classes(repo.reports(RUS_VIEWER, "P1")))
        .containsExactly(Classification.RESTRICTED, Classification.SHARED);
    assertThat(classes(repo.reports(ARM_ADMIN, "P1"))).containsExactly(Classification.SHARED);
    assertThat(repo.reports(AccessContext.anonymous(), "P1")).isEmpty();
  }

  @Test
  void reports_confidentialRead_isAudited() {
    approvedV1();
    repo.file(KAZ_STEWARD, report(Ownership.of("KAZ-SC", Classification.NATIONAL)));
    repo.reports(SEC_COORD, "P1");
    List<AuditEntry> log = open.store().audit().entries(AccessContext.system(), 0, 100);
    assertThat(log)
        .extracting(AuditEntry::action)
        .contains(
            "programme.draft",
            "programme.approved",
            "programme.report.file",
            "programme.report.read");
  }

  @Test
  void file_restrictedSharedWithNonParty_rejected() {
    approvedV1();
    assertThatThrownBy(
            () -> repo.file(KAZ_STEWARD, report(Ownership.restricted("KAZ-SC", Set.of("ARM-SC")))))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("ARM-SC");
  }

  @Test
  void file_byAnotherParty_denied() {
    approvedV1();
    AccessContext rusSteward = AccessContext.of("rus.steward", "RUS-SC", Role.DATA_STEWARD);
    assertThatThrownBy(
            () -> repo.file(rusSteward, report(Ownership.of("KAZ-SC", Classification.NATIONAL))))
        .isInstanceOf(AccessDeniedException.class);
  }

  @Test
  void file_roundTripsAllFields() {
    approvedV1();
    ImplementationReport stored =
        repo.file(KAZ_STEWARD, report(Ownership.restricted("KAZ-SC", Set.of("RUS-SC"))));
    ImplementationReport read = repo.reports(KAZ_STEWARD, "P1").get(0);
    assertThat(read).isEqualTo(stored);
    assertThat(read.submittedBy()).isEqualTo("kaz.steward");
    assertThat(read.id()).isPositive();
  }

  private static List<Classification> classes(List<ImplementationReport> rs) {
    return rs.stream().map(r -> r.ownership().classification()).toList();
  }

  /** Keeps documents in memory: the store treats the snapshot text as opaque. */
  private static final class MapCodec implements ProgrammeCodec {
    private final Map<String, Programme> docs = new HashMap<>();

    @Override
    public synchronized String write(Programme p) {
      String key = "doc-" + docs.size();
      docs.put(key, p);
      return key;
    }

    @Override
    public synchronized Programme read(String text) {
      return docs.get(text);
    }
  }

  /** Moves one minute forward on every reading, so each write has its own time. */
  private static final class TickingClock extends Clock {
    private Instant now = Instant.parse("2025-01-01T00:00:00Z");

    @Override
    public synchronized Instant instant() {
      now = now.plusSeconds(60);
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }
}
