package org.vigil.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Short headlines are where a word-count detector goes wrong: one stray word must not decide. */
class LanguageDetectorTest {
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Police.|en",
        "Bomb hits bus|en",
        "Floods in Osh|en",
        "Protest in Chișinău|en",
        "Da Nang port closed|en",
        "Hackers hit banks|en",
        "Bu port closed after a blast|en",
        "Border guards seized heroin|en",
        "Граница закрыта|ru",
        "Guvernul a aprobat un plan pentru care este nevoie de bani în Moldova|ro",
        "Hukumat bu yil qishloq xo'jaligi uchun yangi dastur qabul qildi va bu muhim|uz",
        "Hökumət bu il kənd təsərrüfatı üçün yeni proqram qəbul edib və bu vacibdir|az"
      })
  void detect_shortAndLatinTexts_giveTheirLanguage(String text, String code) {
    assertThat(LanguageDetector.detect(text).code()).isEqualTo(code);
  }
}
