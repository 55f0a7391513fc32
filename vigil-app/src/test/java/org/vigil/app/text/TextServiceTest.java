package org.vigil.app.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.app.Vigil;
import org.vigil.app.VigilConfig;
import org.vigil.model.AccessContext;
import org.vigil.model.AccessDeniedException;
import org.vigil.model.AuditEntry;
import org.vigil.model.Classification;
import org.vigil.model.InvalidInputException;
import org.vigil.model.Organisation;
import org.vigil.model.Ownership;
import org.vigil.model.Role;
import org.vigil.model.text.TextDocument;
import org.vigil.text.search.SearchResult;
import org.vigil.text.search.TextQuery;
import org.vigil.text.source.RawText;

/** Texts in, searchable, access-checked and without person names (issue 11), on H2. */
class TextServiceTest {
  private static final AccessContext KAZ =
      AccessContext.of("kaz.steward", "KAZ-SC", Role.DATA_STEWARD);
  private static final AccessContext KAZ_VIEWER =
      AccessContext.of("kaz.viewer", "KAZ-SC", Role.VIEWER);
  private static final AccessContext RUS = AccessContext.of("rus.analyst", "RUS-SC", Role.ANALYST);
  private static final Ownership KAZ_NATIONAL = Ownership.of("KAZ-SC", Classification.NATIONAL);
  private static final Ownership KAZ_PUBLIC = Ownership.of("KAZ-SC", Classification.PUBLIC);

  private Vigil vigil;
  private TextService texts;

  @BeforeEach
  void setUp() {
    vigil = Vigil.open(VigilConfig.h2InMemory("texts-" + System.nanoTime()));
    for (String[] o : new String[][] {{"KAZ-SC", "KAZ"}, {"RUS-SC", "RUS"}}) {
      vigil
          .reference()
          .saveOrganisation(AccessContext.system(), new Organisation(o[0], o[0], "", o[1], false));
    }
    texts = TextService.open(vigil);
  }

  @AfterEach
  void tearDown() {
    texts.close();
    vigil.close();
  }

  private static RawText raw(String title, String text) {
    return new RawText("test", title, text, "Agency", "", LocalDate.of(2025, 3, 10));
  }

  @Test
  void russianInflection_matches_andTheSnippetMarksTheWords() {
    texts.ingest(
        KAZ,
        List.of(
            raw("Наркотики", "В Таджикистане изъяли 4,5 тонны героина на границе."),
            raw(
                "Other",
                "Police in Kazakhstan said that a protest was reported in Almaty on Monday.")),
        KAZ_PUBLIC);
    for (String q : List.of("Таджикистан", "в Таджикистане", "Таджикистана")) {
      TextService.Found f = texts.search(RUS, TextQuery.of(q), 0, 10);
      assertThat(f.total()).as(q).isEqualTo(1);
      assertThat(f.hits().get(0).snippet()).contains(String.valueOf(SearchResult.MARK_START));
    }
    TextService.Found en = texts.search(RUS, TextQuery.of("protests"), 0, 10);
    assertThat(en.total()).isEqualTo(1);
    assertThat(en.hits().get(0).document().document().areas()).contains("KAZ");
    assertThat(en.facets().get("state")).containsEntry("KAZ", 1);
  }

  @Test
  void personNames_neverReachTheStoreOrTheIndex() {
    texts.ingest(
        KAZ,
        List.of(
            raw(
                "Minister John Smith speaks",
                "Interior Minister John Smith said on Monday that police detained Ivan Petrov"
                    + " and Aigerim Nurlanovna in Almaty after clashes."),
            raw(
                "Заявление",
                "Министр внутренних дел Иван Петрович Сидоров заявил, что полиция задержала"
                    + " Ахмеда Каримова в Душанбе.")),
        KAZ_PUBLIC);
    for (String name : List.of("Smith", "Petrov", "Nurlanovna", "Сидоров", "Каримова")) {
      assertThat(texts.search(KAZ, TextQuery.of(name), 0, 10).total()).as(name).isZero();
    }
    TextService.Found all = texts.search(KAZ, TextQuery.of(""), 0, 10);
    assertThat(all.total()).isEqualTo(2);
    for (TextService.Hit h : all.hits()) {
      TextDocument d = h.document();
      String stored = d.document().title() + d.document().text() + d.extractionJson() + h.snippet();
      assertThat(stored).doesNotContain("Smith", "Petrov", "Nurlanovna", "Сидоров", "Каримов");
    }
  }

