package org.vigil.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vigil.model.AccessContext;
import org.vigil.model.AccessDeniedException;
import org.vigil.model.AuditEntry;
import org.vigil.model.Classification;
import org.vigil.model.Document;
import org.vigil.model.Organisation;
import org.vigil.model.Ownership;
import org.vigil.model.Role;
import org.vigil.model.ThreatDomain;
import org.vigil.model.VigilException;
import org.vigil.model.text.DocumentAlias;
import org.vigil.model.text.DocumentRepository;
import org.vigil.model.text.Fingerprint;
import org.vigil.model.text.TextDocument;

/** The text store's contract (issue 11), run on H2 and on PostgreSQL. */
abstract class DocumentRepositoryContractTest {
  private static final AccessContext KAZ_STEWARD =
      AccessContext.of("kaz.steward", "KAZ-SC", Role.DATA_STEWARD);
  private static final AccessContext KAZ_VIEWER =
      AccessContext.of("kaz.viewer", "KAZ-SC", Role.VIEWER);
  private static final AccessContext RUS_ANALYST =
      AccessContext.of("rus.analyst", "RUS-SC", Role.ANALYST);
  private static final AccessContext ARM_ANALYST =
      AccessContext.of("arm.analyst", "ARM-SC", Role.ANALYST);

  private StoreFixtures.OpenStore open;
  private DocumentRepository repo;

  abstract StoreFixtures.TestDatabase database();

  @BeforeEach
  void setUp() {
    TestClock clock = TestClock.standard();
    open = StoreFixtures.open(database(), clock);
    var ref = open.store().reference();
    for (String[] o : new String[][] {{"KAZ-SC", "KAZ"}, {"RUS-SC", "RUS"}, {"ARM-SC", "ARM"}}) {
      ref.saveOrganisation(AccessContext.system(), new Organisation(o[0], o[0], "", o[1], false));
    }
    repo = JdbcDocumentRepository.open(open.dataSource(), clock);
  }

  @AfterEach
  void tearDown() {
    open.close();
  }

  static TextDocument draft(String hash, Ownership o, String text) {
    return new TextDocument(
        new Document(
            0,
            "Agency",
            "https://example.org/" + hash,
            "ru",
            LocalDate.of(2025, 3, 1),
            "Title " + hash,
            text,
            Set.of(ThreatDomain.values()[0]),
            Set.of("KAZ"),
            o),
        hash,
        42L,
        true,
        Set.of("ASSAULT"),
        "{\"events\":[]}",
        1);
  }

  @Test
  void store_thenFind_roundTripsEveryField() {
    List<TextDocument> stored =
        repo.store(
            KAZ_STEWARD,
            List.of(draft("h1", Ownership.of("KAZ-SC", Classification.PUBLIC), "В Таджикистане")),
            List.of());
    long id = stored.get(0).id();
    assertThat(id).isPositive();
    TextDocument back = repo.find(RUS_ANALYST, id).orElseThrow();
    assertThat(back.document().text()).isEqualTo("В Таджикистане");
    assertThat(back.document().language()).isEqualTo("ru");
    assertThat(back.document().areas()).containsExactly("KAZ");
    assertThat(back.categories()).containsExactly("ASSAULT");
    assertThat(back.extractionJson()).isEqualTo("{\"events\":[]}");
    assertThat(back.simhash()).isEqualTo(42L);
    assertThat(back.contentHash()).isEqualTo("h1");
    assertThat(back.sources()).isEqualTo(1);
  }

  @Test
  void nationalTexts_areReadByTheOwnerOnly_andTheReadIsAudited() {
    long id =
        repo.store(
                KAZ_STEWARD,
                List.of(draft("n1", Ownership.of("KAZ-SC", Classification.NATIONAL), "secret")),
                List.of())
            .get(0)
            .id();
    assertThat(repo.find(RUS_ANALYST, id)).isEmpty();
    assertThat(repo.byIds(ARM_ANALYST, List.of(id))).isEmpty();
    assertThat(repo.find(KAZ_VIEWER, id)).isPresent();
    List<AuditEntry> log = open.store().audit().entries(AccessContext.system(), 0, 100);
    assertThat(log).extracting(AuditEntry::action).contains("document.add", "document.read");
    assertThat(log)
        .filteredOn(e -> e.action().equals("document.read"))
        .extracting(AuditEntry::user)
        .containsExactly("kaz.viewer");
    assertThat(log).extracting(AuditEntry::detail).noneMatch(d -> d.contains("secret"));
  }

