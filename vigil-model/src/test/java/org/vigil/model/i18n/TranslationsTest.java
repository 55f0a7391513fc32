package org.vigil.model.i18n;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.vigil.model.Role;
import org.vigil.model.ThreatDomain;
import org.vigil.model.alert.AlertRule;
import org.vigil.model.alert.AlertSeverity;
import org.vigil.model.alert.AlertState;

class TranslationsTest {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");

  @Test
  void everyKey_existsInBothLanguages() {
    Set<String> en = Translations.of("en").keySet();
    Set<String> ru = Translations.of("ru").keySet();
    Set<String> onlyEn = new TreeSet<>(en);
    onlyEn.removeAll(ru);
    Set<String> onlyRu = new TreeSet<>(ru);
    onlyRu.removeAll(en);
    assertThat(onlyEn).as("keys missing from messages_ru.properties").isEmpty();
    assertThat(onlyRu).as("keys missing from messages_en.properties").isEmpty();
    assertThat(en).hasSizeGreaterThan(200);
  }

  @Test
  void everyText_isNonBlank_andHasTheSamePlaceholdersInBothLanguages() {
    Map<String, String> en = Translations.of("en");
    Map<String, String> ru = Translations.of("ru");
    en.forEach(
        (k, v) -> {
          assertThat(v).as("English text of %s", k).isNotBlank();
          assertThat(ru.get(k)).as("Russian text of %s", k).isNotBlank();
          assertThat(placeholders(ru.get(k)))
              .as("placeholders of %s", k)
              .isEqualTo(placeholders(v));
        });
  }

  @Test
  void russianTexts_areNotCopiesOfTheEnglishOnes() {
    Map<String, String> en = Translations.of("en");
    Map<String, String> ru = Translations.of("ru");
    Set<String> same = new TreeSet<>();
    en.forEach(
        (k, v) -> {
          // Letters only: symbols, numbers and codes (PDF, CSV, ISO) may be the same in both.
          if (v.equals(ru.get(k)) && v.matches(".*[a-z]{3,}.*")) {
            same.add(k);
          }
        });
    assertThat(same).as("keys whose Russian text is the English one").isEmpty();
  }

  @Test
  void enumsShownToUsers_allHaveLabels() {
    Map<String, String> ru = Translations.of("ru");
    for (ThreatDomain d : ThreatDomain.values()) {
      assertThat(ru).containsKey("domain." + d.name());
    }
    for (Role r : Role.values()) {
      assertThat(ru).containsKey("role." + r.name());
    }
    for (AlertSeverity s : AlertSeverity.values()) {
      assertThat(ru).containsKey("severity." + s.name());
    }
    for (AlertState s : AlertState.values()) {
      assertThat(ru).containsKey("alertState." + s.name());
    }
    for (AlertRule r : AlertRule.values()) {
      assertThat(ru).containsKey("alertRule." + r.name());
    }
  }

  @Test
  void text_fillsPlaceholders_andFallsBackToEnglishThenTheKey() {
    assertThat(Translations.text("ru-RU", "ev.total", Map.of("n", 7))).isEqualTo("всего: 7");
    assertThat(Translations.text("de", "ev.total", Map.of("n", 7))).isEqualTo("7 in total");
    assertThat(Translations.text("ru", "no.such.key")).isEqualTo("no.such.key");
    assertThatThrownBy(() -> Translations.of("de"))
        .hasMessageContaining("expected one of [en, ru]");
  }

  private static Set<String> placeholders(String s) {
    Set<String> out = new TreeSet<>();
    Matcher m = PLACEHOLDER.matcher(s);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }
}
