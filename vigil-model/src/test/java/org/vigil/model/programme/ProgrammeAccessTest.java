package org.vigil.model.programme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.vigil.model.AccessContext;
import org.vigil.model.AccessDeniedException;
import org.vigil.model.Classification;
import org.vigil.model.Organisation;
import org.vigil.model.Ownership;
import org.vigil.model.Role;
import org.vigil.timeseries.Period;

class ProgrammeAccessTest {
  private static final Organisation KAZ =
      new Organisation("KAZ-SC", "Kazakhstan", "", "KAZ", false);
  private static final Organisation RUS = new Organisation("RUS-SC", "Russia", "", "RUS", false);
  private static final Organisation ARM = new Organisation("ARM-SC", "Armenia", "", "ARM", false);
  private static final Organisation SEC = new Organisation("SECRETARIAT", "Sec", "", "CIS", true);

  private static ProgrammeAccess as(Organisation o, Role role) {
    return new ProgrammeAccess(AccessContext.of("u", o.id(), role), Optional.of(o));
  }

  private static ImplementationReport report(Ownership o) {
    return new ImplementationReport(
        0,
        "P1",
        "M1",
        "KAZ",
        Period.year(2024),
        MeasureStatus.IN_PROGRESS,
        40,
        "",
        List.of(),
        o,
        "",
        Instant.EPOCH);
  }

  @Test
  void canReadReport_national_onlyOwnerAndSecretariat() {
    Programme p = Samples.programme();
    ImplementationReport r = report(Ownership.of("KAZ-SC", Classification.NATIONAL));
    assertThat(as(KAZ, Role.VIEWER).canReadReport(p, r)).isTrue();
    assertThat(as(SEC, Role.VIEWER).canReadReport(p, r)).isTrue();
    assertThat(as(RUS, Role.ORG_ADMIN).canReadReport(p, r)).isFalse();
    assertThat(as(ARM, Role.SYSTEM_ADMIN).canReadReport(p, r)).isFalse();
    assertThat(new ProgrammeAccess(AccessContext.anonymous(), Optional.empty()).canReadReport(p, r))
        .isFalse();
  }

  @Test
  void canReadReport_restricted_namedPartyYesNamedNonPartyNo() {
    Programme p = Samples.programme();
    ImplementationReport r = report(Ownership.restricted("KAZ-SC", Set.of("RUS-SC", "ARM-SC")));
    assertThat(as(RUS, Role.VIEWER).canReadReport(p, r)).isTrue();
    assertThat(as(ARM, Role.VIEWER).canReadReport(p, r)).isFalse();
    assertThat(as(SEC, Role.VIEWER).canReadReport(p, r)).isTrue();
  }

  @Test
  void canReadReport_shared_anyMember() {
    Programme p = Samples.programme();
    ImplementationReport r = report(Ownership.of("KAZ-SC", Classification.SHARED));
    assertThat(as(ARM, Role.VIEWER).canReadReport(p, r)).isTrue();
    assertThat(new ProgrammeAccess(AccessContext.anonymous(), Optional.empty()).canReadReport(p, r))
        .isFalse();
  }

  @Test
  void checkFile_otherPartysReport_denied() {
    Programme p = Samples.programme();
    ImplementationReport r = report(Ownership.of("KAZ-SC", Classification.NATIONAL));
    assertThatThrownBy(() -> as(RUS, Role.DATA_STEWARD).checkFile(p, r, Optional.of(RUS)))
        .isInstanceOf(AccessDeniedException.class);
    as(KAZ, Role.DATA_STEWARD).checkFile(p, r, Optional.of(KAZ));
    assertThatThrownBy(() -> as(KAZ, Role.VIEWER).checkFile(p, r, Optional.of(KAZ)))
        .hasMessageContaining("VIEWER");
  }

  @Test
  void checkDecide_onlyCoordinatorsOfPartiesOrSecretariat() {
    Programme p = Samples.programme();
    as(SEC, Role.PROGRAMME_COORDINATOR).checkDecide(p);
    as(KAZ, Role.PROGRAMME_COORDINATOR).checkDecide(p);
    assertThatThrownBy(() -> as(KAZ, Role.ORG_ADMIN).checkDecide(p))
        .isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> as(ARM, Role.PROGRAMME_COORDINATOR).checkDecide(p))
        .isInstanceOf(AccessDeniedException.class);
  }
}
