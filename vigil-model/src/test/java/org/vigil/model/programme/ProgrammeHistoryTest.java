package org.vigil.model.programme;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProgrammeHistoryTest {
  private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");

  private static ProgrammeRevision rev(int v, Optional<RevisionDecision> d) {
    return new ProgrammeRevision(
        "P1", v, v - 1, "ann", "KAZ-SC", T0.plusSeconds(v * 100L), "why", Samples.programme(), d);
  }

  private static Optional<RevisionDecision> approved(long at) {
    return Optional.of(
        new RevisionDecision(RevisionState.APPROVED, "bob", "SEC", T0.plusSeconds(at), ""));
  }

  @Test
  void asOf_returnsVersionApprovedLastBeforeTime() {
    ProgrammeHistory h =
        new ProgrammeHistory(
            List.of(
                rev(1, approved(150)),
                rev(2, approved(400)),
                rev(3, Optional.empty()),
                rev(
                    4,
                    Optional.of(
                        new RevisionDecision(
                            RevisionState.REJECTED, "bob", "SEC", T0.plusSeconds(500), "")))));
    assertThat(h.asOf(T0.plusSeconds(100))).isEmpty();
    assertThat(h.asOf(T0.plusSeconds(399)).orElseThrow().version()).isEqualTo(1);
    assertThat(h.asOf(T0.plusSeconds(400)).orElseThrow().version()).isEqualTo(2);
    assertThat(h.active().orElseThrow().version()).isEqualTo(2);
    assertThat(h.drafts()).extracting(ProgrammeRevision::version).containsExactly(3);
    assertThat(h.nextVersion()).isEqualTo(5);
  }
}
