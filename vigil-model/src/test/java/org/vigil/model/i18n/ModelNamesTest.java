package org.vigil.model.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Model names in Russian from the shared vocabulary; notation stays as written. */
class ModelNamesTest {

  @Test
  void russian_wordsTranslated_notationKept() {
    assertThat(
            ModelNames.translate(
                "ru",
                "Weighted(ETS(A,Ad,M), ARIMA(1,1,0) with drift, Theta(seasonally adjusted)) on log"))
        .isEqualTo(
            "Взвешенная(ETS(A,Ad,M), ARIMA(1,1,0) со сносом, Тета(с сезонной корректировкой))"
                + " по логарифмам");
    assertThat(ModelNames.translate("ru", "Mean(ETS(M,N,N), Naive2(seasonal), SeasonalNaive(12))"))
        .isEqualTo("Среднее(ETS(M,N,N), Наивный-2(сезонный), Сезонный наивный(12))");
    assertThat(ModelNames.translate("ru", "Croston")).isEqualTo("Кростон");
  }

  @Test
  void english_unchanged_andWholeWordsOnly() {
    String name = "Median(ETS(A,N,N), Theta, Drift)";
    assertThat(ModelNames.translate("en", name)).isEqualTo(name);
    // "Naive" inside "SeasonalNaive" or "Naive2" is not a word of its own.
    assertThat(ModelNames.translate("ru", "SeasonalNaive(7)")).doesNotContain("Наивный(");
  }

  @Test
  void vocabulary_longestFirst_andEveryWordInBothLanguages() {
    assertThat(ModelNames.words()).startsWith("seasonally adjusted").contains("on log", "Croston");
    for (String w : ModelNames.words()) {
      String key = ModelNames.PREFIX + w.replace(' ', '_');
      assertThat(Translations.of("ru")).containsKey(key);
    }
  }
}