  @Test
  void restrictedTexts_areReadByTheListedOrganisations() {
    long id =
        repo.store(
                KAZ_STEWARD,
                List.of(draft("r1", Ownership.restricted("KAZ-SC", Set.of("RUS-SC")), "r")),
                List.of())
            .get(0)
            .id();
    assertThat(repo.find(RUS_ANALYST, id)).isPresent();
    assertThat(repo.find(ARM_ANALYST, id)).isEmpty();
  }

  @Test
  void writes_needAStewardOfTheOwner_andChangeNothingOtherwise() {
    assertThatThrownBy(
            () ->
                repo.store(
                    RUS_ANALYST,
                    List.of(draft("x", Ownership.of("KAZ-SC", Classification.PUBLIC), "t")),
                    List.of()))
        .isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(
            () ->
                repo.store(
                    KAZ_VIEWER,
                    List.of(draft("x", Ownership.of("KAZ-SC", Classification.PUBLIC), "t")),
                    List.of()))
        .isInstanceOf(AccessDeniedException.class);
    assertThat(repo.fingerprints(KAZ_STEWARD, "KAZ-SC")).isEmpty();
  }

  @Test
  void sameTextTwice_isRefused_andTheWholeCallChangesNothing() {
    Ownership o = Ownership.of("KAZ-SC", Classification.PUBLIC);
    repo.store(KAZ_STEWARD, List.of(draft("same", o, "a")), List.of());
    assertThatThrownBy(
            () ->
                repo.store(
                    KAZ_STEWARD, List.of(draft("other", o, "b"), draft("same", o, "a")), List.of()))
        .isInstanceOf(VigilException.class);
    assertThat(repo.fingerprints(KAZ_STEWARD, "KAZ-SC"))
        .extracting(Fingerprint::contentHash)
        .containsExactly("same");
  }

  @Test
  void nearDuplicates_areGroupedAsSources_andTheirHashesAreKnown() {
    Ownership o = Ownership.of("KAZ-SC", Classification.SHARED);
    List<TextDocument> stored =
        repo.store(
            KAZ_STEWARD,
            List.of(draft("a", o, "text")),
            List.of(
                new DocumentAlias(0, 0, "Mirror", "https://m/", LocalDate.of(2025, 3, 2), "a2")));
    assertThat(stored.get(0).sources()).isEqualTo(2);
    repo.store(
        KAZ_STEWARD,
        List.of(),
        List.of(
            new DocumentAlias(
                stored.get(0).id(), 0, "Third", "https://t/", LocalDate.of(2025, 3, 3), "a3")));
    assertThat(repo.find(RUS_ANALYST, stored.get(0).id()).orElseThrow().sources()).isEqualTo(3);
    assertThat(repo.fingerprints(KAZ_STEWARD, "KAZ-SC"))
        .extracting(Fingerprint::contentHash)
        .containsExactlyInAnyOrder("a", "a2", "a3");
  }

  @Test
  void forEach_isForTheSystemOnly_andVisitsEveryTextInIdOrder() {
    Ownership o = Ownership.of("KAZ-SC", Classification.NATIONAL);
    List<TextDocument> drafts = new ArrayList<>();
    for (int i = 0; i < 1203; i++) {
      drafts.add(draft("h" + i, o, "t" + i));
    }
    repo.store(KAZ_STEWARD, drafts, List.of());
    List<Long> ids = new ArrayList<>();
    repo.forEach(AccessContext.system(), t -> ids.add(t.id()));
    assertThat(ids).hasSize(1203).isSorted();
    assertThatThrownBy(() -> repo.forEach(KAZ_STEWARD, t -> {}))
        .isInstanceOf(AccessDeniedException.class);
  }

  @Test
  void byIds_keepsTheOrderGiven_andDropsWhatTheCallerMayNotRead() {
    long pub =
        repo.store(
                KAZ_STEWARD,
                List.of(draft("p", Ownership.of("KAZ-SC", Classification.PUBLIC), "p")),
                List.of())
            .get(0)
            .id();
    long nat =
        repo.store(
                KAZ_STEWARD,
                List.of(draft("n", Ownership.of("KAZ-SC", Classification.NATIONAL), "n")),
                List.of())
            .get(0)
            .id();
    assertThat(repo.byIds(KAZ_VIEWER, List.of(nat, pub)))
        .extracting(TextDocument::id)
        .containsExactly(nat, pub);
    assertThat(repo.byIds(RUS_ANALYST, List.of(nat, pub, 999_999L)))
        .extracting(TextDocument::id)
        .containsExactly(pub);
  }
}
