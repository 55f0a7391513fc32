package org.vigil.app.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.vigil.model.Indicator;
import org.vigil.model.i18n.Translations;

/** The names and units of series counted from texts read in Russian without English words. */
class TextSignalNamesTest {
  @Test
  void indicator_eventsCount_russianNameSaysTheCategoryInRussian() {
    Indicator i = TextSignals.indicator("TEXT_EVENTS_TERRORISM_COERCE", true);

    assertThat(i.nameRu()).isEqualTo("События категории «Принуждение» в сообщениях: терроризм");
    assertThat(i.nameRu()).doesNotContainPattern("[A-Za-z]");
  }

  @Test
  void indicator_everyPloverCategory_hasARussianName() {
    for (String category : org.vigil.text.PloverTrigger.CATEGORIES) {
      Indicator i = TextSignals.indicator("TEXT_EVENTS_TERRORISM_" + category, true);

      assertThat(i.nameRu()).as(category).doesNotContainPattern("[A-Za-z]");
    }
  }

  @Test
  void indicator_eventsCount_englishNameSaysTheCategoryInWords() {
    Indicator i = TextSignals.indicator("TEXT_EVENTS_TERRORISM_ASSAULT", true);

    assertThat(i.nameEn())
        .isEqualTo("Events of category \u201cAssault\u201d in reports on terrorism");
    for (String category : org.vigil.text.PloverTrigger.CATEGORIES) {
      assertThat(TextSignals.indicator("TEXT_EVENTS_TERRORISM_" + category, true).nameEn())
          .as(category)
          .doesNotContain(category);
    }
  }

  @Test
  void units_ofDocumentAndEventCounts_areTranslated() {
    Indicator docs = TextSignals.indicator("TEXT_DOCS_TERRORISM", true);
    Indicator events = TextSignals.indicator("TEXT_EVENTS_TERRORISM_AGREE", true);

    assertThat(Translations.text("ru", "unit." + docs.unit())).isEqualTo("документов");
    assertThat(Translations.text("ru", "unit." + events.unit())).isEqualTo("событий");
  }
}
