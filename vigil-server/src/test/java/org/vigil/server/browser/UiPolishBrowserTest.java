package org.vigil.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;

/**
 * The indicator explorer (ui10): a region-only indicator at state level charts the state's figure
 * made of the regions the reader may read, labelled as such with its coverage; a forecast's model
 * name on a Russian page has no English words left, only notation.
 */
@ExtendWith(BrowserFixture.class)
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class UiPolishBrowserTest {
  private static final String IND = "DEMO_DRUG_OFFENCES_REGIONAL";
  private static BrowserFixture.Shared fx;

  @BeforeAll
  static void start() {
    fx = BrowserFixture.shared();
  }

  @ParameterizedTest
  @CsvSource({
    "rus.analyst, en, 12 of 20 regions, sum of regions",
    "rus.analyst, ru, 12 из 20 регионов, сумма по регионам",
    "kaz.analyst, en, 13 of 20 regions, sum of regions",
    "kaz.analyst, ru, 13 из 20 регионов, сумма по регионам"
  })
  @SuppressWarnings("unchecked")
  void regionOnlyIndicator_atStateLevel_chartsTheSumOfRegionsWithItsCoverage(
      String user, String lang, String coverage, String label) {
    fx.login(user, lang);
    fx.open("#/indicator?code=" + IND + "&areas=KAZ");
    assertThat(fx.browser.driver().findElements(By.id("ind-empty"))).isEmpty();
    assertThat(fx.browser.find("#ind-region-chart-note").getText()).contains(coverage);
    Map<String, Object> chart =
        (Map<String, Object>)
            fx.browser.script(
                "const s = echarts.getInstanceByDom(document.getElementById('ind-chart'))"
                    + ".getOption().series;"
                    + " return { n: s.length, name: s[0].name,"
                    + " values: s[0].data.filter((v) => v !== null) };");
    assertThat(((Number) chart.get("n")).intValue()).isEqualTo(1);
    assertThat((String) chart.get("name")).contains(label).contains(coverage);
    // The chart draws the API's figure for this reader, value for value.
    List<Number> api =
        (List<Number>)
            fx.browser.script(
                "const r = new XMLHttpRequest();"
                    + " r.open('GET', '/api/areas/KAZ/regional-total?indicator="
                    + IND
                    + "', false); r.send();"
                    + " return JSON.parse(r.responseText).points.map((p) => p.value);");
    List<Number> drawn = (List<Number>) chart.get("values");
    assertThat(drawn).hasSize(api.size()).hasSizeGreaterThan(12);
    for (int i = 0; i < api.size(); i++) {
      assertThat(drawn.get(i).doubleValue()).isEqualTo(api.get(i).doubleValue());
    }
    fx.browser.script("document.getElementById('ind-chart').scrollIntoView();");
    fx.browser.screenshot("ui10-region-chart-" + user.substring(0, 3) + "-" + lang);
  }

  @ParameterizedTest
  @ValueSource(strings = {"DEMO_DRUG_TRAFFICKING_OFFENCES", "DEMO_CYBER_INCIDENTS"})
  void forecastModelName_russianPageHasNoEnglishWords_englishPageKeepsThem(String indicator) {
    String en = modelText("en", indicator);
    String ru = modelText("ru", indicator);
    // Words: a Latin run with two or more lower-case letters ("Mean", "on", "log", "seasonal");
    // notation such as ETS(A,Ad,M), ARIMA(1,1,0) or SBA has at most one.
    String word = ".*[A-Za-z]*[a-z][A-Za-z]*[a-z].*";
    assertThat(en).as("the English model name has words to translate").matches("(?s)" + word);
    assertThat(ru.replaceAll("[^A-Za-z]+", " ").trim().split(" "))
        .as("Latin words in the Russian model name '%s'", ru)
        .noneMatch(w -> w.matches("[A-Za-z]*[a-z][A-Za-z]*[a-z][A-Za-z]*"));
    assertThat(ru).startsWith("Модель: ");
    System.out.printf("%s model, en: %s | ru: %s%n", indicator, en, ru);
  }

  private static String modelText(String lang, String indicator) {
    fx.login("kaz.analyst", lang);
    fx.open("#/indicator?code=" + indicator + "&areas=KAZ");
    String text = fx.browser.awaitVisible("#ind-model", Duration.ofSeconds(120)).getText();
    fx.browser.script("document.getElementById('ind-model').scrollIntoView({block: 'center'});");
    fx.browser.screenshot("ui10-model-" + indicator + "-" + lang);
    return text;
  }
}
