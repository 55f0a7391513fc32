package org.vigil.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * What read wrong to an analyst on the pages (ui11): risk scores in a column at one precision
 * ("6.0" beside "6.9", not "6"); a value in percent changes by percentage points on the state page
 * (a water deficit of 15% of demand after 17.9% is "−2.9 pp", not "−16%"); the programme list's
 * first column is a code, its second a name ("Название", not "Заголовок"). And (ui12): the English
 * first column says "Code", not "Id"; a negative number prints a true minus (U+2212), not a hyphen.
 */
@ExtendWith(BrowserFixture.class)
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class AnalystWordingBrowserTest {
  private static BrowserFixture.Shared fx;
  private static Browser browser;

  @BeforeAll
  static void start() {
    fx = BrowserFixture.shared();
    browser = fx.browser;
  }

  @ParameterizedTest(name = "in {0}")
  @ValueSource(strings = {"en", "ru"})
  void riskScores_haveOneDecimalEach(String lang) {
    fx.login("kaz.analyst", lang);
    fx.open("#/risk");
    List<WebElement> scores =
        browser.driver().findElements(By.cssSelector("#risk-composites span.composite"));
    assertThat(scores).hasSizeGreaterThan(5);
    String decimal = lang.equals("ru") ? "," : "\\.";
    for (WebElement s : scores) {
      double published = Double.parseDouble(s.getAttribute("data-score"));
      assertThat(s.getText()).matches("\\d+" + decimal + "\\d");
      assertThat(Double.parseDouble(s.getText().replace(',', '.')))
          .isCloseTo(published, org.assertj.core.data.Offset.offset(0.05 + 1e-9));
    }
    List<String> changes =
        browser
            .driver()
            .findElements(By.cssSelector("#risk-composites tbody tr td:nth-child(3)"))
            .stream()
            .map(WebElement::getText)
            .toList();
    assertThat(changes).allSatisfy(c -> assertThat(c).matches("[+−]?\\d+" + decimal + "\\d|—"));
    browser.screenshot("wording-risk-" + lang);
  }

  @ParameterizedTest(name = "in {0}")
  @ValueSource(strings = {"en", "ru"})
  void statePage_percentIndicator_changesByPoints_othersByPercent(String lang) {
    fx.login("kaz.analyst", lang);
    fx.open("#/state/KAZ");
    browser.awaitVisible("#state-indicators table", BrowserFixture.WAIT);
    List<?> deficit =
        (List<?>) apiGet("/api/series?indicator=DEMO_WATER_DEFICIT&area=KAZ").get("observations");
    assertThat(deficit).hasSizeGreaterThan(13);
    double now = value(deficit.get(deficit.size() - 1));
    double yearAgo = value(deficit.get(deficit.size() - 13));
    String points = lang.equals("ru") ? "п. п." : "pp";

    String water = cellOf("DEMO_WATER_DEFICIT");
    assertThat(water.replace('\u00a0', ' ')).endsWith(" " + points);
    double shown =
        Double.parseDouble(
            water
                .replace('\u00a0', ' ')
                .replace(" " + points, "")
                .replace('−', '-')
                .replace(',', '.'));
    assertThat(shown).isCloseTo(now - yearAgo, org.assertj.core.data.Offset.offset(0.05 + 1e-9));

    assertThat(cellOf("DEMO_TERROR_INCIDENTS")).matches("[+−]?\\d+\\s?%|—");
    browser.screenshot("wording-state-" + lang);
  }

  @ParameterizedTest(name = "in {0}")
  @ValueSource(strings = {"en", "ru"})
  void programmeList_namesItsColumns(String lang) {
    fx.login("kaz.analyst", lang);
    fx.open("#/programmes");
    List<String> headers =
        browser.driver().findElements(By.cssSelector(".page table:first-of-type thead th")).stream()
            .map(WebElement::getText)
            .limit(2)
            .toList();
    assertThat(headers)
        .containsExactlyElementsOf(
            lang.equals("ru") ? List.of("Код", "Название") : List.of("Code", "Title"));
  }

  /** Every number format of the pages prints a negative with a true minus, never a hyphen. */
  @ParameterizedTest(name = "in {0}")
  @ValueSource(strings = {"en", "ru"})
  void negativeNumbers_printATrueMinus(String lang) {
    fx.login("kaz.analyst", lang);
    fx.open("#/dashboard");
    browser.driver().manage().timeouts().scriptTimeout(BrowserFixture.WAIT);
    Object shown =
        ((JavascriptExecutor) browser.driver())
            .executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                    + " import('/js/i18n.js').then(m => done([m.num(-1234.5), m.count(-3),"
                    + " m.value(-12.25, {aggregation: 'MEAN'}), m.pct(-0.5), m.change(-0.4),"
                    + " m.score(-1), m.scoreChange(-0.24), m.changePct(-0.031)]),"
                    + " e => done(String(e)));");
    assertThat(shown).isInstanceOf(List.class);
    String decimal = lang.equals("ru") ? "," : ".";
    assertThat((List<?>) shown)
        .hasSize(8)
        .allSatisfy(x -> assertThat(x.toString()).startsWith("\u2212").doesNotContain("-"));
    assertThat(((List<?>) shown).get(5)).isEqualTo("\u22121" + decimal + "0");
  }

  /** The change cell of an indicator's row in the state page's key indicators. */
  private static String cellOf(String indicator) {
    WebElement link = browser.find("#state-indicators a[href*='code=" + indicator + "&']");
    WebElement row = link.findElement(By.xpath("./ancestor::tr"));
    return row.findElements(By.tagName("td")).get(5).getText();
  }

  private static double value(Object observation) {
    return ((Number) ((Map<?, ?>) observation).get("value")).doubleValue();
  }

  /** GET of the API in the browser's session (the reader's own rights). */
  private static Map<?, ?> apiGet(String path) {
    browser.driver().manage().timeouts().scriptTimeout(BrowserFixture.WAIT);
    Object r =
        ((JavascriptExecutor) browser.driver())
            .executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                    + " fetch(arguments[0], {headers: {Accept: 'application/json'}})"
                    + ".then(r => r.json()).then(done, e => done(String(e)));",
                path);
    assertThat(r).as(path).isInstanceOf(Map.class);
    return (Map<?, ?>) r;
  }
}