  @Test
  void reIngest_addsNothing_andNearDuplicatesAreGrouped() {
    String text =
        "Border guards of Kyrgyzstan seized 120 kilograms of heroin near Osh on Tuesday, the"
            + " agency said. The shipment came from Tajikistan and was hidden in a truck of"
            + " vegetables bound for Kazakhstan.";
    TextService.IngestReport first = texts.ingest(KAZ, List.of(raw("Seizure", text)), KAZ_PUBLIC);
    assertThat(first.stored()).isEqualTo(1);
    TextService.IngestReport again = texts.ingest(KAZ, List.of(raw("Seizure", text)), KAZ_PUBLIC);
    assertThat(again.stored()).isZero();
    assertThat(again.alreadyStored()).isEqualTo(1);
    TextService.IngestReport near =
        texts.ingest(KAZ, List.of(raw("Seizure (mirror)", text + " Reuters.")), KAZ_PUBLIC);
    assertThat(near.stored()).isZero();
    assertThat(near.nearDuplicates()).isEqualTo(1);
    TextService.Found f = texts.search(KAZ, TextQuery.of("heroin"), 0, 10);
    assertThat(f.total()).isEqualTo(1);
    assertThat(f.hits().get(0).document().sources()).isEqualTo(2);
  }

  @Test
  void nationalTexts_areFoundByTheOwnerOnly_andReadsAreAudited() {
    texts.ingest(
        KAZ,
        List.of(raw("Secret", "Militants attacked a border post in Tajikistan.")),
        KAZ_NATIONAL);
    assertThat(texts.search(RUS, TextQuery.of("border"), 0, 10).total()).isZero();
    TextService.Found own = texts.search(KAZ_VIEWER, TextQuery.of("border"), 0, 10);
    assertThat(own.total()).isEqualTo(1);
    long id = own.hits().get(0).document().id();
    assertThat(texts.show(RUS, id)).isEmpty();
    assertThat(texts.show(KAZ_VIEWER, id)).isPresent();
    List<AuditEntry> log = vigil.audit().entries(AccessContext.system(), 0, 100);
    assertThat(log)
        .filteredOn(e -> e.action().equals("document.read"))
        .extracting(AuditEntry::user)
        .contains("kaz.viewer")
        .doesNotContain("rus.analyst");
  }

