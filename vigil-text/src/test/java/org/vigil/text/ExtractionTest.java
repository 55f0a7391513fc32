package org.vigil.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExtractionTest {
  private static final TextEngine ENGINE = TextEngine.standard();
  private static final LocalDate PUBLISHED = LocalDate.of(2025, 3, 14); // a Friday

  private static java.util.Set<String> states(String text) {
    return ENGINE.analyse(text, PUBLISHED).states();
  }

  @Test
  void gazetteer_matchesRussianInflectionsAndBothScripts() {
    for (String t :
        List.of(
            "Таджикистан усилил охрану границы.",
            "Совещание прошло в Таджикистане.",
            "Делегация Таджикистана прибыла.",
            "Tajikistan closed the border.",
            "Tajik border guards reported.")) {
      assertThat(states(t)).as(t).containsExactly("TJK");
    }
    assertThat(states("Встреча в Душанбе и в Бишкеке")).containsExactly("TJK", "KGZ");
    assertThat(states("Talks in Dushanbe and Bishkek")).containsExactly("TJK", "KGZ");
  }

  @Test
  void dates_absoluteAndRelativeToThePublishedDate() {
    var dates = ENGINE.analyse("Вчера, 12 марта 2025 года, и 2025-01-05 тоже.", PUBLISHED).dates();
    assertThat(dates)
        .extracting(Extraction.DateFinding::date)
        .containsExactly(
            LocalDate.of(2025, 3, 13), LocalDate.of(2025, 3, 12), LocalDate.of(2025, 1, 5));
    var en =
        ENGINE.analyse("On Monday officials met; on March 3, 2025 they agreed.", PUBLISHED).dates();
    assertThat(en)
        .extracting(Extraction.DateFinding::date)
        .containsExactly(LocalDate.of(2025, 3, 10), LocalDate.of(2025, 3, 3));
    assertThat(en.get(0).relative()).isTrue();
  }

  @Test
  void quantities_withUnits() {
    var q =
        ENGINE
            .analyse(
                "A 12% rise: 4.5 tonnes of heroin and 3,200 migrants were reported.", PUBLISHED)
            .quantities();
    assertThat(q)
        .extracting(Extraction.QuantityFinding::value, Extraction.QuantityFinding::unit)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(12.0, "percent"),
            org.assertj.core.groups.Tuple.tuple(4.5, "tonne"),
            org.assertj.core.groups.Tuple.tuple(3200.0, "migrants"));
    var ru =
        ENGINE.analyse("Изъято 1,5 тонны героина, задержано 40 человек.", PUBLISHED).quantities();
    assertThat(ru)
        .extracting(Extraction.QuantityFinding::value, Extraction.QuantityFinding::unit)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(1.5, "tonne"),
            org.assertj.core.groups.Tuple.tuple(40.0, "person"));
  }

  @Test
  void programmes_linkedByCodeAndInflectedTitle() {
    TextEngine e =
        ENGINE.withProgrammes(
            Map.of(
                "CIS-DRUG-2025",
                List.of(
                    "Programme against drug trafficking",
                    "Программа противодействия наркотрафику")));
    var found =
        e.analyse("Ход реализации Программы противодействия наркотрафику обсудили.", PUBLISHED)
            .programmes();
    assertThat(found)
        .extracting(Extraction.ProgrammeFinding::code)
        .containsExactly("CIS-DRUG-2025");
    assertThat(e.analyse("Under CIS-DRUG-2025 the states agreed.", PUBLISHED).programmes())
        .extracting(Extraction.ProgrammeFinding::code)
        .containsExactly("CIS-DRUG-2025");
  }

  @Test
  void language_detectsMemberStateLanguagesAndMarksOthersNotAnalysed() {
    assertThat(LanguageDetector.detect("The ministry said that the border was closed.").code())
        .isEqualTo("en");
    assertThat(LanguageDetector.detect("Министерство заявило, что граница закрыта.").code())
        .isEqualTo("ru");
    assertThat(LanguageDetector.detect("Қазақстан Республикасының шекарасы жабылды.").code())
        .isEqualTo("kk");
    assertThat(LanguageDetector.detect("Міністерство заявило, що кордон закрито і її.").code())
        .isEqualTo("uk");
    assertThat(LanguageDetector.detect("Հայաստանի կառավարությունը").code()).isEqualTo("hy");
    Extraction kk = ENGINE.analyse("Қазақстан Республикасының шекарасы жабылды.", PUBLISHED);
    assertThat(kk.language().analysed()).isFalse();
    assertThat(kk.events()).isEmpty();
  }

  @Test
  void extraction_carriesSpansThatPointIntoTheText() {
    Extraction x =
        ENGINE.analyse("Police in Kazakhstan seized 40 kg of heroin in Almaty.", PUBLISHED);
    for (Extraction.PlaceFinding p : x.places()) {
      assertThat(x.text().substring(p.start(), p.end())).isEqualTo(p.surface());
    }
    Extraction.EventFinding ev = x.events().get(0);
    assertThat(ev.category()).isEqualTo("COERCE");
    assertThat(ev.sourceTypes()).contains("COP");
    assertThat(x.text().substring(ev.start(), ev.end())).isEqualTo("seized");
  }
}
