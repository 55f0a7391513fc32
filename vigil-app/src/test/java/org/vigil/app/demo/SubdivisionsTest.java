package org.vigil.app.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vigil.app.Vigil;
import org.vigil.app.VigilConfig;
import org.vigil.model.AccessContext;
import org.vigil.model.Area;
import org.vigil.model.AreaKind;

/** The sub-national hierarchy: loaded as the iso-codes extract says, names in en/ru, marks. */
class SubdivisionsTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-29T10:00:00Z"), ZoneOffset.UTC);
  private static final AccessContext SYS = AccessContext.system();

  /**
   * First-level subdivisions per state in Debian's iso-codes 4.15.0 (counted by hand, jq), plus
   * Kazakhstan's three regions of 2022 the extract's correction adds (17 + 3).
   */
  private static final Map<String, Integer> REGIONS =
      new TreeMap<>(
          Map.of(
              "ARM", 11, "AZE", 70, "BLR", 7, "KAZ", 20, "KGZ", 9, "MDA", 37, "RUS", 83, "TJK", 5,
              "TKM", 6, "UZB", 14));

  private static Vigil vigil;

  @BeforeAll
  static void open() {
    vigil = Vigil.open(VigilConfig.h2InMemory("subnat-" + System.nanoTime()).withClock(CLOCK));
    DemoReference.ensure(vigil);
    DemoReference.ensureAreas(vigil, Subdivisions.syntheticDistricts(Subdivisions.registry()));
  }

  @AfterAll
  static void close() {
    vigil.close();
  }

  @Test
  void ensure_loadsEveryRegionOfEveryMemberState_countsAsTheExtract() {
    List<Area> stored = vigil.reference().areas(SYS);
    assertThat(Subdivisions.countByState(stored, AreaKind.REGION)).isEqualTo(REGIONS);
    assertThat(Subdivisions.countByState(Subdivisions.registry(), AreaKind.REGION))
        .isEqualTo(REGIONS);
    // Nakhchivan's rayons are the registry's own second level; the rest are synthetic districts.
    List<Area> registryDistricts =
        stored.stream().filter(a -> a.kind() == AreaKind.DISTRICT && !a.synthetic()).toList();
    assertThat(registryDistricts).hasSize(8).allMatch(a -> a.parent().equals("AZ-NX"));
    assertThat(stored.stream().filter(Area::synthetic))
        .hasSize(3 * (20 + 5))
        .allMatch(a -> a.code().matches("(KZ|TJ)-[A-Z0-9]+-D[123]"))
        .allMatch(a -> a.kind() == AreaKind.DISTRICT && a.level() == 2);
  }

  @Test
  void ensure_againAddsNothing() {
    assertThat(DemoReference.ensure(vigil)).isZero();
  }

  @Test
  void registry_countsEqualTheInstalledIsoCodesPackage() throws Exception {
    Path json = Path.of("/usr/share/iso-codes/json/iso_3166-2.json");
    assumeThat(Files.exists(json)).as("Debian's iso-codes is installed").isTrue();
    JsonNode all = new ObjectMapper().readTree(json.toFile()).get("3166-2");
    Map<String, String> alpha3 =
        Map.of(
            "AM", "ARM", "AZ", "AZE", "BY", "BLR", "KZ", "KAZ", "KG", "KGZ", "MD", "MDA", "RU",
            "RUS", "TJ", "TJK", "TM", "TKM", "UZ", "UZB");
    Map<String, Integer> expected = new TreeMap<>();
    for (JsonNode s : all) {
      String state = alpha3.get(s.get("code").asText().substring(0, 2));
      if (state != null && !s.has("parent")) {
        expected.merge(state, 1, Integer::sum);
      }
    }
    // The extract's correction adds Kazakhstan's three regions of 2022 when the package lacks
    // them (iso-codes 4.15.0 does; a newer package that lists KZ-10 needs no addition).
    for (String added : List.of("KZ-10", "KZ-33", "KZ-62")) {
      boolean listed = false;
      for (JsonNode s : all) {
        listed |= s.get("code").asText().equals(added);
      }
      if (!listed) {
        expected.merge("KAZ", 1, Integer::sum);
      }
    }
    assertThat(Subdivisions.countByState(vigil.reference().areas(SYS), AreaKind.REGION))
        .isEqualTo(expected);
  }

  @Test
  void names_englishAndRussian_fallbackMarked() {
    Area akm = vigil.reference().area(SYS, "KZ-AKM").orElseThrow();
    assertThat(akm.kind()).isEqualTo(AreaKind.REGION);
    assertThat(akm.parent()).isEqualTo("KAZ");
    assertThat(akm.nameEn()).isEqualTo("Akmolinskaja oblast'");
    assertThat(akm.nameRu()).isEqualTo("Акмолинская область");
    assertThat(akm.nameRuFallback()).isFalse();
    Area batken = vigil.reference().area(SYS, "KG-B").orElseThrow();
    assertThat(batken.nameRuFallback()).isTrue();
    assertThat(batken.nameRu()).isEqualTo(batken.nameEn()).isEqualTo("Batken");
    Area district = vigil.reference().area(SYS, "KZ-AKM-D2").orElseThrow();
    assertThat(district.parent()).isEqualTo("KZ-AKM");
    assertThat(district.synthetic()).isTrue();
    assertThat(district.nameRu()).isEqualTo("Район 2 (Акмолинская область)");
    assertThat(vigil.reference().area(SYS, "KAZ").orElseThrow().level()).isZero();
  }

  @Test
  void kazakhstan2022_newRegionsAndAstana_asTheCorrectionSays() {
    Map<String, String[]> expected =
        Map.of(
            "KZ-10", new String[] {"Abay oblysy", "область Абай"},
            "KZ-33", new String[] {"Zhetisū oblysy", "область Жетісу"},
            "KZ-62", new String[] {"Ūlytau oblysy", "область Ұлытау"},
            "KZ-AST", new String[] {"Astana", "Астана"});
    for (Map.Entry<String, String[]> e : expected.entrySet()) {
      Area a = vigil.reference().area(SYS, e.getKey()).orElseThrow();
      assertThat(a.kind()).as(e.getKey()).isEqualTo(AreaKind.REGION);
      assertThat(a.parent()).as(e.getKey()).isEqualTo("KAZ");
      assertThat(a.nameEn()).isEqualTo(e.getValue()[0]);
      assertThat(a.nameRu()).isEqualTo(e.getValue()[1]);
      assertThat(a.nameRuFallback()).as(e.getKey()).isFalse();
      assertThat(a.synthetic()).as(e.getKey()).isFalse();
    }
    List<String> names =
        vigil.reference().areas(SYS).stream()
            .flatMap(a -> Stream.of(a.nameEn(), a.nameRu()))
            .toList();
    assertThat(names).doesNotContain("Nur-Sultan", "Нур-Султан");
    // The demo's synthetic districts reach the new regions too.
    assertThat(vigil.reference().area(SYS, "KZ-62-D1").orElseThrow().parent()).isEqualTo("KZ-62");
  }

  @Test
  void extract_correctionRows_areMarkedAndTheirSourceNamedInTheHeader() throws IOException {
    List<String> lines;
    try (InputStream in = Subdivisions.class.getResourceAsStream(Subdivisions.RESOURCE)) {
      lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    }
    List<String> corrected =
        lines.stream()
            .filter(l -> !l.startsWith("#") && l.endsWith("\tcorrection"))
            .map(l -> l.substring(0, l.indexOf('\t')))
            .toList();
    assertThat(corrected).containsExactly("KZ-10", "KZ-33", "KZ-62", "KZ-AST");
    assertThat(lines.stream().filter(l -> l.startsWith("#")))
        .anyMatch(l -> l.contains("4 rows corrected") && l.contains("decree of 8 June 2022"));
  }

  @Test
  void area_regionWithoutParent_isRefusedNamingTheRule() {
    assertThatThrownBy(
            () -> new Area("KZ-XXX", AreaKind.REGION, "X", "X", "", "", "", false, false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("KZ-XXX")
        .hasMessageContaining("expected a parent area");
  }
}
