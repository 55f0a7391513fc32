package org.vigil.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A Russian and an English text about the same event give the same domains, states and event. */
class BilingualPairsTest {
  private static final TextEngine ENGINE = TextEngine.standard();
  private static final LocalDate PUBLISHED = LocalDate.of(2025, 3, 14);

  record Pair(String en, String ru) {}

  private static final List<Pair> PAIRS =
      List.of(
          new Pair(
              "Border guards of Tajikistan seized 120 kg of heroin near the Afghan border.",
              "Пограничники Таджикистана изъяли 120 кг героина у границы с Афганистаном."),
          new Pair(
              "Police in Kazakhstan arrested members of a drug trafficking gang in Almaty.",
              "Полиция Казахстана задержала членов банды наркоторговцев в Алматы."),
          new Pair(
              "Kyrgyzstan and Uzbekistan signed an agreement on water sharing from the Syr Darya river.",
              "Киргизия и Узбекистан подписали соглашение о распределении воды реки Сырдарья."),
          new Pair(
              "Militants attacked a police post in Dagestan and killed two officers in a terrorist attack.",
              "Боевики напали на пост полиции в Дагестане и убили двух сотрудников в ходе теракта."),
          new Pair(
              "Armenia condemned the shelling of villages by Azerbaijan.",
              "Армения осудила обстрел сел со стороны Азербайджана."),
          new Pair(
              "Belarus investigated a cyber attack by hackers on government websites in Minsk.",
              "Беларусь расследовала кибератаку хакеров на правительственные сайты в Минске."),
          new Pair(
              "Russia deported 300 illegal migrants to Uzbekistan.",
              "Россия депортировала 300 нелегальных мигрантов в Узбекистан."),
          new Pair(
              "Moldova demanded that Russia withdraw its troops from Transnistria.",
              "Молдова потребовала от России вывести войска из Приднестровья."),
          new Pair(
              "Turkmenistan rejected a proposal of Afghanistan on a gas pipeline.",
              "Туркменистан отверг предложение Афганистана о газопроводе."),
          new Pair(
              "Kazakhstan reported an epidemic outbreak of a virus infection in Shymkent and imposed a quarantine.",
              "Казахстан сообщил о вспышке вирусной инфекции в Шымкенте и ввел карантин."),
          new Pair(
              "Protesters in Bishkek demonstrated against the rise of prices and unemployment in Kyrgyzstan.",
              "Протестующие в Бишкеке провели демонстрацию против безработицы и подорожания в Киргизии."));

  @Test
  void russianAndEnglishTextsAboutTheSameEvent_yieldTheSameDomainsStatesAndCategory() {
    assertThat(PAIRS).hasSizeGreaterThanOrEqualTo(10);
    int withDomains = 0;
    for (Pair p : PAIRS) {
      Extraction en = ENGINE.analyse(p.en(), PUBLISHED);
      Extraction ru = ENGINE.analyse(p.ru(), PUBLISHED);
      assertThat(en.language().code()).as(p.en()).isEqualTo("en");
      assertThat(ru.language().code()).as(p.ru()).isEqualTo("ru");
      withDomains += ru.domainList().isEmpty() ? 0 : 1;
      assertThat(ru.domainList())
          .as("domains: %s vs %s", p.en(), p.ru())
          .containsExactlyInAnyOrderElementsOf(en.domainList());
      assertThat(ru.states()).as("states: %s", p.ru()).isNotEmpty().isEqualTo(en.states());
      assertThat(category(ru))
          .as("event: %s vs %s", p.en(), p.ru())
          .isPresent()
          .isEqualTo(category(en));
    }
    assertThat(withDomains).as("pairs with a threat domain found").isGreaterThanOrEqualTo(8);
  }

  private static Optional<String> category(Extraction e) {
    return e.events().stream().findFirst().map(Extraction.EventFinding::category);
  }
}