  @Test
  void writes_needAStewardOfTheOwner() {
    assertThatThrownBy(() -> texts.ingest(RUS, List.of(raw("x", "Police.")), KAZ_PUBLIC))
        .isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> texts.ingest(KAZ_VIEWER, List.of(raw("x", "Police.")), KAZ_PUBLIC))
        .isInstanceOf(AccessDeniedException.class);
  }

  @Test
  void badFiles_nameFileLineAndField_andChangeNothing(@TempDir Path dir) throws IOException {
    Path good = dir.resolve("a.txt");
    Files.writeString(good, "Title\nPolice in Almaty detained smugglers.");
    Path jsonl = dir.resolve("b.jsonl");
    Files.writeString(
        jsonl,
        "{\"title\":\"t\",\"text\":\"Police.\",\"published\":\"2025-03-01\"}\n"
            + "{\"title\":\"t\",\"text\":\"More.\",\"published\":\"01/03/2025\"}\n");
    assertThatThrownBy(() -> texts.ingestFiles(KAZ, List.of(good, jsonl), KAZ_PUBLIC))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("b.jsonl line 2, field published")
        .hasMessageContaining("01/03/2025");
    Path cp1251 = dir.resolve("c.txt");
    Files.write(cp1251, "Граница".getBytes(java.nio.charset.Charset.forName("windows-1251")));
    assertThatThrownBy(() -> texts.ingestFiles(KAZ, List.of(cp1251), KAZ_PUBLIC))
        .hasMessageContaining("c.txt line 1: expected UTF-8");
    Path bin = dir.resolve("d.txt");
    Files.write(bin, new byte[] {'a', 0, 1, 2});
    assertThatThrownBy(() -> texts.ingestFiles(KAZ, List.of(bin), KAZ_PUBLIC))
        .hasMessageContaining("NUL byte");
    Path empty = dir.resolve("e.html");
    Files.writeString(empty, "  \n");
    assertThatThrownBy(() -> texts.ingestFiles(KAZ, List.of(empty), KAZ_PUBLIC))
        .hasMessageContaining("empty file");
    assertThat(texts.search(KAZ, TextQuery.of(""), 0, 10).total()).isZero();
  }

  @Test
  void feedsHtmlAndFolders_areRead(@TempDir Path dir) throws IOException {
    Files.writeString(
        dir.resolve("feed.rss"),
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Wire</title>"
            + "<item><title>Clashes in Osh</title><description>Police dispersed a protest in"
            + " Osh, Kyrgyzstan.</description><link>https://w/1</link>"
            + "<pubDate>Sat, 01 Mar 2025 10:00:00 GMT</pubDate></item></channel></rss>",
        StandardCharsets.UTF_8);
    Files.writeString(
        dir.resolve("page.html"),
        "<html><head><title>Cyber attack</title><meta name=\"date\" content=\"2025-02-03\">"
            + "</head><body><p>A cyber attack hit banks in Armenia.</p></body></html>");
    TextService.IngestReport r = texts.ingestFiles(KAZ, List.of(dir), KAZ_PUBLIC);
    assertThat(r.stored()).isEqualTo(2);
    TextService.Found f = texts.search(KAZ, TextQuery.of("protest"), 0, 10);
    assertThat(f.hits()).hasSize(1);
    assertThat(f.hits().get(0).document().document().source()).isEqualTo("Wire");
    assertThat(f.hits().get(0).document().document().published()).isEqualTo("2025-03-01");
    TextService.Found g =
        texts.search(
            KAZ,
            new TextQuery(
                "", "ARM", "", "", "", LocalDate.of(2025, 2, 1), LocalDate.of(2025, 2, 28)),
            0,
            10);
    assertThat(g.hits())
        .extracting(h -> h.document().document().title())
        .containsExactly("Cyber attack");
    assertThat(Set.of(texts.reindex(AccessContext.system()))).containsExactly(2);
  }

  @Test
  void programmeMentions_areLinkedToTheRegistrysCodes() {
    texts.close();
    org.vigil.app.demo.DemoReference.ensure(vigil);
    org.vigil.app.programme.ProgrammeDemo.load(vigil);
    texts = TextService.open(vigil);
    texts.ingest(
        KAZ,
        List.of(
            raw(
                "Programme",
                "Kazakhstan reported progress under "
                    + org.vigil.app.programme.ProgrammeDemo.CRIME
                    + " in Almaty.")),
        KAZ_PUBLIC);
    var found = texts.search(KAZ, TextQuery.of("progress"), 0, 10);
    assertThat(found.hits()).hasSize(1);
    var doc = texts.show(KAZ, found.hits().get(0).document().document().id()).orElseThrow();
    assertThat(doc.extractionJson())
        .contains("\"code\":\"" + org.vigil.app.programme.ProgrammeDemo.CRIME + "\"");
  }
}
