package org.vigil.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AreaMatcherTest {
  private static final AreaMatcher AREAS =
      AreaMatcher.of(
          List.of(
              new Area("KAZ", AreaKind.COUNTRY, "Kazakhstan", "Казахстан", "KZ", "398"),
              new Area("RUS", AreaKind.COUNTRY, "Russia", "Россия", "RU", "643"),
              new Area("BLR", AreaKind.COUNTRY, "Belarus", "Беларусь", "BY", "112"),
              new Area("ARM", AreaKind.COUNTRY, "Armenia", "Армения", "AM", "051"),
              new Area("AUT", AreaKind.COUNTRY, "Austria", "Австрия", "AT", "040"),
              new Area("CIS", AreaKind.GROUP, "CIS", "СНГ", "", "")));

  @ParameterizedTest
  @CsvSource({
    "KAZ, KAZ",
    "kaz, KAZ",
    "KZ, KAZ",
    "kz, KAZ",
    "Kazakhstan, KAZ",
    "  KAZAKHSTAN , KAZ",
    "Казахстан, KAZ",
    "Казахстана, KAZ",
    "казахстане, KAZ",
    "Россия, RUS",
    "России, RUS",
    "Россией, RUS",
    "Беларуси, BLR",
    "Армении, ARM",
    "CIS, CIS",
    "СНГ, CIS",
    "by, BLR",
    "Российской Федерации, RUS",
    "Russian Federation, RUS"
  })
  void find_codeOrNameInAnyCase_findsTheArea(String text, String code) {
    assertThat(AREAS.find(text)).map(Area::code).contains(code);
  }

  @ParameterizedTest
  @CsvSource({"Narnia", "XX", "''", "Austral"})
  void find_unknownText_isEmpty(String text) {
    assertThat(AREAS.find(text)).isEmpty();
  }

  @Test
  void resolve_misspelledName_namesTheClosestMatches() {
    assertThatThrownBy(() -> AREAS.resolve("Kazakstan"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("Unknown area 'Kazakstan'")
        .hasMessageContaining("closest: KAZ (Kazakhstan)");
    assertThatThrownBy(() -> AREAS.resolve("Казахстн")).hasMessageContaining("closest: KAZ");
    assertThatThrownBy(() -> AREAS.resolve("Zzzzzzzz")).hasMessageNotContaining("closest");
  }
}
